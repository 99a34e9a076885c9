"""The drift matrix: expected cells, worst verdict wins, worker merge, renderings, CSV header."""

from __future__ import annotations

import csv
import io

from articles import SETTLE_BALANCE_2021
from core.article import load_article
from core.drift import CSV_COLUMNS, Cell, DriftMatrix
from core.drift_render import as_html, as_text
from core.verdict import ARTICLE_DEFECT, MATCH, NOT_RUN, UI_DIFFERS, Verdict

ARTICLES = SETTLE_BALANCE_2021.articles


def matrix_for(*locales: str) -> DriftMatrix:
    matrix = DriftMatrix()
    for locale in locales:
        matrix.expect(load_article(ARTICLES / f"{locale}.md", SETTLE_BALANCE_2021))
    return matrix


def save_cell(locale: str = "fr-FR", unit: str = "426d4-109", article: str = "Enregistrer") -> Cell:
    return Cell(locale, 5, unit, "Save", article, version=SETTLE_BALANCE_2021.id)


def test_every_label_starts_not_run() -> None:
    matrix = matrix_for("fr-FR", "ja-JP")
    assert len(matrix.cells) == 10
    assert matrix.counts()[NOT_RUN] == 10 and matrix.checked == 0


def test_worst_verdict_wins() -> None:
    matrix = matrix_for("fr-FR")
    matrix.record(save_cell(), "Enregistrer", Verdict(MATCH))
    matrix.record(save_cell(), "Sauvegarder", Verdict(UI_DIFFERS, reason="r"))
    matrix.record(save_cell(), "Enregistrer", Verdict(MATCH))
    cell = matrix.cells[(SETTLE_BALANCE_2021.id, "fr-FR", "426d4-109", "Save")]
    assert (cell.verdict, cell.ui, cell.checks) == (UI_DIFFERS, "Sauvegarder", 3)
    assert [c.english for c in matrix.unexplained] == ["Save"]


def test_known_defect_is_shown_but_not_unexplained() -> None:
    matrix = matrix_for("tr-TR")
    cell = save_cell("tr-TR", "35b66-109", "tıklayın")
    matrix.record(cell, "Kaydet", Verdict(ARTICLE_DEFECT, "verb"), known="LOC-1")
    assert matrix.unexplained == []
    assert "1 article-defect" in matrix.locale_summaries()[0]
    assert "ARTICLE-DEFECT (verb) known" in as_text(matrix)


def test_worker_records_merge_without_duplicates() -> None:
    controller = DriftMatrix()
    one, two = matrix_for("nl-NL"), matrix_for("nl-NL")
    cell = save_cell("nl-NL", "24dad-109", "Opslaan")
    one.record(cell, "Opslaan", Verdict(MATCH))
    two.record(Cell(**{**cell.__dict__}), "Bewaren", Verdict(UI_DIFFERS))
    controller.merge_records(one.to_records())
    controller.merge_records(two.to_records())
    assert len(controller.cells) == 5
    merged = controller.cells[(SETTLE_BALANCE_2021.id, "nl-NL", "24dad-109", "Save")]
    assert (merged.verdict, merged.ui, merged.checks) == (UI_DIFFERS, "Bewaren", 2)
    assert controller.counts()[NOT_RUN] == 4


def test_csv_has_exactly_the_documented_header_and_renderings_show_drift() -> None:
    matrix = matrix_for("lv-LV")
    matrix.record(save_cell("lv-LV", "6991a-109", "Saglabāt"), "Saglabāt|x", Verdict(UI_DIFFERS))
    rows = list(csv.reader(io.StringIO(matrix.as_csv())))
    assert rows[0] == list(CSV_COLUMNS)
    header = "article,locale,step,unit,english,article_label,ui_label,verdict,kind,erratum"
    assert ",".join(CSV_COLUMNS) == header
    assert [
        SETTLE_BALANCE_2021.id,
        "lv-LV",
        "5",
        "6991a-109",
        "Save",
        "Saglabāt",
        "Saglabāt|x",
        "ui-differs",
        "",
        "",
    ] in rows
    assert "| Saglabāt\\|x | ui-differs |" in matrix.as_markdown()
    page = as_html(matrix)
    assert 'class="ui-differs"' in page and "UI: Saglabāt|x" in page
    assert "UI-DIFFERS" in as_text(matrix)


def test_an_unexplained_finding_outranks_a_known_one_of_the_same_verdict() -> None:
    matrix = matrix_for("tr-TR")
    cell = save_cell("tr-TR", "35b66-109", "tıklayın")
    matrix.record(cell, "Kaydetme", Verdict(ARTICLE_DEFECT, "verb"))
    matrix.record(cell, "Kaydet", Verdict(ARTICLE_DEFECT, "verb"), known="LOC-1")
    assert [c.ui for c in matrix.unexplained] == ["Kaydetme"]
