"""The suite's pytest plugins, run in-process with pytester on tiny test files.

A run that checked nothing is never green; a partial run never overwrites the full run's
matrix; --collect-only writes nothing; sharding deals every test to exactly one shard.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest

from core.drift import Cell, DriftMatrix
from core.paths import write_whole
from core.verdict import MATCH, UI_DIFFERS, Verdict
from fixtures.allure_report import drift_status
from fixtures.categories import CATEGORIES

pytest_plugins = ["pytester"]
PLUGINS = [
    "-p",
    "no:playwright",
    "-p",
    "no:randomly",
    "-p",
    "fixtures.locale",
    "-p",
    "fixtures.reporting",
]
# What the feature's @locale/@version/@release tags give a generated scenario.
NL = '@pytest.mark.scenario_identity(locale="nl-NL", article="settle-balance-2021", release="2021")'
FR = '@pytest.mark.scenario_identity(locale="fr-FR", article="settle-balance-2021", release="2021")'

CHECKS_NOTHING = (
    """
import pytest

"""
    + NL
    + """
def test_scenario_that_checks_no_label():
    pass
"""
)

CHECKS_EVERY_LABEL = (
    """
import pytest
from core.drift import Cell
from core.verdict import Verdict

"""
    + NL
    + """
def test_scenario(drift_matrix):
    for cell in list(drift_matrix.cells.values()):
        drift_matrix.record(Cell(**{**cell.__dict__, "checks": 0}), cell.article, Verdict("match"))
"""
)


def test_a_run_that_checked_nothing_is_not_green(plugin_pytester: pytest.Pytester) -> None:
    plugin_pytester.makepyfile(CHECKS_NOTHING)
    result = plugin_pytester.runpytest(*PLUGINS)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*NOT GREEN: no label was checked*", "*1 passed*"])
    assert "Not green" in (plugin_pytester.path / "reports" / "summary.md").read_text(
        encoding="utf-8"
    )


def test_a_run_that_checked_every_label_is_green(plugin_pytester: pytest.Pytester) -> None:
    plugin_pytester.makepyfile(CHECKS_EVERY_LABEL)
    result = plugin_pytester.runpytest(*PLUGINS)
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()
    assert "nl-NL (HT): 5 match" in result.stdout.str()
    csv = (plugin_pytester.path / "reports" / "drift-matrix.csv").read_text(encoding="utf-8")
    assert csv.count(",match,") == 5


def test_partial_runs_and_collect_only_never_overwrite_the_full_matrix(
    plugin_pytester: pytest.Pytester,
) -> None:
    other = "\n" + NL + "\ndef test_other():\n    pass\n"
    plugin_pytester.makepyfile(CHECKS_EVERY_LABEL + other)
    assert plugin_pytester.runpytest(*PLUGINS).ret == pytest.ExitCode.OK
    full = plugin_pytester.path / "reports" / "drift-matrix.csv"
    written = full.stat().st_mtime_ns
    assert plugin_pytester.runpytest(*PLUGINS, "-k", "scenario").ret == pytest.ExitCode.OK
    assert (plugin_pytester.path / "reports" / "partial" / "drift-matrix.csv").exists()
    assert plugin_pytester.runpytest(*PLUGINS, "--collect-only").ret == pytest.ExitCode.OK
    assert full.stat().st_mtime_ns == written


def test_shards_deal_every_test_once(plugin_pytester: pytest.Pytester) -> None:
    plugin_pytester.makepyfile("\n".join(f"def test_{i}():\n    pass\n" for i in range(10)))
    seen: list[str] = []
    for index in (1, 2, 3):
        result = plugin_pytester.runpytest(
            "-p", "no:playwright", "-p", "fixtures.sharding", "--shard", f"{index}/3", "-v"
        )
        seen += [line.split(" ")[0] for line in result.outlines if " PASSED" in line]
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 10


def unchecked_matrix() -> DriftMatrix:
    matrix = DriftMatrix()
    matrix.cells[("", "nl-NL", "u", "Save")] = Cell("nl-NL", 5, "u", "Save", "Opslaan")
    return matrix


def test_the_allure_drift_result_is_broken_when_nothing_was_checked() -> None:
    assert drift_status(unchecked_matrix(), {"nl-NL"})[0] == "broken"


def test_the_allure_drift_result_fails_on_unexplained_drift_and_passes_on_matches() -> None:
    matrix = unchecked_matrix()
    cell = matrix.cells[("", "nl-NL", "u", "Save")]
    matrix.record(cell, "Opslaan", Verdict(MATCH))
    assert drift_status(matrix, {"nl-NL"})[0] == "passed"
    matrix.record(cell, "Bewaren", Verdict(UI_DIFFERS))
    assert drift_status(matrix, {"nl-NL"})[0] == "failed"


def test_an_unwritable_results_folder_is_one_clear_error(plugin_pytester: pytest.Pytester) -> None:
    plugin_pytester.makepyfile(CHECKS_NOTHING)
    (plugin_pytester.path / "reports").write_text("a file where the reports folder belongs")
    result = plugin_pytester.runpytest("-p", "fixtures.preflight", *PLUGINS)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: preflight: cannot write the run's results (*reports*"])
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()


def test_a_full_disk_leaves_no_half_written_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "drift-matrix.csv"
    target.write_text("the last full run\n", encoding="utf-8")
    real_write = Path.write_text

    def full_disk(self: Path, text: str, encoding: str | None = None) -> int:
        real_write(self, text[:3], encoding=encoding)  # part of it, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_whole(target, "locale,step\n")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "the last full run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drift-matrix.csv"]


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("core.findings.LabelMismatch: UI differs from the article: 1 label", "UI differs"),
        ("core.findings.LabelMismatch: Article defect: 2 label finding(s)", "Article defect"),
        ("fixtures.verdicts.PortalFailure: Portal error: HTTP 500 on GET", "Portal error"),
        ("core.findings.LabelMismatch: Control not found: [nl-NL] step 5", "Control not found"),
    ],
)
def test_failure_messages_land_in_their_allure_category(message: str, category: str) -> None:
    matched = [c["name"] for c in CATEGORIES if re.fullmatch(c.get("messageRegex", "^$"), message)]
    assert matched and matched[0].startswith(category), matched


def test_a_locale_subset_is_a_partial_run(plugin_pytester: pytest.Pytester) -> None:
    """--locale binds only the selected features (nothing is deselected): still partial."""
    plugin_pytester.makepyfile(CHECKS_EVERY_LABEL)
    assert plugin_pytester.runpytest(*PLUGINS, "--locale", "nl-NL").ret == pytest.ExitCode.OK
    assert (plugin_pytester.path / "reports" / "partial" / "drift-matrix.csv").exists()
    assert not (plugin_pytester.path / "reports" / "drift-matrix.csv").exists()


AUDITED_LOCALE = (
    CHECKS_EVERY_LABEL
    + """

