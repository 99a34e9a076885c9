"""The mock portal: localized pages, owner/non-owner actions, validation, charges, the API."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from mock_portal import create_app
from mock_portal.catalog_lint import lint
from mock_portal.i18n import PACKAGE_TRANSLATIONS, PSEUDO_LOCALES, Catalogs
from mock_portal.store import TenantStore
from tests.portal_http import CSRF_RE

ROOT = Path(__file__).parent.parent
PORTAL = ROOT / "mock_portal"
CATALOG_FILES = sorted(PACKAGE_TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
LOCALES = [p.parent.parent.name.replace("_", "-") for p in CATALOG_FILES]
# Proper nouns and codes that stay as they are in every language.
SAME_IN_EVERY_LANGUAGE = {"Microsoft 365", "Visa", "Mastercard", "MM/YYYY", "CVV"}
TAG_RE = re.compile(r"<[^>]+>")


def intentionally_identical(locale: str) -> set[str]:
    """Msgids a translator marked '# intentionally identical' in that locale's catalog."""
    po = PACKAGE_TRANSLATIONS / locale.replace("-", "_") / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    return {
        str(m.id) for m in catalog if any("intentionally identical" in c for c in m.user_comments)
    }


@pytest.fixture
def app():
    return create_app(store=TenantStore(today=dt.date(2026, 11, 22)))


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


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(TAG_RE.sub(" ", page))


def page_in(client, url: str, locale: str) -> str:
    response = client.get(url, headers={"Accept-Language": locale})
    return response.get_data(as_text=True)


def past_due_id(client, tenant: dict) -> str:
    return next(s["id"] for s in state(client, tenant)["subscriptions"] if s["past_due"])


def csrf_of(client, sub: str) -> str:
    """The CSRF token the settle panel carries for this session."""
    return CSRF_RE.search(client.get(f"/billing/products?settle={sub}").get_data(as_text=True))[1]


def settle(client, tenant: dict, locale: str = "en-US", **form):
    sub = past_due_id(client, tenant)
    form = {**form, "csrf_token": csrf_of(client, sub)}
    return client.post(
        f"/billing/products/{sub}/settle", data=form, headers={"Accept-Language": locale}
    )


# --- localization ----------------------------------------------------------------------------


def english_msgids() -> set[str]:
    catalog = read_po((PACKAGE_TRANSLATIONS / "en_US" / "LC_MESSAGES" / "messages.po").open("rb"))
    return {str(m.id) for m in catalog if m.id}


def pages_of(client, tenant: dict) -> list[str]:
    sub = past_due_id(client, tenant)
    return [
        "/",
        "/billing/products",
        f"/billing/products?settle={sub}",
        "/section/users",
        "/section/bills",
        "/section/nope",  # 404 page
    ]


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en-US"])
def test_every_page_is_fully_translated(client, locale: str) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    english_only = {
        msgid
        for msgid in english_msgids()
        if "%(" not in msgid
        and msgid not in SAME_IN_EVERY_LANGUAGE
        and msgid not in intentionally_identical(locale)
    }
    for url in pages_of(client, tenant):
        page = page_in(client, url, locale)
        direction = PSEUDO_LOCALES.get(locale) or (
            "rtl" if Locale.parse(locale, sep="-").character_order == "right-to-left" else "ltr"
        )
        assert f'<html lang="{locale}" dir="{direction}">' in page
        text = visible_text(page)
        leftovers = sorted(
            msgid for msgid in english_only if re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text)
        )
        assert leftovers == [], f"{url} in {locale} shows untranslated strings: {leftovers}"
        assert "locale-fallback" not in page


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_translates_every_msgid(locale: str) -> None:
    catalogs = Catalogs(PACKAGE_TRANSLATIONS)
    for msgid in english_msgids():
        assert catalogs.has(locale, msgid), f"{locale}: no translation for {msgid!r}"
        translated = catalogs.gettext(locale, msgid)
        if locale != "en-US" and translated == msgid:
            allowed = SAME_IN_EVERY_LANGUAGE | intentionally_identical(locale)
            assert msgid in allowed, f"{locale}: {msgid!r} left in English"


@pytest.mark.parametrize("po", CATALOG_FILES, ids=[p.parent.parent.name for p in CATALOG_FILES])
def test_catalogs_compile_cleanly(po: Path) -> None:
    catalog = read_po(po.open("rb"))
    problems = [(m.id, errors) for m, errors in catalog.check()]
    assert problems == []
    write_mo(io.BytesIO(), catalog)


def test_every_msgid_in_the_code_is_in_every_catalog() -> None:
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    used = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(PORTAL), method_map, keywords={"_": None, "N_": None}
        )
        if isinstance(message, str)
    }
    assert len(used) > 40
    for po in CATALOG_FILES:
        ids = {str(m.id) for m in read_po(po.open("rb")) if m.id}
        assert used - ids == set(), f"{po}: missing {sorted(used - ids)}"


def test_catalog_lint_is_clean() -> None:
    """Placeholders kept, nothing untranslated or fuzzy, headers complete (make lint too)."""
    assert lint(PACKAGE_TRANSLATIONS) == []


def test_accept_language_lang_param_and_visible_fallback(client) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    assert '<html lang="fr-FR"' in page_in(client, "/", "fr-FR,fr;q=0.9")
    assert '<html lang="nl-NL"' in page_in(client, "/", "nl")  # language-only request
    assert '<html lang="ja-JP"' in page_in(client, "/?lang=ja-JP", "fr-FR")
    client.delete_cookie("m365_lang")
    fallback = page_in(client, "/", "hu-HU")  # a locale with no catalog
    assert '<html lang="en-US"' in fallback
    assert 'data-testid="locale-fallback"' in fallback and "hu-HU" in fallback


def test_amount_due_is_formatted_for_the_locale(client) -> None:
    tenant = new_tenant(client, balance={"amount": "1234.50", "currency": "EUR"})
    sign_in(client, tenant)
    sub = past_due_id(client, tenant)
    assert "1\u202f234,50\u00a0€" in page_in(client, f"/billing/products?settle={sub}", "fr-FR")
    assert "€1,234.50" in page_in(client, f"/billing/products?settle={sub}", "en-US")
    assert "€\u00a01.234,50" in page_in(client, f"/billing/products?settle={sub}", "nl-NL")


# --- the flow -----------------------------------------------------------------------------------


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


# --- API and isolation ---------------------------------------------------------------------------


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
