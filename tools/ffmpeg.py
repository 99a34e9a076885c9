"""ffmpeg for Playwright's videos, offline: ``python -m tools.ffmpeg``.

pytest-playwright's ``--video`` needs the ffmpeg build Playwright downloads into its browser
cache (not reachable on every machine). This links a system ffmpeg (Debian's ``ffmpeg``
package, with VP8) to the place Playwright looks for it; ``make debug-tools`` runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import playwright

HOW = "run `make debug-tools` (installs Debian's ffmpeg and links it for Playwright)"


def playwright_ffmpeg() -> Path:
    """Where this Playwright looks for ffmpeg: <browsers path>/ffmpeg-<revision>/ffmpeg-linux."""
    browsers_json = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    entries = json.loads(browsers_json.read_text(encoding="utf-8"))["browsers"]
    revision = next(entry["revision"] for entry in entries if entry["name"] == "ffmpeg")
    cache = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or str(Path.home() / ".cache/ms-playwright")
    return Path(cache) / f"ffmpeg-{revision}" / "ffmpeg-linux"


def link_system_ffmpeg() -> str:
    """Link the ffmpeg on PATH where Playwright expects its own; returns what was done."""
    target = playwright_ffmpeg()
    if target.exists():
        return f"ffmpeg for Playwright: {target} (present)"
    system = shutil.which("ffmpeg")
    if system is None:
        raise SystemExit(f"no ffmpeg on PATH: {HOW}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(system)
    return f"ffmpeg for Playwright: {target} -> {system}"


if __name__ == "__main__":
    print(link_system_ffmpeg())
    sys.exit(0)