"""
    + NL
    + """
def test_another_scenario_without_a_page():
    pass
"""
)


def test_a_locale_audit_that_checked_no_page_state_is_not_green(
    plugin_pytester: pytest.Pytester,
) -> None:
    """Every scenario of nl-NL selected: its localization audit is due; none of them had a page
    to audit, so the audit checked nothing and the run is not green."""
    plugin_pytester.makepyfile(AUDITED_LOCALE)
    result = plugin_pytester.runpytest(*PLUGINS, "-p", "fixtures.l10n")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        ["*NOT GREEN: the localization checks audited no page state of nl-NL*"]
    )


def test_part_of_a_locale_skips_its_audit_and_says_so(plugin_pytester: pytest.Pytester) -> None:
    plugin_pytester.makepyfile(AUDITED_LOCALE)
    result = plugin_pytester.runpytest(*PLUGINS, "-p", "fixtures.l10n", "-k", "test_scenario")
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()
    result.stdout.fnmatch_lines(["*localization checks not run for nl-NL*"])
    assert "NOT GREEN" not in result.stdout.str()


TWO_LOCALES_SHARDED = (
    """

"""
    + FR
    + """
def test_b_fr_scenario():
    pass
"""
)


def test_a_shard_audits_the_locales_it_runs(plugin_pytester: pytest.Pytester) -> None:
    """--shard deals a locale's scenarios to several jobs: together they audit it, so each
    shard's audit of the locales it runs is due (here it finds no page: not green) — and only
    of those: shard 2/2 runs fr-FR's one scenario and none of nl-NL's."""
    plugin_pytester.makepyfile(AUDITED_LOCALE + TWO_LOCALES_SHARDED)
    # The suite's order (conftest: sharding before reporting) and the reverse: the same result.
    for order in (
        ("fixtures.sharding", "fixtures.reporting"),
        ("fixtures.reporting", "fixtures.sharding"),
    ):
        plugins = ["-p", "no:playwright", "-p", "no:randomly", "-p", "fixtures.locale"]
        plugins += [arg for name in order for arg in ("-p", name)] + ["-p", "fixtures.l10n"]
        result = plugin_pytester.runpytest(*plugins, "--shard", "2/2", "-v")
        result.stdout.fnmatch_lines(["*2 deselected / 1 selected*", "*test_b_fr_scenario PASSED*"])
        result.stdout.fnmatch_lines(
            ["*NOT GREEN: the localization checks audited no page state of fr-FR*"]
        )
        result.stdout.no_fnmatch_line("*audited no page state of nl-NL*")
