"""No scenario's tenant, cookies or storage reach another (``tests.isolation_probe``), over
scenarios of one locale and of two locales in one session — the guard any per-scenario
shortcut (a reused context, page or tenant) has to pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def test_scenarios_never_share_tenant_cookies_or_storage() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PW_CONNECT"}
    command = [
        *(sys.executable, "-m", "pytest", "features", "--locale", "nl-NL,fr-FR"),
        # Both article versions (both UI releases) in one run, two locales.
        *("-k", "cancel or owner_chooses_to_change", "-p", "no:randomly", "-p", "no:xdist"),
        *("-p", "tests.isolation_probe", "-q", "-p", "no:cacheprovider"),
    ]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "6 passed" in result.stdout, result.stdout[-2000:]
