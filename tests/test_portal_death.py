"""A portal that dies while a scenario runs is filed as "Portal error", never as a missing
control or a label that differs from the article."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.paths import ROOT
from tests.standalone import standalone_portal

pytestmark = pytest.mark.slow

# A plugin that kills the portal right after the scenario reached Your products.
KILLER = """
import os, signal

def pytest_bdd_after_step(request, step, **_):
    if step.name.startswith("I go to "):
        os.kill(int(os.environ["PORTAL_PID"]), signal.SIGKILL)
"""


def test_a_killed_portal_is_a_portal_error(tmp_path: Path) -> None:
    (tmp_path / "kill_portal.py").write_text(KILLER, encoding="utf-8")
    with standalone_portal() as portal:
        env = {
            **os.environ,
            "PORTAL_PID": str(portal.process.pid),
            "PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        }
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "features", "--locale", "nl-NL",
             "-k", "cancel and 2021", "-p", "kill_portal", "-p", "no:randomly",
             "--portal-url", portal.url, "--e2e-expect-timeout", "2000", "-q"],
            cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
        )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    failure = output.split("FAILURES", 1)[-1]
    assert "Portal error: request failed (net::ERR_CONNECTION_REFUSED)" in failure, failure[-3000:]
    assert "Control not found" not in failure.split("Portal error", 1)[0]
