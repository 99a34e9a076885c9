"""The 2021 article "Settle an outstanding balance": the flow as first documented.

Billing > Your products, the past-due notice next to the subscription, **Settle balance**, the
card owner's and non-owner's payment-method options, **Save**. Written for UI release 2021.
Its localized copies are in ``locales/`` (side-by-side), its reviewed errata in ``errata/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from articles.settle_balance_2021.scenarios import FeatureBuilder
from articles.settle_balance_2021.vocabulary import (
    OPTION_PHRASES,
    SLOTS_BY_ACTION,
    Action2021,
    Option2021,
)
from core.gherkin import Scenario
from core.labels import unlink
from core.model import Article, Step
from core.spec import ArticleSpec

__all__ = ["SPEC"]


def classify(step: Step) -> tuple[Action2021 | None, tuple[Option2021, ...]]:
    """Decide what a step asks for from its English source's phrasing."""
    english = unlink(step.english)
    options = tuple(option for option, phrase in OPTION_PHRASES.items() if phrase.search(english))
    if re.search(r"\bif you(?:'|’)re not the (?:credit )?card owner\b", english, re.I):
        return Action2021.NON_OWNER_OPTIONS, options
    if re.search(r"\bif you(?:'|’)re the (?:credit )?card owner\b", english, re.I):
        return Action2021.OWNER_OPTIONS, options
    if re.search(r"^\s*go to \*\*", english, re.I):
        return Action2021.NAVIGATE, ()
    if re.search(r"next to \*\*[^*]+\*\*,? click \*\*[^*]+\*\*", english, re.I):
        return Action2021.SETTLE, ()
    if re.search(r"\bclick \*\*[^*]+\*\*", english, re.I):
        return Action2021.SAVE, ()
    return None, ()


def background(article: Article) -> list[str]:
    return FeatureBuilder(article).background()


def scenarios(article: Article) -> Iterator[Scenario]:
    return FeatureBuilder(article).scenarios()


SPEC = ArticleSpec(
    id="settle-balance-2021",
    release="2021",
    title="Settle an outstanding balance",
    anchor="settle-an-outstanding-balance",
    folder=Path(__file__).resolve().parent,
    feature_name="settle_balance.feature",
    slots_by_action=SLOTS_BY_ACTION,
    classify=classify,
    background=background,
    scenarios=scenarios,
)
