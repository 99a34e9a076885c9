"""The README's debugging commands work offline as written: headed and PWDEBUG under Xvfb with
full Chromium, video through the system ffmpeg, and the trace viewer served over HTTP.

They need ``make debug-tools`` (part of ``make test``); without its tools these tests fail
with the command to run, never skip silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from core.paths import ROOT
from tests.playwright_cli import playwright_server
from tools.ffmpeg import playwright_ffmpeg

pytestmark = pytest.mark.slow
ONE = ["features", "--locale", "nl-NL", "-k", "cancel and 2021", "-p", "no:randomly", "-q"]


def pytest_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "pytest", *ONE, *args]


def run(command: list[str], env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    return result.stdout


def xvfb_run() -> str:
    found = shutil.which("xvfb-run")
    assert found, "xvfb-run is missing: run `make debug-tools`"
    return found


def test_headed_under_xvfb_uses_full_chromium() -> None:
    assert "1 passed" in run([xvfb_run(), "-a", *pytest_cmd("--headed", "--slowmo", "50")])


def test_pwdebug_under_xvfb_runs_headed() -> None:
    # PWDEBUG=console: Playwright's debug mode without the Inspector's pause (nobody to click).
    output = run([xvfb_run(), "-a", *pytest_cmd()], env={"PWDEBUG": "console"})
    assert "1 passed" in output


def test_video_is_recorded_with_the_system_ffmpeg(tmp_path: Path) -> None:
    assert playwright_ffmpeg().exists(), "no ffmpeg for Playwright: run `make debug-tools`"
    run(pytest_cmd("--video", "on", "--output", str(tmp_path)))
    videos = list(tmp_path.rglob("*.webm"))
    assert videos and videos[0].stat().st_size > 1000


def test_trace_viewer_is_served_without_a_browser_download(tmp_path: Path) -> None:
    run(pytest_cmd("--tracing", "on", "--output", str(tmp_path)))
    trace = next(tmp_path.rglob("trace.zip"))
    with playwright_server("show-trace", "--host", "127.0.0.1", "--port", "0", str(trace)) as url:
        assert url.startswith("http://127.0.0.1:"), url
        with urllib.request.urlopen(url, timeout=20) as page:
            assert "Playwright Trace Viewer" in page.read().decode("utf-8")
