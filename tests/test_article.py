"""The article model: the seeds parse to the labels a reader finds in them; edge cases align."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.article import Action, ArticleError, Option, load_article, parse_article

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"

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
FRONT = """---
title: T
ms.contentlocale: xx-XX
ms.locfileid: "1"
ms.openlocfilehash: abc
ms.lasthandoff: 01/01/2021
---
"""


def unit(uid: str, local: str, english: str) -> str:
    return (
        f'<span data-ttu-id="{uid}">{local}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{uid}">{english}</span></span>'
    )


def title_unit() -> str:
    heading = unit("t-1", "Titre", "Settle an outstanding balance")
    return f'# <a name="settle-an-outstanding-balance"></a>{heading}\n\n'


def article_with(*steps: str) -> str:
    body = "\n".join(f"{n}. {body}" for n, body in enumerate(steps, 1))
    return FRONT + title_unit() + body + "\n"


def parse(text: str):
    return parse_article(text, Path("x.md"))


@pytest.mark.parametrize("locale", sorted(EXPECTED_LABELS))
def test_seed_labels(locale: str) -> None:
    article = load_article(ARTICLES / f"{locale}.md")
    got = [(lb.step, lb.english, lb.localized, lb.unit_id) for lb in article.labels]
    assert got == EXPECTED_LABELS[locale]
    assert article.diagnostics == []


@pytest.mark.parametrize("locale", sorted(EXPECTED_META))
def test_seed_metadata_and_actions(locale: str) -> None:
    article = load_article(ARTICLES / f"{locale}.md")
    meta = article.meta
    assert (meta.locfileid, meta.openlocfilehash, meta.lasthandoff) == EXPECTED_META[locale]
    assert meta.locale == locale
    assert [step.action for step in article.steps] == [
        Action.NAVIGATE,
        Action.SETTLE,
        Action.OWNER_OPTIONS,
        Action.NON_OWNER_OPTIONS,
        Action.SAVE,
    ]
    owner, non_owner = article.steps[2], article.steps[3]
    assert owner.options == (Option.CHANGE_EXPIRY, Option.OTHER_CARD, Option.NEW_CARD)
    assert non_owner.options == (Option.OTHER_CARD, Option.NEW_CARD)
    assert len(article.units) == 9


def test_units_keep_document_order_and_english_source() -> None:
    article = load_article(ARTICLES / "fr-FR.md")
    assert [u.id for u in article.units] == [f"426d4-{n}" for n in range(102, 111)]
    assert article.units[0].english == "Settle an outstanding balance"
    # The NBSP in the intro is kept for display.
    assert "Microsoft\u00a0365" in article.units[1].localized


def test_find_label_compares_nfc_and_nbsp() -> None:
    article = load_article(ARTICLES / "fr-FR.md")
    decomposed = "Re\u0301gler le solde"  # NFD "é"
    assert getattr(article.find_label(decomposed), "english", None) == "Settle balance"
    assert getattr(article.find_label("Régler\u00a0le solde"), "english", None) == "Settle balance"
    assert article.find_label("Régler le compte") is None


# --- alignment edge cases ------------------------------------------------------------------


def labels_of(text: str):
    article = parse(text)
    return [(lb.english, lb.localized) for lb in article.labels], article.diagnostics


def test_brackets_inside_and_around_bold() -> None:
    labels, diags = labels_of(
        article_with(
            unit(
                "a-1",
                "Go **[帳單] > [[產品]](https://x/y)**.",
                "Go to **Billing > [Your products](https://x/y)**.",
            ),
            unit(
                "a-2",
                "在 [**通知**] 旁，按一下 **[結算]**。",
                "Next to **Notice**, click **Settle balance**.",
            ),
        )
    )
    assert labels == [
        ("Billing", "帳單"),
        ("Your products", "產品"),
        ("Notice", "通知"),
        ("Settle balance", "結算"),
    ]
    assert diags == []


def test_japanese_path_separator() -> None:
    labels, _ = labels_of(
        article_with(
            unit(
                "a-1",
                "**[課金]、[[製品]](https://x)** に移動",
                "Go to **Billing > [Your products](https://x)**.",
            )
        )
    )
    assert labels == [("Billing", "課金"), ("Your products", "製品")]


def test_trailing_punctuation_inside_bold_is_not_part_of_the_label() -> None:
    labels, _ = labels_of(
        article_with(unit("a-1", "Cliquez sur **Enregistrer.**", "Click **Save.**"))
    )
    assert labels == [("Save", "Enregistrer")]


def test_label_split_across_two_bold_runs_is_merged_with_a_diagnostic() -> None:
    labels, diags = labels_of(
        article_with(unit("a-1", "Klik **Saldo** **betalen**", "Click **Settle balance**."))
    )
    assert labels == [("Settle balance", "Saldo betalen")]
    assert len(diags) == 1 and "split across two bold runs" in diags[0].message


def test_different_bold_count_is_a_diagnostic_with_best_alignment() -> None:
    labels, diags = labels_of(
        article_with(
            unit(
                "a-1",
                "Naast **Kennisgeving**, klik op Opslaan.",
                "Next to **Notice**, click **Save**.",
            )
        )
    )
    assert labels == [("Notice", "Kennisgeving"), ("Save", "")]
    messages = " ".join(d.message for d in diags)
    assert "English has 2 bold run(s), localized has 1" in messages
    assert (
        diags[0].unit_id == "a-1"
        and "Next to" in diags[0].english
        and "Naast" in diags[0].localized
    )


def test_bold_on_the_verb_is_doubted() -> None:
    """The word the steps repeat ("click") is bold instead of the label (tr-TR, th-TH)."""
    article = parse(
        article_with(
            unit("a-1", "**Faturalama > Ürünler** gidin.", "Go to **Billing > Your products**."),
            unit(
                "a-2",
                "**Abonelik gecikti** yanında **Öde** tıklayın.",
                "Next to **Subscription overdue**, click **Settle balance**.",
            ),
            unit("a-3", "Kaydet **tıklayın.**", "Click **Save**."),
        )
    )
    save = article.labels[-1]
    assert save.localized == "tıklayın"
    assert any("a verb such as 'click'" in doubt for doubt in save.doubts)
    assert any("swallows the end of the sentence" in d.message for d in article.diagnostics)


def test_article_that_is_not_this_one_is_refused() -> None:
    other = article_with(GOOD_STEP).replace("Settle an outstanding balance", "Cancel Microsoft 365")
    with pytest.raises(ArticleError, match=r"this suite tests 'Settle an outstanding balance'"):
        parse(other)
    topic = FRONT.replace("---\n", "---\nms.topic: conceptual\n", 1)
    with pytest.raises(ArticleError, match=r"ms\.topic is 'conceptual'"):
        parse(article_with(GOOD_STEP).replace(FRONT, topic))


def test_lost_label_is_empty_in_place_and_doubted() -> None:
    """fi-FI: '**[>-sivustolle.](…)**' lost the Billing label before the separator."""
    labels, diags = labels_of(
        article_with(
            unit(
                "a-1",
                "Siirry **[>-sivustolle.](https://x)**",
                "Go to **Billing > [Your products](https://x)**.",
            )
        )
    )
    assert labels == [("Billing", ""), ("Your products", "-sivustolle")]
    assert any("is empty" in d.message for d in diags)
    assert any("word fragment" in d.message for d in diags)


def test_empty_label_is_a_diagnostic() -> None:
    labels, diags = labels_of(article_with(unit("a-1", "Klik op **[]**.", "Click **Save**.")))
    assert labels == [("Save", "")]
    assert any("is empty" in d.message for d in diags)


def test_unbalanced_bold_is_a_diagnostic() -> None:
    _, diags = labels_of(article_with(unit("a-1", "Klik op **Opslaan**.**", "Click **Save**.")))
    assert any("unbalanced **" in d.message for d in diags)


def test_path_with_missing_part_is_a_diagnostic() -> None:
    labels, diags = labels_of(
        article_with(unit("a-1", "Ga naar **Facturering**.", "Go to **Billing > Your products**."))
    )
    assert labels == [("Billing", "Facturering"), ("Your products", "")]
    assert any("2 part(s) in English but 1" in d.message for d in diags)


def test_unknown_step_is_a_diagnostic() -> None:
    article = parse(article_with(unit("a-1", "Iets anders.", "Do something else entirely.")))
    assert article.steps[0].action is Action.UNKNOWN
    assert "names no action the suite knows" in article.diagnostics[0].message


# --- malformed input: a clear error naming the file and the reason ---------------------------

GOOD_STEP = unit("a-1", "Klik op **Opslaan**.", "Click **Save**.")
MALFORMED = {
    "empty": ("", "the file is empty"),
    "whitespace only": ("  \n\n", "the file is empty"),
    "no front matter": ("1. " + GOOD_STEP, "no front matter"),
    "front matter not YAML": ("---\ntitle: [unclosed\n---\n1. " + GOOD_STEP, "not valid YAML"),
    "missing locale field": (
        FRONT.replace("ms.contentlocale: xx-XX\n", "") + "1. " + GOOD_STEP,
        "'ms.contentlocale' is missing",
    ),
    "bad locale value": (
        FRONT.replace("xx-XX", "not a locale!") + "1. " + GOOD_STEP,
        "not a locale",
    ),
    "missing hash": (
        FRONT.replace("ms.openlocfilehash: abc\n", "") + "1. " + GOOD_STEP,
        "ms.openlocfilehash",
    ),
    "no units": (FRONT + "1. Just text.\n", "no translation units"),
    "unit without English source": (
        FRONT + '1. <span data-ttu-id="a-1">Klik</span> and nothing else\n',
        "unit 'a-1' has no English source",
    ),
    "mismatched unit ids": (
        FRONT
        + '1. <span data-ttu-id="a-1">K</span>'
        + '<span class="sxs-lookup"><span data-stu-id="b-2">C</span></span>\n',
        "paired with English source 'b-2'",
    ),
    "duplicate unit ids": (FRONT + "1. " + GOOD_STEP + "\n2. " + GOOD_STEP + "\n", "appears twice"),
    "no numbered list": (FRONT + GOOD_STEP + "\n", "no numbered steps"),
    "repeated step numbers": (
        FRONT + "1. " + GOOD_STEP + "\n1. " + unit("a-2", "x", "y") + "\n",
        "repeat a number",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_text_gives_a_clear_error(case: str) -> None:
    text, reason = MALFORMED[case]
    with pytest.raises(ArticleError) as error:
        parse(text)
    assert "x.md" in str(error.value)
    assert reason in str(error.value)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00binary", "binary data (NUL byte"),
        ("---\ntitle: café\n---\n".encode("latin-1"), "not UTF-8 (invalid byte 0xe9"),
        (b"x" * 2_000_001, "too large"),
    ],
    ids=["binary junk", "wrong encoding", "huge"],
)
def test_unreadable_files_give_a_clear_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "xx-XX.md"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=r"xx-XX\.md") as error:
        load_article(path)
    assert reason in str(error.value)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "fr-FR.md"
    path.write_bytes(b"\xef\xbb\xbf" + (ARTICLES / "fr-FR.md").read_bytes())
    assert load_article(path).meta.locale == "fr-FR"
