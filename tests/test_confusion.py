"""A sample of the seeded-defect matrix (issue 22; the whole of it is ``make confusion``):
the seeding goes through ``parse_article`` and ``judge`` as the suite does, and on three
scripts of both article versions no seeded defect is decided ``match``, no clean label is
decided a defect, and every verdict class is met."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bench.confusion import AMBIGUOUS, Case, all_cases, main, scores

SAMPLE = ["de-DE", "ar-SA", "zh-CN"]  # Latin, Arabic, CJK; copies of both article versions


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return all_cases(SAMPLE)


def test_the_sample_covers_both_versions_and_every_class(cases: list[Case]) -> None:
    assert {c.version for c in cases} == {"settle-balance-2021", "pay-subscription-2022"}
    seeded = {c.seeded for c in cases}
    assert {"match", "ui-differs", "missing", "article-defect:partial"} <= seeded
    assert {"article-defect:quoted", "article-defect:untranslated"} <= seeded


def test_no_seeded_defect_is_a_match_and_no_clean_label_a_defect(cases: list[Case]) -> None:
    judged = [c for c in cases if c.seeded != AMBIGUOUS]
    assert not [c for c in judged if c.seeded != "match" and c.decided == "match"]
    assert not [c for c in judged if c.seeded == "match" and c.decided != "match"]


def test_the_verdict_classes_hold_their_targets_on_the_sample(cases: list[Case]) -> None:
    """Verdicts >= 0.95; a kind on three locales has few cases (one miss of 14 is 0.93), so
    the sample asks 0.85 and ``make confusion`` measures the 0.90 over every copy."""
    for cls, (precision, recall, _) in scores([c for c in cases if c.seeded != AMBIGUOUS]).items():
        floor = 0.85 if ":" in cls else 0.95
        assert precision >= floor and recall >= floor, cls


def test_the_csv_has_exactly_its_header(tmp_path: Path) -> None:
    assert main(["--locale", "sv-SE", "--reports", str(tmp_path)]) == 0
    with (tmp_path / "confusion.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["seeded", "decided", "count"]
    assert sum(int(row[2]) for row in rows[1:]) > 0
    assert "precision" in (tmp_path / "confusion.md").read_text(encoding="utf-8")
