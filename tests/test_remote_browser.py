"""The suite against a real Playwright browser server on loopback (`--connect`), serial and -n 2."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.playwright_cli import playwright_server
from tools.browser import resolve_chromium

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser_server() -> Iterator[str]:
    """`playwright run-server` on 127.0.0.1, a free port; stopped when the module ends."""
    # --unsafe: the client sets the Chromium executable path
    with playwright_server("run-server", "--host", "127.0.0.1", "--port", "0", "--unsafe") as ws:
        assert ws.startswith("ws://127.0.0.1:"), ws
        yield ws


def run_remote(endpoint: str, *extra: str) -> subprocess.CompletedProcess:
    from tools.browser import playwright_managed_chromium

    chromium = resolve_chromium(None, os.environ, playwright_managed_chromium)
    env = {**os.environ, "E2E_CHROMIUM": chromium.executable}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "features", "--connect", endpoint, "--locale", "nl-NL",
         "-k", SCENARIOS, "-p", "no:randomly", "-q", "--no-header", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


# Three scenarios exercise the remote browser as well as ten (every page, both branches).
SCENARIOS = "2021 and (labels_are or card_owner_chooses_to_pick or cancel)"


def test_suite_passes_through_a_browser_server(browser_server: str) -> None:
    result = run_remote(browser_server, "-p", "no:xdist")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout


def test_suite_passes_through_a_browser_server_with_two_workers(browser_server: str) -> None:
    result = run_remote(browser_server, "-n", "2")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout
