"""The drift matrix: verdicts, merging across workers, and its renderings."""

from __future__ import annotations

from pathlib import Path

from features.article import load_article
from fixtures.drift import DIFFERS, MATCH, MISSING, NOT_RUN, DriftMatrix

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def matrix_for(*locales: str) -> DriftMatrix:
    matrix = DriftMatrix()
    for locale in locales:
        matrix.expect(load_article(ARTICLES / f"{locale}.md"))
    return matrix


def test_every_label_starts_not_run() -> None:
    matrix = matrix_for("fr-FR", "ja-JP")
    assert len(matrix.cells) == 10
    assert matrix.counts() == {NOT_RUN: 10, MATCH: 0, DIFFERS: 0, MISSING: 0}


def test_worst_verdict_wins() -> None:
    matrix = matrix_for("fr-FR")
    args = ("fr-FR", 5, "426d4-109", "Save", "Enregistrer")
    matrix.record(*args, "Enregistrer", MATCH)
    matrix.record(*args, "Sauvegarder", DIFFERS)
    matrix.record(*args, "Enregistrer", MATCH)
    cell = matrix.cells[("fr-FR", "426d4-109", "Save")]
    assert (cell.verdict, cell.ui, cell.checks) == (DIFFERS, "Sauvegarder", 3)
    assert [c.english for c in matrix.drifted] == ["Save"]


def test_worker_records_merge_without_duplicates() -> None:
    controller = DriftMatrix()
    one, two = matrix_for("nl-NL"), matrix_for("nl-NL")
    one.record("nl-NL", 5, "24dad-109", "Save", "Opslaan", "Opslaan", MATCH)
    two.record("nl-NL", 5, "24dad-109", "Save", "Opslaan", "Bewaren", DIFFERS)
    controller.merge_records(one.to_records(include_unchecked=True))
    controller.merge_records(two.to_records(include_unchecked=True))
    assert len(controller.cells) == 5
    cell = controller.cells[("nl-NL", "24dad-109", "Save")]
    assert (cell.verdict, cell.ui, cell.checks) == (DIFFERS, "Bewaren", 2)
    assert controller.counts()[NOT_RUN] == 4


def test_renderings_show_the_drifted_cell() -> None:
    matrix = matrix_for("lv-LV")
    matrix.record("lv-LV", 5, "6991a-109", "Save", "Saglabāt", "Saglabāt|x", DIFFERS)
    assert "lv-LV,5,6991a-109,Save,Saglabāt,Saglabāt|x,differs" in matrix.as_csv()
    assert (
        "| lv-LV | 5 | 6991a-109 | Save | Saglabāt | Saglabāt\\|x | differs |"
        in matrix.as_markdown()
    )
    page = matrix.as_html()
    assert 'class="differs"' in page and "UI: Saglabāt|x" in page
    assert "DIFFERS" in matrix.as_text()
