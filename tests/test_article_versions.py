"""Article versions as units: the generic engine reads any spec, the 2022 section is cut out
of its long article and paired with the English source, and one version's copy is evidence
about another's (the verdict kinds 'retranslated' and 'untranslated')."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser

from articles import (
    PAY_SUBSCRIPTION_2022,
    SETTLE_BALANCE_2021,
    SPECS,
    load_copy,
    recognise,
    with_other_versions,
)
from articles.pay_subscription_2022.vocabulary import Slot2022
from core.article import ArticleError, load_article
from core.gherkin import Scenario, quote
from core.model import Action, Article, Option, Slot, Step
from core.spec import ArticleSpec
from core.verdict import ARTICLE_DEFECT, MATCH, RETRANSLATED, UI_DIFFERS, UNTRANSLATED, judge
from features.gherkin import render_feature

# --- a toy article version, declared here: the engine must need nothing else -------------


class ToyAction(Action):
    OPEN = "open"
    PAY = "pay"


class ToySlot(Slot):
    BALANCE = "balance-page"
    PAY = "pay-now"


def toy_classify(step: Step) -> tuple[ToyAction | None, tuple[Option, ...]]:
    if re.search(r"\bopen \*\*", step.english, re.I):
        return ToyAction.OPEN, ()
    if re.search(r"\bselect \*\*", step.english, re.I):
        return ToyAction.PAY, ()
    return None, ()


def toy_scenarios(article: Article) -> Iterator[Scenario]:
    page, pay = article.label(ToySlot.BALANCE), article.label(ToySlot.PAY)
    assert page is not None and pay is not None
    yield Scenario(
        "Admin pays the balance",
        ("@article",),
        (f"When I open {quote(page.localized)}", f"And I select {quote(pay.localized)}"),
    )


def toy_spec(folder: Path) -> ArticleSpec:
    return ArticleSpec(
        id="pay-your-balance-2025",
        release="2025",
        title="Pay your balance",
        anchor="pay-your-balance",
        section_anchor="pay-your-balance",
        source_locale="en-US",
        folder=folder,
        feature_name="pay_your_balance.feature",
        slots_by_action={ToyAction.OPEN: (ToySlot.BALANCE,), ToyAction.PAY: (ToySlot.PAY,)},
        classify=toy_classify,
        background=lambda article: ["Given a tenant with a balance"],
        scenarios=toy_scenarios,
    )


FRONT = "---\ntitle: {title}\nms.topic: article\n{extra}---\n\n"
ENGLISH_BODY = """# Billing help

## Before you begin

Nothing here is a flow.

1. Open **Settings** first.

## Pay your balance

Intro sentence.

1. Open **Balance**.
1. Select **Pay now**.

## Related
"""
FRENCH_BODY = """# Aide

## <a name="pay-your-balance"></a>Payer votre solde

Phrase d'introduction.

1. Ouvrez **Solde**.
1. Sélectionnez **Payer maintenant**.

