"""The docs screenshots are deterministic and a visual change is caught (two locales).

A second run writes byte-identical PNGs and passes against the first run's baselines; a
catalog change that moves the Settle balance button down (a longer intro paragraph) fails the
next run with a pixelmatch diff of step 2, written beside the PNG.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mock_portal.i18n import PACKAGE_TRANSLATIONS, TRANSLATIONS_ENV
from tests.screenshot_sheet import ROOT, contact_sheet

pytestmark = pytest.mark.slow
LOCALES = "nl-NL,ja-JP"
INTRO = "Bekijk en beheer de producten die u voor uw organisatie hebt gekocht."


def shots(out: Path, baselines: Path, *extra: str, env: dict[str, str] | None = None):
    command = [
        sys.executable, "-m", "pytest", "tests/test_docs_screenshots.py", "--docs-screenshots",
        "--locale", LOCALES, "--screenshot-dir", str(out), "--snapshot-dir", str(baselines),
        "-q", "-p", "no:randomly", "-p", "no:cacheprovider", *extra,
    ]  # fmt: skip
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env or os.environ
    )


def pngs(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("step-*.png"))
        if not p.name.endswith(".diff.png")
    }


def test_second_run_is_byte_identical_and_a_moved_button_is_a_visual_diff(tmp_path) -> None:
    baselines = tmp_path / "baselines"
    first = shots(tmp_path / "first", baselines, "--update-snapshots")
    assert first.returncode == 0, first.stdout[-3000:]
    second = shots(tmp_path / "second", baselines)
    assert second.returncode == 0, second.stdout[-3000:]
    assert len(pngs(tmp_path / "first")) == 10
    assert pngs(tmp_path / "first") == pngs(tmp_path / "second")

    catalogs = tmp_path / "translations"
    shutil.copytree(PACKAGE_TRANSLATIONS, catalogs)
    po = catalogs / "nl_NL" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    assert text.count(f'msgstr "{INTRO}"') == 1
    po.write_text(text.replace(f'msgstr "{INTRO}"', f'msgstr "{INTRO * 12}"'), encoding="utf-8")
    changed = shots(
        tmp_path / "changed", baselines, env={**os.environ, TRANSLATIONS_ENV: str(catalogs)}
    )
    assert changed.returncode == 1, changed.stdout[-3000:]
    assert re.search(r"\[nl-NL\] the UI changed visually", changed.stdout)
    assert re.search(r"step-2: \d+ pixel\(s\) differ", changed.stdout)
    assert (tmp_path / "changed" / "nl-NL" / "step-2.diff.png").exists()
    assert not list((tmp_path / "changed" / "ja-JP").glob("*.diff.png"))

    sheet = contact_sheet(tmp_path / "first")
    assert 'src="nl-NL/step-5.png"' in sheet and "<b>Opslaan</b>" in sheet
