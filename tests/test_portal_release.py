"""The portal's UI releases: release 2022 (Billing > Bills & payments, Payment methods tab,
declined-method warning, right pane) beside release 2021 (Your products), chosen per tenant.

Through Flask's test client: which release has which page, the 2022 settle POST (one charge,
CSRF, validation, owner rule, the chosen card on file), every locale translated, the API's
``release`` field and ``--ui-release`` (parsed, and through ``python -m mock_portal``). In
Chromium: the roles and accessible names of every 2022 control in en-US and ja-JP, the tabs
by keyboard, the pane on the right and its new-method form; axe on every 2022 page state in
en-US and ar-SA.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from core.portal_client import PortalClient
from mock_portal import create_app
from mock_portal.__main__ import parse_args
from mock_portal.server import RunningPortal, start_in_thread
from mock_portal.store import TenantStore
from pages.accessibility import audit
from tests import portal_client_helpers
from tests.portal_client_helpers import TODAY, new_tenant, page_in, past_due_id, sign_in
from tests.portal_client_helpers import state as tenant_state
from tests.portal_http import Browser as SessionBrowser
from tests.portal_http import csrf_in
from tests.standalone import standalone_portal
from tests.test_portal import LOCALES, assert_fully_translated

# The shared fixtures, registered in this module under their own names.
app = portal_client_helpers.app
client = portal_client_helpers.client

BILLS = "/billing/bills"
NEW_VISA = {"number": "4000 0566 5566 5556", "holder": "Megan", "expires": "08/2031", "cvv": "737"}


def tenant_2022(client, **setup) -> dict:
    tenant = new_tenant(client, release="2022", **setup)
    sign_in(client, tenant)
    return tenant


def pane_url(client, tenant: dict) -> str:
    return f"{BILLS}?settle={past_due_id(client, tenant)}"


def post_pane(client, tenant: dict, form: dict, *, csrf: str | None = None):
    """Save the right pane: ``form`` plus the pane's CSRF token (or ``csrf`` instead)."""
    sub = past_due_id(client, tenant)
    token = csrf_in(client.get(pane_url(client, tenant)).get_data(as_text=True))
    fields = {**form, "csrf_token": token if csrf is None else csrf}
    return client.post(f"{BILLS}/{sub}/settle", data=fields)


def charges(client, tenant: dict) -> list[tuple[str, str]]:
    return [(c["amount"], c["card"]) for c in tenant_state(client, tenant)["charges"]]


def card_on_file(client, tenant: dict) -> dict:
    return next(c for c in tenant_state(client, tenant)["cards"] if c["on_file"])


def saved_card(client, tenant: dict, on_file: bool) -> dict:
    return next(c for c in tenant_state(client, tenant)["cards"] if c["on_file"] == on_file)


# --- which release has which page -----------------------------------------------------------


def test_release_2021_has_no_bills_and_payments_page(client) -> None:
    tenant = new_tenant(client)  # the server's default: 2021
    sign_in(client, tenant)
    assert tenant_state(client, tenant)["release"] == "2021"
    assert client.get(BILLS).status_code == 404
    assert client.get(f"{BILLS}?tab=payment-methods").status_code == 404
    sub = past_due_id(client, tenant)
    token = csrf_in(client.get(f"/billing/products?settle={sub}").get_data(as_text=True))
    other = saved_card(client, tenant, on_file=False)
    form = {"method": other["id"], "csrf_token": token}
    assert client.post(f"{BILLS}/{sub}/settle", data=form).status_code == 404
    assert charges(client, tenant) == []
    # The navigation entry is still the placeholder section it always was: no tabs, no flow.
    home = page_in(client, "/", "en-US")
    assert 'data-testid="nav-bills" href="/section/bills"' in home
    section = page_in(client, "/section/bills", "en-US")
    assert 'role="tablist"' not in section and 'data-testid="declined-warning"' not in section


