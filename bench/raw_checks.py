"""The floor's checks: what the suite's steps read and assert in the browser, in plain Playwright.

Each function does the browser work of one kind of step — the same reads (the ARIA snapshot or
text of each control the article names) and the same web-first assertions (``expect``) on the
same elements, plus the same tenant-state reads over HTTP — without page objects, label
verdicts, pytest or Gherkin. ``bench/raw_playwright.py`` calls them unless ``--clicks-only``,
so that the benchmark's ratio measures the framework rather than the checks.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency
from playwright.sync_api import Page, expect

from core.portal_client import PortalClient, TenantHandle
from core.pseudo import babel_locale, direction


def signed_in(page: Page, locale: str, language_check: bool) -> None:
    expect(page.get_by_test_id("left-nav")).to_be_visible()
    if language_check:  # the labels scenario: the document's language and direction
        expect(page.locator(":root")).to_have_attribute("lang", locale)
        expect(page.locator(":root")).to_have_attribute("dir", direction(locale))


def navigate(page: Page) -> None:
    """Billing > Your products, reading both names and checking the navigation state."""
    nav = page.get_by_test_id("left-nav")
    toggle = nav.get_by_test_id("nav-billing")
    toggle.aria_snapshot()
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    link = nav.get_by_test_id("nav-products")
    link.aria_snapshot()
    link.click()
    expect(link).to_have_attribute("aria-current", "page")


def open_panel(page: Page, portal: PortalClient, tenant: TenantHandle, locale: str) -> None:
    """The notice (read twice, as the Then and the When step do), Settle balance, the panel."""
    notice = page.get_by_test_id("past-due-notice")
    notice.inner_text()
    notice.inner_text()
    button = page.get_by_test_id("billing-section").filter(has=notice)
    button = button.get_by_test_id("settle-balance")
    button.aria_snapshot()
    button.click()
    state = portal.state(tenant)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    amount = format_currency(Decimal(state.balance), state.currency, locale=babel_locale(locale))
    expect(dialog.get_by_test_id("amount-due")).to_have_text(amount)
    expect(dialog.get_by_test_id("card-on-file")).to_contain_text(state.card_on_file.last4)


def read_save(page: Page) -> None:
    page.get_by_role("dialog").get_by_test_id("save-payment").aria_snapshot()


def settled(page: Page, portal: PortalClient, tenant: TenantHandle) -> None:
    confirmation = page.get_by_test_id("settle-confirmation")
    expect(confirmation).to_be_visible()
    expect(confirmation).to_have_attribute("role", "status")
    expect(page.get_by_test_id("past-due-notice")).to_have_count(0)
    assert portal.state(tenant).balance == "0.00"
    portal.state(tenant)  # the charge (and, for a new expiry, the card) step reads it again


def refused(page: Page, field_id: str) -> None:
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("alert")).to_be_visible()
    field = dialog.get_by_test_id(field_id)
    expect(field).to_have_attribute("aria-invalid", "true")
    described_by = field.get_attribute("aria-describedby") or ""
    message = dialog.get_by_role("alert").locator(f"[id='{described_by}']")
    expect(message).to_have_count(1)
    expect(message).not_to_be_empty()


def outstanding(page: Page, portal: PortalClient, tenant: TenantHandle) -> None:
    expect(page.get_by_test_id("past-due-notice")).to_have_count(1)
    expect(page.get_by_test_id("settle-confirmation")).to_have_count(0)
    assert portal.state(tenant).charges == ()


def options_for_non_owner(page: Page) -> None:
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_test_id("option-change-expiry")).to_have_count(0)
    expect(dialog.get_by_test_id("new-expiry")).to_have_count(0)
    expect(dialog.get_by_test_id("option-other-card")).to_be_enabled()
    expect(dialog.get_by_test_id("option-new-card")).to_be_enabled()
