"""The mock portal's JSON API: setup validation, access by token, pages needing a sign-in."""

from __future__ import annotations

import pytest

from tests import portal_client_helpers
from tests.portal_client_helpers import auth, new_tenant

# The shared fixtures, registered in this module under their own names.
app = portal_client_helpers.app
client = portal_client_helpers.client


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("not json", "body"),
        ([], "body"),
        ({"surprise": 1}, "unknown field"),
        ({"admin": {"owns_card": "yes"}}, "admin.owns_card"),
        ({"admin": {"name": ""}}, "admin.name"),
        ({"balance": {"amount": "-5"}}, "balance.amount"),
        ({"balance": {"amount": "1.001"}}, "balance.amount"),
        ({"balance": {"amount": "NaN"}}, "balance.amount"),
        ({"balance": {"currency": "dollars"}}, "balance.currency"),
        ({"cards": []}, "cards"),
        (
            {
                "cards": [
                    {
                        "number": "4242424242424241",
                        "expires": "01/2030",
                        "holder": "A",
                        "on_file": True,
                    }
                ]
            },
            "cards[0].number",
        ),
        (
            {
                "cards": [
                    {
                        "number": "4242424242424242",
                        "expires": "2030",
                        "holder": "A",
                        "on_file": True,
                    }
                ]
            },
            "cards[0].expires",
        ),
        (
            {"cards": [{"number": "4242424242424242", "expires": "01/2030", "holder": "A"}]},
            "on_file",
        ),
    ],
)
def test_api_rejects_malformed_setup(client, body, field) -> None:
    if isinstance(body, str):
        response = client.post("/api/tenants", data=body, content_type="application/json")
    else:
        response = client.post("/api/tenants", json=body)
    assert response.status_code == 400
    assert field in response.json["error"]


def test_api_tenant_access_is_by_token(client) -> None:
    one, two = new_tenant(client), new_tenant(client)
    assert client.get(f"/api/tenants/{one['id']}").status_code == 401
    assert client.get(f"/api/tenants/{one['id']}", headers=auth(two)).status_code == 403
    assert client.get("/api/tenants/doesnotexist", headers=auth(one)).status_code == 404
    assert client.delete(f"/api/tenants/{one['id']}", headers=auth(one)).status_code == 204
    assert client.get(f"/api/tenants/{one['id']}", headers=auth(one)).status_code == 404


def test_pages_need_a_valid_sign_in(client) -> None:
    assert client.get("/billing/products").status_code == 401
    assert client.get("/signin?token=forged").status_code == 403
