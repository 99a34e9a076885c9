"""Hostile input to the portal: localized errors or 4xx, never a 500, a second charge or
another tenant's data."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_portal import create_app
from mock_portal.store import TenantStore

FIELDS = ("choice", "new_expiry", "other_card", "number", "holder", "expires", "cvv")
hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "\x00\x01\x1b[31m",
            "\u202e\u200b\ufeff",
            "💳" * 50,
            "x" * 5000,
            "expiry",
            "new",
            "other",
            "' OR 1=1 --",
        ]
    ),
)


@pytest.fixture(scope="module")
def app():
    return create_app(store=TenantStore(today=dt.date(2026, 11, 22)))


def signed_in(app, **setup):
    client = app.test_client()
    tenant = client.post("/api/tenants", json=setup).json
    client.get(tenant["signin_path"])
    headers = {"Authorization": f"Bearer {tenant['token']}"}
    state = client.get(f"/api/tenants/{tenant['id']}", headers=headers).json
    sub = next(s["id"] for s in state["subscriptions"] if s["past_due"])
    return client, tenant, headers, sub


@given(form=st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, hostile_text)))
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_form_input_is_a_4xx_or_a_single_charge(app, form: dict) -> None:
    client, tenant, headers, sub = signed_in(app)
    response = client.post(
        f"/billing/products/{sub}/settle", data=form, headers={"Accept-Language": "ja-JP"}
    )
    assert response.status_code in (303, 413, 422), response.status_code
    page = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    charges = client.get(f"/api/tenants/{tenant['id']}", headers=headers).json["charges"]
    assert len(charges) == (1 if response.status_code == 303 else 0)


@given(
    path=st.sampled_from(["/billing/products", "/", "/section/users"]),
    settle=hostile_text,
    lang=hostile_text,
    accept=hostile_text,
)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_query_or_language_header_renders(app, path, settle, lang, accept) -> None:
    client, *_ = signed_in(app)
    try:
        headers = {"Accept-Language": accept}
        response = client.get(path, query_string={"settle": settle, "lang": lang}, headers=headers)
    except ValueError:
        return  # the test client itself refuses a header with a newline; no request was sent
    assert response.status_code == 200


@given(
    setup=st.recursive(
        st.none() | st.booleans() | st.integers() | hostile_text,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4)
        ),
        max_leaves=20,
    )
)
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_api_never_500s_on_arbitrary_json(app, setup) -> None:
    response = app.test_client().post("/api/tenants", json=setup)
    assert response.status_code in (201, 400)
    assert "error" in response.json or "token" in response.json


def test_oversized_body_is_refused(app) -> None:
    client, tenant, headers, sub = signed_in(app)
    response = client.post(f"/billing/products/{sub}/settle", data={"holder": "x" * 200_000})
    assert response.status_code == 413
    assert client.get(f"/api/tenants/{tenant['id']}", headers=headers).json["charges"] == []


def test_overlong_fields_are_truncated_not_stored_whole(app) -> None:
    client, _tenant, _headers, sub = signed_in(app)
    form = {
        "choice": "new",
        "number": "4000056655665556",
        "holder": "Ä" * 5000,
        "expires": "08/2031",
        "cvv": "737",
    }
    response = client.post(f"/billing/products/{sub}/settle", data=form)
    assert response.status_code == 422  # the name is too long
    assert "Ä" * 201 not in response.get_data(as_text=True)


def test_another_tenants_subscription_is_not_reachable(app) -> None:
    client_a, _tenant_a, headers_a, sub_a = signed_in(app)
    client_b, tenant_b, headers_b, sub_b = signed_in(app)
    other = {"choice": "other", "other_card": "x"}
    assert client_a.post(f"/billing/products/{sub_b}/settle", data=other).status_code == 404
    assert client_a.get(f"/billing/products?settle={sub_b}").status_code == 200
    assert sub_b not in client_a.get(f"/billing/products?settle={sub_b}").get_data(as_text=True)
    assert client_a.get(f"/api/tenants/{tenant_b['id']}", headers=headers_a).status_code == 403
    # A card of tenant B cannot pay tenant A's balance.
    card_b = client_b.get(f"/api/tenants/{tenant_b['id']}", headers=headers_b).json["cards"][1][
        "id"
    ]
    response = client_a.post(
        f"/billing/products/{sub_a}/settle", data={"choice": "other", "other_card": card_b}
    )
    assert response.status_code == 422


def test_concurrent_saves_from_two_pages_charge_once(app) -> None:
    client, tenant, headers, sub = signed_in(app)
    card = client.get(f"/api/tenants/{tenant['id']}", headers=headers).json["cards"][1]["id"]
    pages = [app.test_client() for _ in range(2)]
    for page in pages:
        page.get(tenant["signin_path"])
    barrier = threading.Barrier(len(pages) * 5)
    statuses = []

    def save(page) -> None:
        barrier.wait()
        statuses.append(
            page.post(
                f"/billing/products/{sub}/settle", data={"choice": "other", "other_card": card}
            ).status_code
        )

    threads = [threading.Thread(target=save, args=(page,)) for page in pages for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(statuses) == {303}
    assert len(client.get(f"/api/tenants/{tenant['id']}", headers=headers).json["charges"]) == 1
