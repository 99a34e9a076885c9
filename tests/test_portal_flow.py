"""The mock portal's settle flow: owner and non-owner actions, validation, escaping, charges."""

from __future__ import annotations

import html

import pytest

from mock_portal import create_app
from tests import portal_client_helpers
from tests.portal_client_helpers import (
    csrf_of,
    new_tenant,
    page_in,
    past_due_id,
    settle,
    sign_in,
    state,
)

# The shared fixtures, registered in this module under their own names.
app = portal_client_helpers.app
client = portal_client_helpers.client


def test_owner_and_non_owner_see_the_right_actions(client) -> None:
    owner = new_tenant(client, admin={"owns_card": True})
    sign_in(client, owner)
    page = page_in(client, f"/billing/products?settle={past_due_id(client, owner)}", "en-US")
    for testid in ("option-change-expiry", "option-other-card", "option-new-card"):
        assert f'data-testid="{testid}"' in page
    other = create_app().test_client()
    non_owner = new_tenant(other, admin={"owns_card": False})
    sign_in(other, non_owner)
    page = page_in(other, f"/billing/products?settle={past_due_id(other, non_owner)}", "en-US")
    assert 'data-testid="option-change-expiry"' not in page
    assert 'data-testid="owner-only-hint"' in page
    assert 'data-testid="option-other-card"' in page and 'data-testid="option-new-card"' in page


def test_non_owner_cannot_change_the_expiry_by_posting_anyway(client) -> None:
    tenant = new_tenant(client, admin={"owns_card": False})
    sign_in(client, tenant)
    response = settle(client, tenant, choice="expiry", new_expiry="12/2030")
    assert response.status_code == 422
    assert state(client, tenant)["charges"] == []


def new_card(**changes: str) -> dict:
    """A valid "add a new card" form, with ``changes`` applied."""
    form = {"choice": "new", "number": "4000056655665556", "holder": "A", "expires": "08/2031"}
    return {**form, "cvv": "737", **changes}


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (new_card(number="4000 0566 5566 5557"), "number", "Enter a valid card number."),
        (new_card(number="4242 4242"), "number", "Enter a valid card number."),
        (new_card(holder=" "), "holder", "Enter the name on the card."),
        (new_card(expires="13/2031"), "expires", "Enter the expiration date as MM/YYYY."),
        (new_card(cvv="7a7"), "cvv", "Enter the 3- or 4-digit security code."),
        (
            {"choice": "expiry", "new_expiry": "10/2026"},
            "new_expiry",
            "This card has expired. Enter an expiration date in the future.",
        ),
        (
            {"choice": "expiry", "new_expiry": "soon"},
            "new_expiry",
            "Enter the expiration date as MM/YYYY.",
        ),
        (
            {"choice": "other", "other_card": "nope"},
            "other_card",
            "Choose one of your saved cards.",
        ),
        ({}, "choice", "Choose how you want to pay."),
    ],
    ids=[
        "luhn",
        "length",
        "holder",
        "month",
        "cvv",
        "expired",
        "malformed-expiry",
        "card",
        "no-choice",
    ],
)
def test_validation_is_announced_and_charges_nothing(client, form, field, message) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    response = settle(client, tenant, **form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'role="alert"' in page
    assert f'data-testid="error-{field}">{html.escape(message, quote=True)}<' in page
    assert state(client, tenant)["charges"] == []
    assert state(client, tenant)["balance"]["amount"] == "129.00"
    if form.get("holder", "").strip():
        assert 'value="A"' in page  # what the user typed is kept


def test_validation_messages_are_localized(client) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    page = settle(client, tenant, "lv-LV", choice="expiry", new_expiry="01/2020").get_data(
        as_text=True
    )
    assert "Šīs kartes derīguma termiņš ir beidzies." in page


def test_holder_name_is_escaped(client) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    hostile = new_card(number="1", holder="<script>alert(1)</script>", expires="x", cvv="1")
    page = settle(client, tenant, **hostile).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_successful_save_settles_once_even_when_clicked_twice(client) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    cards = state(client, tenant)["cards"]
    other = next(c for c in cards if not c["on_file"])
    sub = past_due_id(client, tenant)
    form = {"choice": "other", "other_card": other["id"], "csrf_token": csrf_of(client, sub)}
    first = client.post(f"/billing/products/{sub}/settle", data=form)
    second = client.post(f"/billing/products/{sub}/settle", data=form)
    assert first.status_code == second.status_code == 303
    after = state(client, tenant)
    assert [(c["amount"], c["card"]) for c in after["charges"]] == [("129.00", other["last4"])]
    assert after["balance"]["amount"] == "0.00"
    page = page_in(client, first.headers["Location"], "nl-NL")
    assert 'data-testid="settle-confirmation"' in page and 'role="status"' in page
    assert 'data-testid="past-due-notice"' not in page


def test_new_card_becomes_the_card_on_file(client) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    card = new_card(number="5555 5555 5555 4444", holder="Megan", expires="8/31", cvv="123")
    response = settle(client, tenant, **card)
    assert response.status_code == 303
    cards = state(client, tenant)["cards"]
    assert [(c["brand"], c["last4"], c["expires"]) for c in cards if c["on_file"]] == [
        ("Mastercard", "4444", "08/2031")
    ]