## <a name="related"></a>Voir aussi
"""
LOCALIZED_META = (
    "ms.contentlocale: fr-FR\nms.locfileid: 1\nms.openlocfilehash: abc\nms.lasthandoff: 2025\n"
)


@pytest.fixture
def toy(tmp_path: Path) -> ArticleSpec:
    spec = toy_spec(tmp_path)
    spec.articles.mkdir()
    english = FRONT.format(title="Billing help", extra="") + ENGLISH_BODY
    (spec.articles / "en-US.md").write_text(english, encoding="utf-8")
    french = FRONT.format(title="Aide", extra=LOCALIZED_META) + FRENCH_BODY
    (spec.articles / "fr-FR.md").write_text(french, encoding="utf-8")
    return spec


def test_the_generic_engine_reads_a_toy_spec_declared_in_the_test(toy: ArticleSpec) -> None:
    article = load_article(toy.article_path("fr-FR"), toy)
    # Only the spec's section is the flow ("Settings" in another section is not a step).
    assert [(s.number, s.action) for s in article.steps] == [
        (1, ToyAction.OPEN),
        (2, ToyAction.PAY),
    ]
    assert {slot: label.localized for slot, label in article.slotted.items()} == {
        ToySlot.BALANCE: "Solde",
        ToySlot.PAY: "Payer maintenant",
    }
    assert article.label(ToySlot.PAY).english == "Pay now"  # type: ignore[union-attr]
    assert judge(article, article.label(ToySlot.PAY), "Payer maintenant").verdict == MATCH  # type: ignore[arg-type]
    feature = render_feature(article, "fr-FR.md")
    document: Any = Parser().parse(feature)
    assert "@version:pay-your-balance-2025 @release:2025" in feature
    names = [c["scenario"]["name"] for c in document["feature"]["children"] if "scenario" in c]
    assert names == ["Admin pays the balance (fr-FR, pay-your-balance-2025)"]
    assert 'And I select "Payer maintenant"' in feature


def test_a_copy_that_does_not_follow_the_english_source_block_by_block_is_refused(
    toy: ArticleSpec,
) -> None:
    path = toy.article_path("fr-FR")
    path.write_text(path.read_text(encoding="utf-8").replace("1. Ouvrez", "Ouvrez"), "utf-8")
    with pytest.raises(ArticleError, match="does not follow the English source"):
        load_article(path, toy)


def test_a_long_article_without_the_flow_section_is_refused(toy: ArticleSpec) -> None:
    path = toy.article_path("fr-FR")
    path.write_text(path.read_text(encoding="utf-8").replace("pay-your-balance", "x"), "utf-8")
    with pytest.raises(ArticleError, match="no section #pay-your-balance"):
        load_article(path, toy)


@pytest.mark.parametrize("locale", PAY_SUBSCRIPTION_2022.locales())
def test_every_2022_copy_yields_the_sections_six_labels_in_four_steps(locale: str) -> None:
    article = load_copy(PAY_SUBSCRIPTION_2022, locale)
    assert [step.number for step in article.steps] == [1, 2, 3, 4]  # Markdown's "1. 1. 1. 1."
    assert set(article.slotted) == set(Slot2022)
    assert all(label.localized for label in article.slotted.values())


def test_a_link_names_the_payment_methods_tab() -> None:
    article = load_copy(PAY_SUBSCRIPTION_2022, "fr-FR")
    tab = article.label(Slot2022.PAYMENT_METHODS_TAB)
    assert tab is not None and (tab.english, tab.localized) == (
        "Payment methods",
        "Modes de paiement",
    )
    assert judge(article, tab, "Modes de paiement").verdict == MATCH


def test_every_copy_is_recognised_as_its_own_version() -> None:
    for spec in SPECS:
        for locale in spec.locales()[:3]:
            assert recognise(spec.article_path(locale)).spec is spec


def test_a_word_that_changed_between_versions_while_the_ui_kept_it_is_the_articles_defect() -> None:
    article = with_other_versions(load_copy(PAY_SUBSCRIPTION_2022, "pt-BR"))
    settle = article.label(Slot2022.SETTLE_BALANCE)
    assert settle is not None and settle.localized == "Equilibrar"
    verdict = judge(article, settle, "Liquidar saldo")  # what the 2021 copy and the UI say
    assert (verdict.verdict, verdict.kind) == (ARTICLE_DEFECT, RETRANSLATED)
    assert SETTLE_BALANCE_2021.id in verdict.reason
    # Without the other version as evidence, the same difference reads as UI drift.
    alone = load_copy(PAY_SUBSCRIPTION_2022, "pt-BR")
    assert judge(alone, alone.label(Slot2022.SETTLE_BALANCE), "Liquidar saldo").verdict == (  # type: ignore[arg-type]
        UI_DIFFERS
    )


def test_the_other_versions_very_word_outweighs_an_inflected_reading() -> None:
    """da-DK 2022 says "Afregn saldo"; 2021 and the UI "Afregningssaldo". The stems would
    read the bold as holding the UI label's words inflected (extra-words); the other
    version's copy using the UI's very word says the word changed (found by seeding)."""
    article = with_other_versions(load_copy(PAY_SUBSCRIPTION_2022, "da-DK"))
    settle = article.label(Slot2022.SETTLE_BALANCE)
    assert settle is not None and settle.localized == "Afregn saldo"
    verdict = judge(article, settle, "Afregningssaldo")
    assert (verdict.verdict, verdict.kind) == (ARTICLE_DEFECT, RETRANSLATED)
    alone = load_copy(PAY_SUBSCRIPTION_2022, "da-DK")
    alone_settle = alone.label(Slot2022.SETTLE_BALANCE)
    assert alone_settle is not None
    assert judge(alone, alone_settle, "Afregningssaldo").kind == "extra-words"


def test_a_label_left_in_english_in_a_localized_copy_is_untranslated() -> None:
    article = load_copy(PAY_SUBSCRIPTION_2022, "de-DE")
    text = article.path.read_text(encoding="utf-8").replace(
        "**Saldo ausgleichen**", "**Settle balance**"
    )
    english = article.path.parent / "xx" / "de-DE.md"
    try:
        english.parent.mkdir(exist_ok=True)
        english.write_text(text, encoding="utf-8")
        left = load_article(english, PAY_SUBSCRIPTION_2022)
    finally:
        english.unlink(missing_ok=True)
        english.parent.rmdir()
    label = left.label(Slot2022.SETTLE_BALANCE)
    assert label is not None and label.localized == "Settle balance"
    verdict = judge(left, label, "Saldo ausgleichen")
    assert (verdict.verdict, verdict.kind) == (ARTICLE_DEFECT, UNTRANSLATED)
    # The English copy itself is never "untranslated".
    source = load_copy(PAY_SUBSCRIPTION_2022, "en-US")
    assert judge(source, source.label(Slot2022.SETTLE_BALANCE), "Clear debt").verdict == UI_DIFFERS  # type: ignore[arg-type]


def test_slots_are_each_versions_own_enum() -> None:
    assert all(
        issubclass(type(slot), Slot)
        for spec in SPECS
        for slot in spec.slots_by_action[next(iter(spec.slots_by_action))]
    )
    assert isinstance(Slot2022.SAVE, enum.Enum)
