"""The portal's security model (issue 13), input and escaping: nested JSON, currencies and
amounts, control characters, the escaped language banner and text direction. Each test names
the finding it covers; ``tests/portal_mutation.py`` checks it fails without that protection."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.portal_client import PortalClient
from mock_portal import create_app
from mock_portal.i18n import PACKAGE_TRANSLATIONS
from tests import portal_security_helpers
from tests.portal_client_helpers import auth, new_tenant
from tests.portal_http import csrf_in, past_due, signed_in
from tests.portal_security_helpers import XSS, charges, sub_of

# The shared fixtures, registered in this module under their own names.
clock = portal_security_helpers.clock
app = portal_security_helpers.app
client = portal_security_helpers.client
live = portal_security_helpers.live


# --- nested JSON --------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_a_400_not_a_500(client, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    body = opening * 5000 + "1" + closing * 5000  # 30 KB: inside the body limit
    response = client.post("/api/tenants", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "nested" in response.json["detail"]


def test_shallow_json_is_still_parsed(client) -> None:
    response = client.post("/api/tenants", json={"admin": {"name": "[[[{{{"}})
    assert response.status_code == 201


# --- money --------------------------------------------------------------------------------------


@pytest.mark.parametrize("currency", ["ZZZ", "ＵＳＤ", "ßab", "usd", "XXX", "US", 840, None])
def test_currency_must_be_an_iso_4217_code(client, currency) -> None:
    response = client.post("/api/tenants", json={"balance": {"currency": currency}})
    assert response.status_code == 400
    assert "balance.currency" in response.json["error"]


@pytest.mark.parametrize(
    ("amount", "currency", "stored"),
    [("1235", "JPY", "1235"), ("129.00", "USD", "129.00"), ("1.234", "BHD", "1.234")],
)
def test_amounts_in_the_currency_decimals_are_accepted(client, amount, currency, stored) -> None:
    tenant = new_tenant(client, balance={"amount": amount, "currency": currency})
    state = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json
    assert state["balance"] == {"amount": stored, "currency": currency}


@pytest.mark.parametrize(
    ("amount", "currency"),
    [("1234.56", "JPY"), ("1234.5", "JPY"), ("1.2345", "BHD"), ("1.001", "EUR")],
)
def test_amount_has_at_most_the_currency_decimals(client, amount, currency) -> None:
    response = client.post(
        "/api/tenants", json={"balance": {"amount": amount, "currency": currency}}
    )
    assert response.status_code == 400
    assert "balance.amount" in response.json["error"]


def test_yen_charge_is_what_the_page_shows(client) -> None:
    tenant = new_tenant(client, balance={"amount": "1235", "currency": "JPY"})
    client.get(tenant["signin_path"])
    sub = sub_of(client, tenant)
    page = client.get(f"/billing/products?settle={sub}", headers={"Accept-Language": "ja-JP"})
    assert "￥1,235" in page.get_data(as_text=True)
    other = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json["cards"][1]
    csrf = csrf_in(page.get_data(as_text=True))
    form = {"choice": "other", "other_card": other["id"], "csrf_token": csrf}
    assert client.post(f"/billing/products/{sub}/settle", data=form).status_code == 303
    assert [c["amount"] for c in charges(client, tenant)] == ["1235"]


# --- escaping and text direction ----------------------------------------------------------------


@pytest.mark.parametrize("via", ["lang", "accept-language"])
def test_banner_escapes_the_requested_language(client, via: str) -> None:
    tenant = new_tenant(client)
    client.get(tenant["signin_path"])
    if via == "lang":
        response = client.get("/", query_string={"lang": XSS})
    else:
        response = client.get("/", headers={"Accept-Language": XSS})
    page = response.get_data(as_text=True)
    assert 'data-testid="locale-fallback"' in page
    assert XSS not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.fixture(scope="module")
def bidi_catalogs(tmp_path_factory) -> Path:
    """The bundled catalogs plus English copies under right-to-left locales that have none."""
    folder = tmp_path_factory.mktemp("bidi") / "translations"
    shutil.copytree(PACKAGE_TRANSLATIONS, folder)
    for locale in ("ar_EG", "he_IL", "fa_IR", "ps_AF", "ug_CN"):
        if not (folder / locale).exists():  # he_IL has the portal's own catalog
            shutil.copytree(folder / "en_US", folder / locale)
    return folder


@pytest.mark.parametrize(
    ("locale", "direction"),
    [("ar-EG", "rtl"), ("he-IL", "rtl"), ("fa-IR", "rtl"), ("ps-AF", "rtl"), ("ug-CN", "rtl"),
     ("ja-JP", "ltr"), ("fr-FR", "ltr")],
)  # fmt: skip
def test_text_direction_comes_from_cldr(bidi_catalogs: Path, locale: str, direction: str) -> None:
    client = create_app(bidi_catalogs).test_client()
    tenant = new_tenant(client)
    client.get(tenant["signin_path"])
    page = client.get("/", headers={"Accept-Language": locale}).get_data(as_text=True)
    assert f'<html lang="{locale}" dir="{direction}">' in page


# --- C1 control characters ----------------------------------------------------------------------


def test_c1_controls_in_the_holder_name_are_refused(live: PortalClient) -> None:
    tenant, browser = signed_in(live)
    sub = past_due(live, tenant)
    browser.open_settle_panel(sub)
    form = {"choice": "new", "number": "4000056655665556", "holder": "Megan\u0085Bowen",
            "expires": "08/2031", "cvv": "737"}  # fmt: skip
    reply = browser.save(sub, form)
    assert reply.status == 422
    assert 'data-testid="error-holder"' in reply.body
    assert live.state(tenant).charges == ()


@pytest.mark.parametrize(
    "setup",
    [
        {"admin": {"name": "Alex\u0085Wilber"}},
        {"cards": [{"number": "4242424242424242", "expires": "04/2030",
                    "holder": "Alex\u0085Wilber", "on_file": True}]},
        {"balance": {"amount": "129.00\u0085", "currency": "USD"}},
        {"balance": {"currency": "USD\u0085"}},
    ],
    ids=["admin-name", "card-holder", "amount", "currency"],
)  # fmt: skip
def test_c1_controls_in_api_json_are_refused(client, setup: dict) -> None:
    response = client.post("/api/tenants", json=setup)
    assert response.status_code == 400
