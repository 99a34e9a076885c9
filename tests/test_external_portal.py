"""The standalone portal (`python -m mock_portal`) and the suite pointed at it (`--portal-url`)."""

from __future__ import annotations

import http.cookiejar
import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.standalone import standalone_portal as standalone

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def standalone_portal() -> Iterator[tuple[str, str]]:
    """The portal as a person starts it, on a free loopback port; stopped afterwards."""
    with standalone() as portal:
        yield portal.url, portal.signin


def test_standalone_portal_serves_a_demo_tenant(standalone_portal) -> None:
    url, signin = standalone_portal
    health = json.load(urllib.request.urlopen(url + "/api/health", timeout=10))
    assert health["status"] == "ok"
    assert {"en-US", "fr-FR", "ja-JP", "lv-LV", "nl-NL", "zh-TW"} <= set(health["locales"])
    browser_like = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    page = browser_like.open(signin + "&lang=lv-LV", timeout=10).read().decode()
    assert '<html lang="lv-LV"' in page


def run_suite(*extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "features", "--locale", "fr-FR", "-p", "no:randomly",
         "-p", "no:xdist", "-q", "--no-header", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_suite_runs_against_an_already_running_portal(standalone_portal) -> None:
    url, _ = standalone_portal
    # Both UI releases through one running portal (each tenant names its release).
    selection = "labels_are or card_owner_chooses_to_add or admin_adds"
    result = run_suite("--portal-url", url, "-k", selection)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "4 passed" in result.stdout


def test_unreachable_portal_url_stops_the_run_with_one_message() -> None:
    result = run_suite("--portal-url", "http://127.0.0.1:9")
    assert result.returncode == 4
    assert "--portal-url http://127.0.0.1:9" in result.stdout + result.stderr
    assert "portal unreachable" in result.stdout + result.stderr
