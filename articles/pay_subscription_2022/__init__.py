"""The 2022 section "What if I have an outstanding balance?" of *Pay for your subscription*.

After the admin center moved the flow: Billing > **Bills & payments**, the **Payment
methods** tab (named by a link, not bold), a warning naming the declined payment method,
**Settle balance**, a right pane to choose another method or **Add a new payment method**,
**Save**. Written for UI release 2022. Most copies are single-language: their English source
is the en-US copy's section, paired block by block (``core.parsing.pair_with_source``).
Localized copies in ``locales/`` (whole articles, as published), reviewed errata in
``errata/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from articles.pay_subscription_2022.scenarios import FeatureBuilder
from articles.pay_subscription_2022.vocabulary import (
    OPTION_PHRASES,
    SLOTS_BY_ACTION,
    Action2022,
    Option2022,
)
from core.gherkin import Scenario
from core.labels import unlink
from core.model import Article, Step
from core.spec import ArticleSpec

__all__ = ["SPEC"]


def classify(step: Step) -> tuple[Action2022 | None, tuple[Option2022, ...]]:
    """Decide what a step asks for from its English source's phrasing."""
    english = unlink(step.english)
    options = tuple(option for option, phrase in OPTION_PHRASES.items() if phrase.search(english))
    if re.search(r"\bgo to the \*\*[^*]+\*\*.*\btab\b", english, re.I):
        return Action2022.NAVIGATE, ()
    if options:
        return Action2022.CHOOSE_METHOD, options
    if re.search(r"\bselect \*\*settle balance\*\*", english, re.I):
        return Action2022.SETTLE, ()
    if re.search(r"\bselect \*\*[^*]+\*\*", english, re.I):
        return Action2022.SAVE, ()
    return None, ()


def background(article: Article) -> list[str]:
    return FeatureBuilder(article).background()


def scenarios(article: Article) -> Iterator[Scenario]:
    return FeatureBuilder(article).scenarios()


SPEC = ArticleSpec(
    id="pay-subscription-2022",
    release="2022",
    title="What if I have an outstanding balance?",
    anchor="what-if-i-have-an-outstanding-balance",
    section_anchor="what-if-i-have-an-outstanding-balance",
    source_locale="en-US",
    folder=Path(__file__).resolve().parent,
    feature_name="pay_outstanding_balance.feature",
    slots_by_action=SLOTS_BY_ACTION,
    classify=classify,
    background=background,
    scenarios=scenarios,
)
