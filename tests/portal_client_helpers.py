"""Helpers of the portal tests that drive the Flask app through its test client: the ``app``
and ``client`` fixtures (a store dated 2026-11-22) and tenant, sign-in and settle shortcuts.

Test modules register the fixtures by assigning them to module names of their own
(``client = portal_client_helpers.client``): imported by name, ruff reads them as unused.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mock_portal import create_app
from mock_portal.store import TenantStore
from tests.portal_http import csrf_in

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def app():
    return create_app(store=TenantStore(today=TODAY))


@pytest.fixture
def client(app):
    return app.test_client()


def new_tenant(client, **setup) -> dict:
    response = client.post("/api/tenants", json=setup)
    assert response.status_code == 201, response.json
    return response.json


def sign_in(client, tenant: dict) -> None:
    assert client.get(tenant["signin_path"]).status_code == 302


def state(client, tenant: dict) -> dict:
    response = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant))
    assert response.status_code == 200
    return response.json


def auth(tenant: dict) -> dict:
    return {"Authorization": f"Bearer {tenant['token']}"}


def page_in(client, url: str, locale: str) -> str:
    response = client.get(url, headers={"Accept-Language": locale})
    return response.get_data(as_text=True)


def past_due_id(client, tenant: dict) -> str:
    return next(s["id"] for s in state(client, tenant)["subscriptions"] if s["past_due"])


def csrf_of(client, sub: str) -> str:
    """The CSRF token the settle panel carries for this session."""
    return csrf_in(client.get(f"/billing/products?settle={sub}").get_data(as_text=True))


def settle(client, tenant: dict, locale: str = "en-US", **form):
    sub = past_due_id(client, tenant)
    form = {**form, "csrf_token": csrf_of(client, sub)}
    return client.post(
        f"/billing/products/{sub}/settle", data=form, headers={"Accept-Language": locale}
    )
