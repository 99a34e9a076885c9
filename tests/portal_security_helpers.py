"""Helpers of the portal's security tests: a hand-moved clock, the ``clock``, ``app``,
``client`` and ``live`` fixtures (registered by the test modules as in
``tests.portal_client_helpers``) and shortcuts to a tenant's charges, past-due subscription
and sign-in token."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest

from core.portal_client import PortalClient
from mock_portal import create_app
from mock_portal.store import TenantStore
from tests.portal_client_helpers import TODAY, auth
from tests.portal_http import live_portal

XSS = "<img src=x onerror=alert(1)>"


class FakeClock:
    """A monotonic clock the test moves by hand (no sleeping)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(clock: FakeClock):
    return create_app(store=TenantStore(today=TODAY, clock=clock))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def live() -> Iterator[PortalClient]:
    with live_portal(create_app(store=TenantStore(today=TODAY))) as running:
        yield PortalClient(running.url)


def charges(client, tenant: dict) -> list:
    return client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json["charges"]


def sub_of(client, tenant: dict) -> str:
    state = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json
    return next(s["id"] for s in state["subscriptions"] if s["past_due"])


def token_of(signin_path: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(signin_path).query)["token"][0]