def test_release_2022_products_page_has_no_settle_notice_or_action(client) -> None:
    tenant = tenant_2022(client)
    sub = past_due_id(client, tenant)
    for url in ("/billing/products", f"/billing/products?settle={sub}"):
        page = page_in(client, url, "en-US")
        assert 'data-testid="page-title"' in page  # Your products is still there
        for gone in ("past-due-notice", "settle-balance", "settle-panel"):
            assert f'data-testid="{gone}"' not in page, f"{url} shows {gone}"
    # Its old settle POST is gone too, even with a valid CSRF token.
    token = csrf_in(client.get(pane_url(client, tenant)).get_data(as_text=True))
    other = saved_card(client, tenant, on_file=False)
    form = {"choice": "other", "other_card": other["id"], "csrf_token": token}
    assert client.post(f"/billing/products/{sub}/settle", data=form).status_code == 404
    assert charges(client, tenant) == []


def test_release_2022_bills_page_has_tabs_warning_and_settle(client) -> None:
    tenant = tenant_2022(client)
    home = page_in(client, "/", "en-US")
    assert f'data-testid="nav-bills" href="{BILLS}"' in home
    page = page_in(client, BILLS, "en-US")
    assert 'role="tablist"' in page
    # Invoices is the tab a fresh page shows; Payment methods is one click (or ?tab=) away.
    assert 'id="tab-invoices" aria-controls="tabpanel-invoices" aria-selected="true"' in page
    methods = page_in(client, f"{BILLS}?tab=payment-methods", "en-US")
    assert 'aria-controls="tabpanel-payment-methods" aria-selected="true" tabindex="0"' in methods
    assert "Your payment method Visa ending in 4242 was declined." in methods
    assert 'role="alert" data-testid="declined-warning"' in methods
    assert methods.count('data-testid="payment-method"') == 2
    assert 'data-testid="settle-balance">Settle balance<' in methods
    pane = page_in(client, pane_url(client, tenant), "en-US")
    assert 'role="dialog"' in pane and 'data-testid="amount-due" translate="no">$129.00<' in pane
    assert 'data-testid="add-payment-method">Add a new payment method<' in pane


def test_release_2022_warning_is_gone_once_settled(client) -> None:
    tenant = tenant_2022(client)
    other = saved_card(client, tenant, on_file=False)
    done = post_pane(client, tenant, {"method": other["id"]})
    assert done.status_code == 303
    page = page_in(client, done.headers["Location"], "en-US")
    assert 'data-testid="settle-confirmation"' in page
    assert 'data-testid="declined-warning"' not in page


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en-US"])
def test_release_2022_pages_are_fully_translated(client, locale: str) -> None:
    tenant = tenant_2022(client)
    urls = [BILLS, f"{BILLS}?tab=payment-methods", pane_url(client, tenant), "/billing/products"]
    assert_fully_translated(client, urls, locale)


# --- the 2022 settle POST ----------------------------------------------------------------------


def test_release_2022_save_charges_exactly_once_and_sets_the_card_on_file(client) -> None:
    tenant = tenant_2022(client)
    other = saved_card(client, tenant, on_file=False)
    sub = past_due_id(client, tenant)
    token = csrf_in(client.get(pane_url(client, tenant)).get_data(as_text=True))
    form = {"method": other["id"], "csrf_token": token}
    first = client.post(f"{BILLS}/{sub}/settle", data=form)
    second = client.post(f"{BILLS}/{sub}/settle", data=form)  # the same pane saved twice
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"].startswith(f"{BILLS}?tab=payment-methods&settled=")
    assert charges(client, tenant) == [("129.00", other["last4"])]
    assert card_on_file(client, tenant)["id"] == other["id"]
    assert tenant_state(client, tenant)["balance"]["amount"] == "0.00"


