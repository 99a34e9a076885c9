"""The floor's checks: what the suite's steps read and assert in the browser, in plain Playwright.

Each function does the browser work of one kind of step — the same reads (the ARIA snapshot or
text of each control the article names) and the same web-first assertions (``expect``) on the
same elements, plus the same tenant-state reads over HTTP — without page objects, label
verdicts, pytest or Gherkin. ``bench/raw_playwright.py`` calls them unless ``--clicks-only``,
so that the benchmark's ratio measures the framework rather than the checks.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from core.portal_client import PortalClient, TenantHandle
from core.pseudo import direction, formatted_amount
from pages.admin_center import AdminCenter
from pages.products_page import ProductsPage
from pages.settle_panel import SettlePanel


def signed_in(page: Page, locale: str, language_check: bool) -> None:
    expect(page.get_by_test_id(AdminCenter.NAV)).to_be_visible()
    if language_check:  # the labels scenario: the document's language and direction
        expect(page.locator(":root")).to_have_attribute("lang", locale)
        expect(page.locator(":root")).to_have_attribute("dir", direction(locale))


def navigate(page: Page) -> None:
    """Billing > Your products, reading both names and checking the navigation state."""
    nav = page.get_by_test_id(AdminCenter.NAV)
    toggle = nav.get_by_test_id(AdminCenter.BILLING_GROUP)
    toggle.aria_snapshot()
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    link = nav.get_by_test_id(AdminCenter.YOUR_PRODUCTS_LINK)
    link.aria_snapshot()
    link.click()
    expect(link).to_have_attribute("aria-current", "page")


def open_panel(page: Page, portal: PortalClient, tenant: TenantHandle, locale: str) -> None:
    """The notice (read twice, as the Then and the When step do), Settle balance, the panel."""
    notice = page.get_by_test_id(ProductsPage.PAST_DUE_NOTICE)
    notice.inner_text()
    notice.inner_text()
    button = page.get_by_test_id(ProductsPage.BILLING_SECTION).filter(has=notice)
    button = button.get_by_test_id(ProductsPage.SETTLE_BUTTON)
    button.aria_snapshot()
    button.click()
    state = portal.state(tenant)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    amount = formatted_amount(state.balance, state.currency, locale)
    expect(dialog.get_by_test_id(SettlePanel.AMOUNT_DUE)).to_have_text(amount)
    expect(dialog.get_by_test_id(SettlePanel.CARD_ON_FILE)).to_contain_text(
        state.card_on_file.last4
    )


def read_save(page: Page) -> None:
    page.get_by_role("dialog").get_by_test_id(SettlePanel.SAVE).aria_snapshot()


def settled(page: Page, portal: PortalClient, tenant: TenantHandle) -> None:
    confirmation = page.get_by_test_id(ProductsPage.CONFIRMATION)
    expect(confirmation).to_be_visible()
    expect(confirmation).to_have_attribute("role", "status")
    expect(page.get_by_test_id(ProductsPage.PAST_DUE_NOTICE)).to_have_count(0)
    assert portal.state(tenant).balance == "0.00"
    portal.state(tenant)  # the charge (and, for a new expiry, the card) step reads it again


def refused(page: Page, subject: str) -> None:
    """Refused with an error about ``subject`` (a key of ``SettlePanel.FIELD_FOR``)."""
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("alert")).to_be_visible()
    field = dialog.get_by_test_id(SettlePanel.FIELD_FOR[subject])
    expect(field).to_have_attribute("aria-invalid", "true")
    described_by = field.get_attribute("aria-describedby") or ""
    message = dialog.get_by_role("alert").locator(f"[id='{described_by}']")
    expect(message).to_have_count(1)
    expect(message).not_to_be_empty()


def outstanding(page: Page, portal: PortalClient, tenant: TenantHandle) -> None:
    expect(page.get_by_test_id(ProductsPage.PAST_DUE_NOTICE)).to_have_count(1)
    expect(page.get_by_test_id(ProductsPage.CONFIRMATION)).to_have_count(0)
    assert portal.state(tenant).charges == ()


def options_for_non_owner(page: Page) -> None:
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_test_id(SettlePanel.OPTION.format("change-expiry"))).to_have_count(0)
    expect(dialog.get_by_test_id(SettlePanel.NEW_EXPIRY)).to_have_count(0)
    expect(dialog.get_by_test_id(SettlePanel.OPTION.format("other-card"))).to_be_enabled()
    expect(dialog.get_by_test_id(SettlePanel.OPTION.format("new-card"))).to_be_enabled()
