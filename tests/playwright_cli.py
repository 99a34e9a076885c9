"""Playwright's own servers (``run-server``, ``show-trace``) started for a test and stopped
with everything they started.

``python -m playwright …`` runs Playwright's Node driver as a child process; terminating the
Python parent alone leaves that child listening (and using the cores of every later run), so
the server gets a process group of its own and the whole group is stopped.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

STOP_TIMEOUT_S = 20


@contextmanager
def playwright_server(*args: str) -> Iterator[str]:
    """Start ``python -m playwright <args>``; yield the address it says it listens on."""
    server = subprocess.Popen(
        [sys.executable, "-m", "playwright", *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    assert server.stdout is not None
    try:
        line = ""
        while not line:  # the trace viewer prints an empty line first
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                raise AssertionError(f"playwright {' '.join(args)} exited: {server.returncode}")
            line = line.strip()
        assert line.startswith("Listening on "), line
        yield line.removeprefix("Listening on ")
    finally:
        stop_group(server)


def stop_group(process: subprocess.Popen[str]) -> None:
    """SIGTERM to the process and its children, SIGKILL if they do not go in time."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_S)
    except ProcessLookupError:
        pass  # already gone, children with it
