"""Test helper plugin (``-p tests.flaky_once``): fails every scenario's first attempt.

With ``E2E_FAIL_ALWAYS=1`` the evidence re-run fails too. At the end it prints how many label
checks the session's drift matrix counted, so a test can tell that a re-run adds none.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

# The suite's plugins are imported inside the hooks: importing them here, before the root
# conftest registers them, would keep pytest from rewriting their asserts.


@pytest.hookimpl(trylast=True)
def pytest_bdd_after_scenario(request: pytest.FixtureRequest, **_: Any) -> None:
    from fixtures.record import record_of

    record = record_of(request.node)
    if os.environ.get("E2E_FAIL_ALWAYS") or not (record and record.is_rerun):
        raise AssertionError("injected failure of the first attempt")


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    from fixtures.run_state import run_state

    terminalreporter.write_line(f"label checks counted: {run_state(config).matrix.checked}")