def test_release_2022_new_payment_method_becomes_the_card_on_file(client) -> None:
    tenant = tenant_2022(client)
    response = post_pane(client, tenant, {"method": "new", **NEW_VISA})
    assert response.status_code == 303
    assert charges(client, tenant) == [("129.00", "5556")]
    on_file = card_on_file(client, tenant)
    assert (on_file["brand"], on_file["last4"], on_file["expires"]) == ("Visa", "5556", "08/2031")


@pytest.mark.parametrize("csrf", ["", "forged"], ids=["missing", "invalid"])
def test_release_2022_save_without_this_sessions_csrf_token_is_refused(client, csrf) -> None:
    tenant = tenant_2022(client)
    other = saved_card(client, tenant, on_file=False)
    response = post_pane(client, tenant, {"method": other["id"]}, csrf=csrf)
    assert response.status_code == 403
    assert charges(client, tenant) == []


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"method": "new", **NEW_VISA, "number": "4000 0566 5566 5557"}, "number",
         "Enter a valid card number."),
        ({"method": "new", **NEW_VISA, "expires": "10/2026"}, "expires",
         "This card has expired. Enter an expiration date in the future."),
        ({"method": "nope"}, "other_card", "Choose one of your saved cards."),
        ({}, "choice", "Choose how you want to pay."),
        ({"method": ["new", "x"]}, "choice", "Choose how you want to pay."),
    ],
    ids=["luhn", "expired", "unknown-card", "no-method", "two-methods"],
)  # fmt: skip
def test_release_2022_bad_payment_method_is_announced_and_charges_nothing(
    client, form, field, message
) -> None:
    tenant = tenant_2022(client)
    response = post_pane(client, tenant, form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'role="alert" data-testid="form-errors"' in page
    assert f'data-testid="error-{field}">{html.escape(message, quote=True)}<' in page
    assert 'role="dialog"' in page  # the pane stays open with what was typed
    assert charges(client, tenant) == []
    assert tenant_state(client, tenant)["balance"]["amount"] == "129.00"


def test_release_2022_owner_updates_the_expiry_of_the_declined_card(client) -> None:
    tenant = tenant_2022(client)
    on_file = card_on_file(client, tenant)
    pane = page_in(client, pane_url(client, tenant), "en-US")
    assert f'data-testid="saved-card-{on_file["last4"]}"' in pane
    response = post_pane(client, tenant, {"method": on_file["id"], "new_expiry": "05/2030"})
    assert response.status_code == 303
    assert charges(client, tenant) == [("129.00", on_file["last4"])]
    assert card_on_file(client, tenant)["expires"] == "05/2030"


def test_release_2022_non_owner_cannot_update_the_card_on_file(client) -> None:
    tenant = tenant_2022(client, admin={"owns_card": False})
    on_file = card_on_file(client, tenant)
    pane = page_in(client, pane_url(client, tenant), "en-US")
    assert 'data-testid="owner-only-hint"' in pane
    assert f'data-testid="saved-card-{on_file["last4"]}"' not in pane
    assert 'data-testid="new-expiry"' not in pane
    # Posting it anyway is refused by the store, under its lock.
    response = post_pane(client, tenant, {"method": on_file["id"], "new_expiry": "05/2030"})
    assert response.status_code == 422
    assert 'data-testid="error-choice"' in response.get_data(as_text=True)
    assert charges(client, tenant) == []
    assert card_on_file(client, tenant)["expires"] == on_file["expires"]


def test_release_2022_cancel_closes_the_pane_and_leaves_the_balance(client) -> None:
    tenant = tenant_2022(client)
    pane = page_in(client, pane_url(client, tenant), "en-US")
    cancel = f'href="{BILLS}?tab=payment-methods" data-testid="cancel-settle"'
    assert cancel in pane
    after = page_in(client, f"{BILLS}?tab=payment-methods", "en-US")
    assert 'role="dialog"' not in after and 'data-testid="declined-warning"' in after
    assert charges(client, tenant) == []
    assert tenant_state(client, tenant)["balance"]["amount"] == "129.00"


# --- choosing the release ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2023", "", 2022, None, ["2022"], "2022 "])
def test_an_unknown_release_is_refused_naming_the_field_and_the_allowed_values(
    client, value
) -> None:
    response = client.post("/api/tenants", json={"release": value})
    assert response.status_code == 400
    assert response.json["error"] == 'release: expected "2021" or "2022"'


def test_the_servers_default_release_applies_when_the_setup_names_none() -> None:
    client = create_app(store=TenantStore(today=TODAY), ui_release="2022").test_client()
    health = client.get("/api/health").get_json()
    assert health["releases"] == ["2021", "2022"] and health["default_release"] == "2022"
    default, named = new_tenant(client), new_tenant(client, release="2021")
    assert tenant_state(client, default)["release"] == "2022"
    assert tenant_state(client, named)["release"] == "2021"
    with pytest.raises(ValueError, match='ui_release: expected "2021" or "2022"'):
        create_app(ui_release="2023")


def test_ui_release_option_of_python_m_mock_portal() -> None:
    assert parse_args([]).ui_release == "2021"
    assert parse_args(["--ui-release", "2022"]).ui_release == "2022"
    with pytest.raises(SystemExit) as refused:
        parse_args(["--ui-release", "2023"])
    assert refused.value.code == 2


@pytest.mark.parametrize(("release", "bills_status"), [("2021", 404), ("2022", 200)])
def test_ui_release_reaches_the_standalone_portals_demo_tenant_and_api(
    release: str, bills_status: int
) -> None:
    with standalone_portal("--ui-release", release) as portal:
        api = PortalClient(portal.url)
        assert api.health()["default_release"] == release
        # The printed demo tenant's link, then a tenant created through the API with no release.
        for signin in (portal.signin, api.create_tenant({}).signin_url):
            browser = SessionBrowser(portal.url)
            assert browser.sign_in(signin).status == 302
            assert browser.get(BILLS).status == bills_status


# --- in the browser: roles, names, keyboard ----------------------------------------------------

# Every control of the 2022 flow, by role and accessible name, as en-US and ja-JP show it.
NAMES = {
    "en-US": {
        "billing": "Billing", "bills": "Bills & payments", "invoices": "Invoices",
        "methods": "Payment methods", "settle": "Settle balance",
        "add": "Add a new payment method", "number": "Card number", "holder": "Name on card",
        "expires": "Expiration date (MM/YYYY)", "cvv": "Security code (CVV)", "save": "Save",
        "cancel": "Cancel", "other": "Mastercard ending in 4444, expires 11/2028",
        "declined": "Your payment method Visa ending in 4242 was declined.",
    },
    "ja-JP": {
        "billing": "課金", "bills": "請求書と支払い", "invoices": "請求書",
        "methods": "支払い方法", "settle": "残高の決済", "add": "新しい支払い方法を追加する",
        "number": "カード番号", "holder": "カード名義人", "expires": "有効期限 (MM/YYYY)",
        "cvv": "セキュリティ コード (CVV)", "save": "保存", "cancel": "キャンセル",
        "other": "末尾が 4444 の Mastercard (有効期限 11/2028)",
        "declined": "支払い方法 (末尾が 4242 の Visa) が拒否されました。",
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def live_2022() -> Iterator[RunningPortal]:
    running = start_in_thread(create_app(store=TenantStore(today=TODAY), ui_release="2022"))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def page_in_locale(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page of a fresh browser context in the locale the test is parametrized with."""
    context = browser.new_context(locale=request.param, viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("page_in_locale", list(NAMES), indirect=True)
def test_release_2022_flow_by_role_and_name_with_the_keyboard(
    page_in_locale: Page, live_2022: RunningPortal
) -> None:
    page = page_in_locale
    portal = PortalClient(live_2022.url)
    tenant = portal.create_tenant({})  # the server's default release: 2022
    page.goto(tenant.signin_url)
    names = NAMES[page.evaluate("document.documentElement.lang")]
    page.get_by_role("button", name=names["billing"], exact=True).click()
    page.get_by_role("link", name=names["bills"], exact=True).click()
    tabs = page.get_by_role("tablist", name=names["bills"], exact=True)
    invoices = tabs.get_by_role("tab", name=names["invoices"], exact=True)
    methods = tabs.get_by_role("tab", name=names["methods"], exact=True)
    expect(invoices).to_have_attribute("aria-selected", "true")
    # The keyboard alone: focus the selected tab, the arrow key selects the next one.
    invoices.focus()
    page.keyboard.press("ArrowRight")
    expect(methods).to_be_focused()
    expect(methods).to_have_attribute("aria-selected", "true")
    panel = page.get_by_role("tabpanel", name=names["methods"], exact=True)
    expect(panel).to_be_visible()
    expect(page.get_by_role("tabpanel", name=names["invoices"], exact=True)).to_be_hidden()
    expect(panel.get_by_role("alert")).to_contain_text(names["declined"])
    panel.get_by_role("button", name=names["settle"], exact=True).click()
    pane = page.get_by_role("dialog", name=names["settle"], exact=True)
    expect(pane).to_be_visible()
    box = pane.bounding_box()
    assert box is not None and box["x"] > 1280 / 2, f"the pane is not on the right: {box}"
    expect(pane.get_by_role("radio", name=names["other"], exact=True)).to_be_visible()
    add = pane.get_by_role("button", name=names["add"], exact=True)
    expect(add).to_have_attribute("aria-expanded", "false")
    expect(pane.get_by_role("textbox", name=names["number"], exact=True)).to_be_hidden()
    add.click()
    expect(add).to_have_attribute("aria-expanded", "true")
    for key, value in (("number", "4000 0566 5566 5556"), ("holder", "Megan")):
        pane.get_by_role("textbox", name=names[key], exact=True).fill(value)
    pane.get_by_role("textbox", name=names["expires"], exact=True).fill("08/2031")
    pane.get_by_role("textbox", name=names["cvv"], exact=True).fill("737")
    expect(pane.get_by_role("link", name=names["cancel"], exact=True)).to_be_visible()
    pane.get_by_role("button", name=names["save"], exact=True).click()
    expect(page.get_by_role("status")).to_be_visible()
    after = portal.state(tenant)
    assert [c.card for c in after.charges] == ["5556"]
    assert after.card_on_file.last4 == "5556"


def release_2022_page_states(page: Page, live: RunningPortal) -> Iterator[str]:
    """Walk the 2022 flow to each of its page states; yield each one's name once it shows."""
    tenant = PortalClient(live.url).create_tenant({})
    page.goto(tenant.signin_url)
    page.goto(f"{live.url}{BILLS}")
    yield "invoices tab"
    page.get_by_test_id("tab-payment-methods").click()
    yield "payment methods tab"
    page.get_by_test_id("settle-balance").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    yield "right pane"
    page.get_by_test_id("add-payment-method").click()
    yield "new payment method"
    page.get_by_test_id("new-card-number").fill("4242 4242")
    page.get_by_test_id("save-payment").click()
    expect(page.get_by_test_id("form-errors")).to_be_visible()
    yield "validation errors"


@pytest.mark.parametrize("page_in_locale", ["en-US", "ar-SA"], indirect=True)
def test_release_2022_page_states_have_no_axe_violations(
    page_in_locale: Page, live_2022: RunningPortal
) -> None:
    found = {
        state: [f"{v.rule} ({v.impact}): {', '.join(v.targets)}" for v in audit(page_in_locale)[0]]
        for state in release_2022_page_states(page_in_locale, live_2022)
    }
    assert {state: rules for state, rules in found.items() if rules} == {}
