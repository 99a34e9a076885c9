"""Which Chromium the suite launches: ``python -m tools.browser`` prints the choice.

Resolution order (``resolve_chromium``), first hit wins:
  1. an explicit path: ``--browser-path`` or ``E2E_CHROMIUM`` (a missing file is an error,
     never a silent fallback);
  2. the Chromium that Playwright manages (``python -m playwright install chromium``);
  3. on PATH: for headless runs ``chromium-headless-shell`` first (the old headless shell:
     about half the CPU of full Chromium per page, which is what lets ``-n 2`` scale on two
     cores), then ``chromium`` / ``chromium-browser`` / ``google-chrome``;
  4. otherwise a one-paragraph error that says how to get one.

The Makefile's setup step runs it; the pytest plugin (``fixtures.browser``), the preflight and
the benchmark's floor use the same resolution.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

ENV_PATH = "E2E_CHROMIUM"
PATH_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HEADLESS_SHELL = "chromium-headless-shell"
# Without these, Chromium on a closed network keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_GET_ONE = (
    "No Chromium found for the end-to-end suite. Looked for: an explicit path "
    "(--browser-path or E2E_CHROMIUM), Playwright's own Chromium, then {names} on PATH. "
    "Get one with `python -m playwright install chromium` (any OS), or install the system "
    "package (Debian/Ubuntu: `sudo apt-get install chromium`; `make e2e` does this itself when "
    "run as root on Debian), or point E2E_CHROMIUM at a Chromium/Chrome executable."
)


class BrowserNotFound(RuntimeError):
    """No usable Chromium; the message says how to get one."""


@dataclass(frozen=True)
class Chromium:
    """The resolved browser: its executable and where the choice came from."""

    executable: str
    source: str


def resolve_chromium(
    explicit: str | None,
    env: Mapping[str, str],
    managed: Callable[[], str | None],
    which: Callable[[str], str | None] = shutil.which,
    headless: bool = True,
) -> Chromium:
    """Pick the Chromium executable in the documented order, or raise ``BrowserNotFound``."""
    for source, value in (("--browser-path", explicit), (ENV_PATH, env.get(ENV_PATH))):
        if value:
            path = Path(value).expanduser()
            if not (path.is_file() and os.access(path, os.X_OK)):
                raise BrowserNotFound(
                    f"{source} points at {value}, which is not an executable file. "
                    + HOW_TO_GET_ONE.format(names=", ".join((HEADLESS_SHELL, *PATH_NAMES)))
                )
            return Chromium(str(path), source)
    managed_path = managed()
    if managed_path and Path(managed_path).is_file():
        return Chromium(managed_path, "playwright")
    for name in ((HEADLESS_SHELL,) if headless else ()) + PATH_NAMES:
        found = which(name)
        if found:
            return Chromium(found, f"PATH ({name})")
    raise BrowserNotFound(HOW_TO_GET_ONE.format(names=", ".join((HEADLESS_SHELL, *PATH_NAMES))))


def runs_headless(headed: bool, env: Mapping[str, str] = os.environ) -> bool:
    """Headless unless ``--headed`` or ``PWDEBUG`` (Playwright opens a window for debugging, and
    the headless shell has none: those runs need full Chromium)."""
    return not (headed or env.get("PWDEBUG"))


def playwright_managed_chromium() -> str | None:
    """The path of Playwright's own Chromium build (it may not be downloaded)."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            return playwright.chromium.executable_path
    except Exception:  # a driver that cannot start means "no managed build"
        return None


def main() -> int:
    """Print the Chromium the suite would launch; exit 3 with the how-to if there is none."""
    try:
        found = resolve_chromium(None, os.environ, playwright_managed_chromium)
    except BrowserNotFound as error:
        print(error, file=sys.stderr)
        return 3
    print(json.dumps({"executable": found.executable, "source": found.source}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
