"""The order in which the suite finds a Chromium, checked without launching anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.browser import BrowserNotFound, resolve_chromium

ROOT = Path(__file__).parent.parent


@pytest.fixture
def fake_browser(tmp_path: Path):
    def make(name: str) -> str:
        path = tmp_path / name
        path.write_text("#!/bin/sh\n")
        path.chmod(0o755)
        return str(path)

    return make


def nothing(_name: str = "") -> None:
    return None


def test_explicit_option_wins(fake_browser) -> None:
    option, env = fake_browser("option-chrome"), fake_browser("env-chrome")
    found = resolve_chromium(
        option, {"E2E_CHROMIUM": env}, lambda: fake_browser("pw"), lambda _: "/usr/bin/chromium"
    )
    assert (found.executable, found.source) == (option, "--browser-path")


def test_env_var_comes_next(fake_browser) -> None:
    env = fake_browser("env-chrome")
    found = resolve_chromium(
        None, {"E2E_CHROMIUM": env}, lambda: fake_browser("pw"), lambda _: "/usr/bin/chromium"
    )
    assert (found.executable, found.source) == (env, "E2E_CHROMIUM")


def test_playwright_managed_before_path(fake_browser) -> None:
    managed = fake_browser("pw-chrome")
    found = resolve_chromium(None, {}, lambda: managed, lambda _: "/usr/bin/chromium")
    assert (found.executable, found.source) == (managed, "playwright")


def test_managed_path_that_is_not_downloaded_is_skipped() -> None:
    found = resolve_chromium(
        None, {}, lambda: "/nonexistent/chrome", {"chromium": "/usr/bin/chromium"}.get
    )
    assert (found.executable, found.source) == ("/usr/bin/chromium", "PATH (chromium)")


def test_path_names_in_order() -> None:
    on_path = {"chromium-browser": "/opt/cb", "google-chrome": "/opt/gc"}
    found = resolve_chromium(None, {}, nothing, on_path.get)
    assert found.executable == "/opt/cb"


def test_headless_runs_prefer_the_headless_shell_and_headed_runs_do_not() -> None:
    on_path = {"chromium-headless-shell": "/opt/shell", "chromium": "/opt/full"}
    assert resolve_chromium(None, {}, nothing, on_path.get).executable == "/opt/shell"
    headed = resolve_chromium(None, {}, nothing, on_path.get, headless=False)
    assert headed.executable == "/opt/full"


def test_missing_explicit_path_is_an_error_not_a_fallback() -> None:
    with pytest.raises(BrowserNotFound, match="E2E_CHROMIUM points at /nonexistent"):
        resolve_chromium(
            None, {"E2E_CHROMIUM": "/nonexistent"}, nothing, lambda _: "/usr/bin/chromium"
        )


def test_nothing_found_says_how_to_get_one() -> None:
    with pytest.raises(BrowserNotFound) as error:
        resolve_chromium(None, {}, nothing, nothing)
    message = str(error.value)
    assert "python -m playwright install chromium" in message
    assert "apt-get install chromium" in message
    assert "E2E_CHROMIUM" in message


def test_suite_fails_fast_with_the_message_when_chromium_is_hidden() -> None:
    env = {**os.environ, "E2E_CHROMIUM": "/nonexistent"}
    env.pop("PW_CONNECT", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "features",
            "--locale",
            "nl-NL",
            "-p",
            "no:randomly",
            "-p",
            "no:xdist",
            "-q",
            "--no-header",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 4, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "E2E_CHROMIUM points at /nonexistent" in output
    assert "python -m playwright install chromium" in output
    assert output.count("E2E_CHROMIUM points at") == 1  # once, not once per test
