"""Aligning bold labels: brackets, paths, punctuation, split runs, verbs, lost labels."""

from __future__ import annotations

import pytest

from core.article import ArticleError
from tests.article_text import FRONT, GOOD_STEP, article_with, parse, unit

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


def test_a_lost_first_bold_pairs_the_other_by_length() -> None:
    """The unit lost its first bold: the one left translates the short English run, not the
    long one, so the label lost is the notice's, not the button's."""
    labels, diags = labels_of(
        article_with(
            unit(
                "a-1",
                "Neben Abonnement weist überfällige Zahlung auf klicken Sie **Saldo ausgleichen**.",
                "Next to **Subscription has a past due payment**, click **Settle balance**.",
            )
        )
    )
    assert labels == [
        ("Subscription has a past due payment", ""),
        ("Settle balance", "Saldo ausgleichen"),
    ]
    assert "aligned in order" in " ".join(d.message for d in diags)


def test_runs_of_similar_length_stay_in_order() -> None:
    labels, _ = labels_of(
        article_with(
            unit(
                "a-1", "Naast **Melding**, klik op Opslaan.", "Next to **Notice**, click **Save**."
            )
        )
    )
    assert labels == [("Notice", "Melding"), ("Save", "")]


def test_a_link_pairs_with_the_english_link_when_a_bold_is_lost() -> None:
    """2022: "**Billing** > **Bills & payments** … the <a>Payment methods</a> tab" with the
    second bold lost: the link is still the Payment methods tab's label."""
    link = '<a href="https://x">{}</a>'
    labels, _ = labels_of(
        article_with(
            unit(
                "a-1",
                "Gehen Sie zu **Abrechnung** > Rechnungen, dann " + link.format("Zahlarten") + ".",
                "Go to **Billing** > **Bills & payments**, then the "
                + link.format("Payment methods")
                + " tab.",
            )
        )
    )
    assert labels == [
        ("Billing", "Abrechnung"),
        ("Bills & payments", ""),
        ("Payment methods", "Zahlarten"),
    ]


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
    assert article.steps[0].action is None
    assert "names no action the suite knows" in article.diagnostics[0].message
