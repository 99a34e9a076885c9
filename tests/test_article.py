"""The article model on the seed articles: labels, metadata, actions, units."""

from __future__ import annotations

import pytest

from articles import SETTLE_BALANCE_2021
from articles.settle_balance_2021.vocabulary import Action2021, Option2021
from core.article import load_article

ARTICLES = SETTLE_BALANCE_2021.articles


# Read off the articles by hand (not produced by the code): (step, English, localized, unit).
EXPECTED_LABELS = {
    "fr-FR": [
        (1, "Billing", "Facturation", "426d4-104"),
        (1, "Your products", "Vos produits", "426d4-104"),
        (2, "Subscription has a past due payment", "Abonnement a un paiement échu", "426d4-106"),
        (2, "Settle balance", "Régler le solde", "426d4-106"),
        (5, "Save", "Enregistrer", "426d4-109"),
    ],
    "ja-JP": [
        (1, "Billing", "課金", "f03a8-104"),
        (1, "Your products", "製品", "f03a8-104"),
        (
            2,
            "Subscription has a past due payment",
            "サブスクリプションの支払期限が過ぎています",
            "f03a8-106",
        ),
        (2, "Settle balance", "残高の決済", "f03a8-106"),
        (5, "Save", "保存", "f03a8-109"),
    ],
    "zh-TW": [
        (1, "Billing", "帳單", "364a5-104"),
        (1, "Your products", "您的產品", "364a5-104"),
        (2, "Subscription has a past due payment", "有逾期款項的訂閱", "364a5-106"),
        (2, "Settle balance", "結算餘額", "364a5-106"),
        (5, "Save", "儲存", "364a5-109"),
    ],
    "lv-LV": [
        (1, "Billing", "Norēķini", "6991a-104"),
        (1, "Your products", "Jūsu produkti", "6991a-104"),
        (
            2,
            "Subscription has a past due payment",
            "Abonementam ir nokavēts maksājums",
            "6991a-106",
        ),
        (2, "Settle balance", "Noslēgt bilanci", "6991a-106"),
        (5, "Save", "Saglabāt", "6991a-109"),
    ],
    "nl-NL": [
        (1, "Billing", "Facturering", "24dad-104"),
        (1, "Your products", "Uw producten", "24dad-104"),
        (
            2,
            "Subscription has a past due payment",
            "Abonnement heeft een verschuldigd bedrag",
            "24dad-106",
        ),
        (2, "Settle balance", "Saldo betalen", "24dad-106"),
        (5, "Save", "Opslaan", "24dad-109"),
    ],
}
EXPECTED_META = {
    "fr-FR": ("47739643", "0f7c048218864757517090db20ec68203d85eff9", "09/14/2020"),
    "ja-JP": ("44282049", "f51ac76fb75c3386488ae533f8af4e48dfba921e", "05/13/2020"),
    "zh-TW": ("51831257", "1efe2de3331d161c8344a78f28c6e39e027b8dc6", "04/15/2021"),
    "lv-LV": ("51831273", "1efe2de3331d161c8344a78f28c6e39e027b8dc6", "04/15/2021"),
    "nl-NL": ("51831261", "1efe2de3331d161c8344a78f28c6e39e027b8dc6", "04/15/2021"),
}


@pytest.mark.parametrize("locale", sorted(EXPECTED_LABELS))
def test_seed_labels(locale: str) -> None:
    article = load_article(ARTICLES / f"{locale}.md", SETTLE_BALANCE_2021)
    got = [(lb.step, lb.english, lb.localized, lb.unit_id) for lb in article.labels]
    assert got == EXPECTED_LABELS[locale]
    assert article.diagnostics == []


@pytest.mark.parametrize("locale", sorted(EXPECTED_META))
def test_seed_metadata_and_actions(locale: str) -> None:
    article = load_article(ARTICLES / f"{locale}.md", SETTLE_BALANCE_2021)
    meta = article.meta
    assert (meta.locfileid, meta.openlocfilehash, meta.lasthandoff) == EXPECTED_META[locale]
    assert meta.locale == locale
    assert [step.action for step in article.steps] == [
        Action2021.NAVIGATE,
        Action2021.SETTLE,
        Action2021.OWNER_OPTIONS,
        Action2021.NON_OWNER_OPTIONS,
        Action2021.SAVE,
    ]
    owner, non_owner = article.steps[2], article.steps[3]
    assert owner.options == (Option2021.CHANGE_EXPIRY, Option2021.OTHER_CARD, Option2021.NEW_CARD)
    assert non_owner.options == (Option2021.OTHER_CARD, Option2021.NEW_CARD)
    assert len(article.units) == 9


def test_units_keep_document_order_and_english_source() -> None:
    article = load_article(ARTICLES / "fr-FR.md", SETTLE_BALANCE_2021)
    assert [u.id for u in article.units] == [f"426d4-{n}" for n in range(102, 111)]
    assert article.units[0].english == "Settle an outstanding balance"
    # The NBSP in the intro is kept for display.
    assert "Microsoft\u00a0365" in article.units[1].localized


def test_find_label_compares_nfc_and_nbsp() -> None:
    article = load_article(ARTICLES / "fr-FR.md", SETTLE_BALANCE_2021)
    decomposed = "Re\u0301gler le solde"  # NFD "é"
    assert getattr(article.find_label(decomposed), "english", None) == "Settle balance"
    assert getattr(article.find_label("Régler\u00a0le solde"), "english", None) == "Settle balance"
    assert article.find_label("Régler le compte") is None
