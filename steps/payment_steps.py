"""Article steps 3 to 5 and Cancel: the settle panel's payment options and Save."""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency
from playwright.sync_api import expect
from pytest_bdd import then, when

from fixtures.portal import PortalClient, TenantHandle
from pages.settle_panel import SettlePanel
from steps.grammar import step


def formatted_amount(amount: str, currency: str, locale: str) -> str:
    """An amount as the locale writes it (CLDR data via Babel, the same as the portal's)."""
    return format_currency(Decimal(amount), currency, locale=Locale.parse(locale, sep="-"))


@then("the settle balance panel shows the amount due and the card on file")
def panel_shows_summary(
    settle_panel: SettlePanel, portal: PortalClient, tenant: TenantHandle, feature_locale: str
) -> None:
    state = portal.state(tenant)
    on_file = next(card for card in state["cards"] if card["on_file"])
    settle_panel.expect_open()
    balance = state["balance"]
    amount = formatted_amount(balance["amount"], balance["currency"], feature_locale)
    settle_panel.expect_summary(amount, on_file["last4"])


@when(**step("I change the expiration date of the card on file to {expiry}", "expiry"))
def change_expiry(settle_panel: SettlePanel, expiry: str) -> None:
    settle_panel.change_expiry(expiry)


@when(**step("I pick the other card, ending in {last4}", "last4"))
def pick_other_card(settle_panel: SettlePanel, last4: str) -> None:
    settle_panel.pick_saved_card(last4)


@when(
    **step(
        "I add a new card {number} expiring {expiry} held by {holder} with security code {cvv}",
        "number",
        "expiry",
        "holder",
        "cvv",
    )
)
def add_new_card(
    settle_panel: SettlePanel, number: str, expiry: str, holder: str, cvv: str
) -> None:
    settle_panel.add_card(number, expiry, holder, cvv)


@when(**step("I click {label} to save", "label"))
def click_save(settle_panel: SettlePanel, label: str) -> None:
    settle_panel.save(label)


@when("I cancel the settle balance panel")
def cancel_panel(settle_panel: SettlePanel) -> None:
    settle_panel.cancel()


@then("I am not offered to change the expiration date")
def expiry_not_offered(settle_panel: SettlePanel) -> None:
    expect(settle_panel.option("change-expiry")).to_have_count(0)
    expect(settle_panel.dialog.get_by_test_id("new-expiry")).to_have_count(0)


@then("I can pick a different card or add a new card")
def other_options_offered(settle_panel: SettlePanel) -> None:
    expect(settle_panel.option("other-card")).to_be_enabled()
    expect(settle_panel.option("new-card")).to_be_enabled()
