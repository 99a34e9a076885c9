"""The portal as a person starts it (``python -m mock_portal --port 0``), for tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from core.paths import ROOT


@dataclass(frozen=True)
class Standalone:
    """A running standalone portal: its process, base URL and printed demo sign-in link."""

    process: subprocess.Popen[str]
    url: str
    signin: str


@contextmanager
def standalone_portal(*options: str) -> Iterator[Standalone]:
    """Start it on a free loopback port (with ``options``, e.g. ``--ui-release 2022``); kill it
    afterwards (whatever state it is in)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "mock_portal", "--port", "0", *options],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    try:
        url = server.stdout.readline().split(" on ")[-1].strip()
        signin = server.stdout.readline().split(" at ")[-1].strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield Standalone(server, url, signin)
    finally:
        server.kill()
        server.wait(timeout=10)
