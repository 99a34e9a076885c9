"""Article steps 3 to 5 and Cancel: the settle panel's payment options and Save."""

from __future__ import annotations

from pytest_bdd import then, when

from core.portal_client import PortalClient, TenantHandle
from core.pseudo import formatted_amount
from pages.settle_panel import SettlePanel
from steps.grammar import phrase


@then("the settle balance panel shows the amount due and the card on file")
def panel_shows_summary(
    settle_panel: SettlePanel, portal: PortalClient, tenant: TenantHandle, feature_locale: str
) -> None:
    state = portal.state(tenant)
    settle_panel.expect_open()
    amount = formatted_amount(state.balance, state.currency, feature_locale)
    settle_panel.expect_summary(amount, state.card_on_file.last4)


@when(phrase("I change the expiration date of the card on file to {expiry:Text}"))
def change_expiry(settle_panel: SettlePanel, expiry: str) -> None:
    settle_panel.change_expiry(expiry)


@when(phrase("I pick the other card, ending in {last4:Text}"))
def pick_other_card(settle_panel: SettlePanel, last4: str) -> None:
    settle_panel.pick_saved_card(last4)


@when(
    phrase(
        "I add a new card {number:Text} expiring {expiry:Text} held by {holder:Text} "
        "with security code {cvv:Text}"
    )
)
def add_new_card(
    settle_panel: SettlePanel, number: str, expiry: str, holder: str, cvv: str
) -> None:
    settle_panel.add_card(number, expiry, holder, cvv)


@when(phrase("I click {label:Text} to save"))
def click_save(settle_panel: SettlePanel, label: str) -> None:
    settle_panel.save(label)


@when("I cancel the settle balance panel")
def cancel_panel(settle_panel: SettlePanel) -> None:
    settle_panel.cancel()


@then("I am not offered to change the expiration date")
def expiry_not_offered(settle_panel: SettlePanel) -> None:
    settle_panel.expect_expiry_not_offered()


@then("I can pick a different card or add a new card")
def other_options_offered(settle_panel: SettlePanel) -> None:
    settle_panel.expect_other_options_offered()
