"""The evidence re-run (``--evidence-rerun``): traces for failures only, never a false pass.

A helper plugin (``tests.flaky_once``) fails each scenario's first attempt (and, with
``E2E_FAIL_ALWAYS``, the re-run too). The scenario stays failed; a pass on the re-run marks it
flaky; the re-run's trace is kept and attached in Allure beside the first attempt (same
historyId and testCaseId: Allure's Retries tab); the drift matrix counts the first attempt's
label checks only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def run(tmp_path: Path, *extra: str, fail_always: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PW_CONNECT", "E2E_FAIL_ALWAYS")}
    if fail_always:
        env["E2E_FAIL_ALWAYS"] = "1"
    command = [
        *(sys.executable, "-m", "pytest", "features", "--locale", "nl-NL", "-k", "cancel and 2021"),
        *("-p", "no:randomly", "-p", "no:xdist", "-p", "tests.flaky_once", "-q"),
        *("--alluredir", str(tmp_path / "allure"), "--output", str(tmp_path / "out")),
        *("--junitxml", str(tmp_path / "junit.xml")),
        *extra,
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def scenario_results(tmp_path: Path) -> list[dict]:
    results = [json.loads(p.read_text()) for p in (tmp_path / "allure").glob("*-result.json")]
    return sorted((r for r in results if r["name"].startswith("Cancel")), key=lambda r: r["start"])


def checks(output: str) -> int:
    line = next(line for line in output.splitlines() if "label checks counted:" in line)
    return int(line.rsplit(":", 1)[1])


def test_a_pass_on_the_rerun_is_reported_failed_and_flaky_with_its_trace(tmp_path: Path) -> None:
    result = run(tmp_path, "--evidence-rerun")
    output = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, output
    assert "1 failed" in output and "passed" not in output.split("short test summary")[-1]
    assert "FLAKY (reported failed)" in output
    traces = list((tmp_path / "out").glob("*-retry1/trace.zip"))
    assert traces, "the re-run keeps its trace"
    assert not [p for p in (tmp_path / "out").glob("*/trace.zip") if "retry" not in str(p)]
    first, rerun = scenario_results(tmp_path)
    assert first["status"] == rerun["status"] == "failed"
    assert first["historyId"] == rerun["historyId"] and first["testCaseId"] == rerun["testCaseId"]
    assert rerun["statusDetails"]["flaky"] is True
    assert "failed on the first attempt" in rerun["statusDetails"]["message"]
    assert [a["name"] for a in rerun["attachments"]] == ["Playwright trace"]
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    assert 'name="flaky" value="true"' in junit and "retry1/trace.zip" in junit


def test_a_rerun_that_fails_too_is_failed_not_flaky(tmp_path: Path) -> None:
    result = run(tmp_path, "--evidence-rerun", fail_always=True)
    output = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, output
    assert "FLAKY" not in output and "re-run with tracing failed too" in output
    first, rerun = scenario_results(tmp_path)
    assert first["status"] == rerun["status"] == "failed"
    assert not (rerun.get("statusDetails") or {}).get("flaky")


def test_the_rerun_adds_no_label_check_to_the_drift_matrix(tmp_path: Path) -> None:
    without = run(tmp_path / "once")
    assert without.returncode == pytest.ExitCode.TESTS_FAILED
    assert not list((tmp_path / "once" / "out").glob("**/trace.zip")), "no trace without it"
    rerun = run(tmp_path / "twice", "--evidence-rerun")
    assert checks(rerun.stdout) == checks(without.stdout) > 0
