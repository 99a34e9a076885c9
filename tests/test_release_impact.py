"""The release-impact report: one status per release × article version × locale, from the
drift matrices of runs against each release."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core.release_impact import (
    BROKEN,
    CSV_COLUMNS,
    CURRENT,
    KNOWN_DEFECTS,
    OUTDATED,
    impacts,
    summary,
)
from features import release_impact


def cell(
    article: str, locale: str, english: str, verdict: str, erratum: str = ""
) -> dict[str, str]:
    return {"article": article, "locale": locale, "english": english, "verdict": verdict,
            "erratum": erratum}  # fmt: skip


CELLS = [
    cell("old", "fr-FR", "Billing", "match"),
    cell("old", "fr-FR", "Notice", "missing"),
    cell("old", "fr-FR", "Save", "not-run"),
    cell("new", "fr-FR", "Billing", "match"),
    cell("new", "fr-FR", "Save", "match"),
    cell("new", "pt-BR", "Save", "article-defect", erratum="DOCS-1"),
    cell("new", "sv-SE", "Save", "article-defect"),
    cell("new", "de-DE", "Save", "ui-differs"),
    cell("new", "ko-KR", "Save", "not-run"),
]


def test_each_copy_gets_the_status_its_verdicts_call_for() -> None:
    status = {(row.article, row.locale): row.status for row in impacts("2022", CELLS)}
    assert status == {
        ("old", "fr-FR"): OUTDATED,  # the release has no control where the copy names one
        ("new", "fr-FR"): CURRENT,
        ("new", "pt-BR"): KNOWN_DEFECTS,  # reviewed erratum
        ("new", "sv-SE"): OUTDATED,  # an article defect nobody reviewed
        ("new", "de-DE"): OUTDATED,
        ("new", "ko-KR"): BROKEN,  # nothing judged, nothing found
    }


def test_the_summary_names_the_shares_and_the_control_that_is_gone() -> None:
    (line,) = summary(impacts("2022", CELLS))
    assert line.startswith("release 2022: ")
    assert "new is current in 1/5, known defects in 1/5, outdated in 2/5, broken in 1/5" in line
    assert "old is outdated in 1/1 (no control for 'Notice')" in line


def test_the_cli_writes_exactly_the_documented_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for release in ("2021", "2022"):
        folder = tmp_path / "in" / release
        folder.mkdir(parents=True)
        with (folder / "drift-matrix.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(CELLS[0]))
            writer.writeheader()
            writer.writerows(CELLS)
    # ko-KR could not be judged: the report is written, and the command fails naming it.
    assert release_impact.main([str(tmp_path / "in"), "--out", str(tmp_path)]) == 1
    assert "not judged: 2021 new ko-KR, 2022 new ko-KR" in capsys.readouterr().err
    rows = list(csv.reader((tmp_path / "release-impact.csv").open(encoding="utf-8")))
    assert ",".join(rows[0]) == (
        "release,article,locale,labels,match,article_defect,ui_differs,missing,not_run,status"
    )
    assert tuple(rows[0]) == CSV_COLUMNS
    assert ["2022", "old", "fr-FR", "3", "1", "0", "0", "1", "1", "outdated"] in rows
    assert len(rows) == 1 + 2 * 6


def test_a_release_without_a_matrix_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert release_impact.main([str(tmp_path), "--out", str(tmp_path)]) == 1
    assert "run `make releases`" in capsys.readouterr().err
    assert not (tmp_path / "release-impact.csv").exists()
