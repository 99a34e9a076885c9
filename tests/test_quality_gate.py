"""The report's quality gate: nothing ran, a failure outside the errata, or a selected locale
without results each fail it; a clean run passes."""

from __future__ import annotations

import json
from pathlib import Path

from tools.quality_gate import problems


def result(folder: Path, name: str, status: str, locale: str = "") -> None:
    labels = [{"name": "locale", "value": locale}] if locale else []
    body = {"name": name, "status": status, "labels": labels}
    (folder / f"{name.replace(' ', '-')}-result.json").write_text(json.dumps(body), "utf-8")


def test_nothing_ran_fails(tmp_path: Path) -> None:
    assert problems(tmp_path) == [f"no test results in {tmp_path}: nothing ran"]


def test_a_broken_drift_matrix_fails(tmp_path: Path) -> None:
    result(tmp_path, "scenario", "passed", "nl-NL")
    result(tmp_path, "Docs-vs-UI drift matrix", "broken")
    assert problems(tmp_path) == ["broken: Docs-vs-UI drift matrix: "]


def test_a_selected_locale_without_results_fails(tmp_path: Path) -> None:
    result(tmp_path, "scenario", "passed", "nl-NL")
    (tmp_path / "environment.properties").write_text("locales=nl-NL,tr-TR\n", "utf-8")
    assert problems(tmp_path) == ["locale tr-TR was selected but has no result"]


def test_a_clean_run_passes(tmp_path: Path) -> None:
    result(tmp_path, "scenario", "passed", "nl-NL")
    result(tmp_path, "Docs-vs-UI drift matrix", "passed")
    (tmp_path / "environment.properties").write_text("locales=nl-NL\n", "utf-8")
    assert problems(tmp_path) == []
