"""Test helper plugin (``-p tests.isolation_probe``): what one scenario leaves, another never sees.

Before each scenario its browser context must hold no cookie and no storage; after it, the
context must hold what the scenario did (a session cookie: the probe can see), and its tenant
must be one no other scenario of the session used. Any breach fails the scenario.
"""

from __future__ import annotations

from typing import Any

import pytest

SEEN_TENANTS: set[str] = set()


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, **_: Any) -> None:
    state = request.getfixturevalue("page").context.storage_state()
    assert not state["cookies"] and not state["origins"], f"leaked into this scenario: {state}"


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_after_scenario(request: pytest.FixtureRequest, **_: Any) -> None:
    state = request.getfixturevalue("page").context.storage_state()
    assert state["cookies"], "the probe sees no session cookie: it would miss a leak"
    tenant = request.getfixturevalue("tenant").id
    assert tenant not in SEEN_TENANTS, f"tenant {tenant} reused by another scenario"
    SEEN_TENANTS.add(tenant)
