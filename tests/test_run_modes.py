"""pytest-playwright's own options work as documented, and broken setups stop cleanly.

Each test runs the suite as a person would (a subprocess), on one scenario.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from core.paths import ROOT

pytestmark = pytest.mark.slow
ONE = ["features", "--locale", "nl-NL", "-k", "cancel and 2021", "-p", "no:randomly", "-q"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_tracing_on_leaves_a_trace_grouped_by_gherkin_step(tmp_path: Path) -> None:
    result = run(*ONE, "--tracing", "on", "--output", str(tmp_path))
    assert result.returncode == 0, result.stdout[-2000:]
    traces = list(tmp_path.rglob("trace.zip"))
    assert len(traces) == 1
    with zipfile.ZipFile(traces[0]) as trace:
        events = trace.read("trace.trace").decode("utf-8")
    assert '"title":"When I cancel the settle balance panel' in events


def test_screenshot_and_output_options(tmp_path: Path) -> None:
    result = run(*ONE, "--screenshot", "on", "--output", str(tmp_path))
    assert result.returncode == 0, result.stdout[-2000:]
    assert list(tmp_path.rglob("*.png")), "no screenshot under --output"


def last_full_run(reports: Path) -> dict[Path, int]:
    """The full run's report files and their times (not the hidden probes other runs make)."""
    return {
        p: p.stat().st_mtime_ns
        for p in reports.glob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def test_collect_only_writes_nothing(tmp_path: Path) -> None:
    # The last full run's files (other tests' partial runs write reports/partial/ meanwhile;
    # tests/test_plugins.py checks --collect-only in a folder of its own).
    reports = ROOT / "reports"
    before = last_full_run(reports)
    results = tmp_path / "allure-results"
    result = run("features", "--collect-only", "-q", "--alluredir", str(results))
    assert result.returncode == 0, result.stdout[-2000:]
    after = last_full_run(reports)
    assert after == before
    assert not results.exists() or not any(results.iterdir())


def test_unreachable_portal_is_one_paragraph_before_any_worker() -> None:
    result = run(*ONE, "-n", "2", "--portal-url", "http://127.0.0.1:9")
    output = result.stdout + result.stderr
    assert result.returncode == 4, output[-2000:]
    assert "preflight: The portal at --portal-url http://127.0.0.1:9 does not answer" in output
    assert "INTERNALERROR" not in output


def test_missing_browser_is_one_paragraph_before_any_worker() -> None:
    result = run(*ONE, "-n", "2", env={"E2E_CHROMIUM": "/nonexistent/chromium"})
    output = result.stdout + result.stderr
    assert result.returncode == 4, output[-2000:]
    assert "preflight: E2E_CHROMIUM points at /nonexistent/chromium" in output
    assert "INTERNALERROR" not in output


def test_a_unit_test_run_keeps_the_last_runs_evidence(tmp_path: Path) -> None:
    evidence = tmp_path / "test-results" / "scenario" / "trace.zip"
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"the last browser run's trace")
    output = str(tmp_path / "test-results")
    assert run("tests/test_quality_gate.py", "-q", "--output", output).returncode == 0
    assert evidence.exists(), "a run without browser scenarios wiped --output"
    assert run(*ONE, "--output", output).returncode == 0
    assert not evidence.exists(), "a browser run keeps the evidence of the run before it"
