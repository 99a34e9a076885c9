"""The 2022 section's steps: Billing > Bills & payments, the Payment methods tab, the warning
and its Settle balance, the right pane's payment methods, Add a new payment method, Save.

Oracles come from the scenario's data and the portal's tenant state (over HTTP), never from
the portal's catalogs; labels come from the feature (the article)."""

from __future__ import annotations

from typing import Any

from pytest_bdd import then, when

from core.portal_client import PortalClient, TenantHandle
from core.pseudo import formatted_amount
from pages.admin_center import AdminCenter
from pages.bills_page import BillsPage
from pages.right_pane import RightPane
from steps.grammar import phrase


@when(phrase("I go to the {group:Text} > {entry:Text} page"))
def go_to_bills(admin_center: AdminCenter, group: str, entry: str) -> None:
    admin_center.go_to_bills(group, entry)


@when(phrase("I select the {tab:Text} tab"))
def select_tab(bills_page: BillsPage, tab: str) -> None:
    bills_page.select_tab(tab)


@then("a warning says which payment method was declined")
def declined_warning(bills_page: BillsPage, portal: PortalClient, tenant: TenantHandle) -> None:
    bills_page.expect_declined_warning(portal.state(tenant).card_on_file.last4)


@when(phrase("I select {action:Text} in the warning"))
def settle_from_warning(bills_page: BillsPage, action: str) -> None:
    bills_page.settle(action)


@then("the right pane shows the amount due and the payment methods")
def pane_shows_summary(
    right_pane: RightPane, portal: PortalClient, tenant: TenantHandle, feature_locale: str
) -> None:
    state = portal.state(tenant)
    right_pane.expect_open()
    right_pane.expect_summary(
        formatted_amount(state.balance, state.currency, feature_locale), state.card_on_file.last4
    )
    right_pane.expect_methods(len(state.cards))


@when(phrase("I choose the other payment method, ending in {last4:Text}"))
def choose_other_method(right_pane: RightPane, last4: str) -> None:
    right_pane.choose_saved(last4)


@when(phrase("I select {label:Text}"))
def add_new_method(right_pane: RightPane, label: str) -> None:
    right_pane.add_new_method(label)


@when(
    phrase(
        "I enter the card {number:Text} expiring {expiry:Text} held by {holder:Text} "
        "with security code {cvv:Text}"
    )
)
def enter_card(right_pane: RightPane, number: str, expiry: str, holder: str, cvv: str) -> None:
    right_pane.fill_new_card(number, expiry, holder, cvv)


@when(phrase("I select {label:Text} in the pane"))
def save_in_pane(right_pane: RightPane, label: str) -> None:
    right_pane.save(label)


@when("I cancel the right pane")
def cancel_pane(right_pane: RightPane) -> None:
    right_pane.cancel()


@then("the warning is gone and the payment method is shown as the one on file")
def settled_on_bills(bills_page: BillsPage, portal: PortalClient, tenant: TenantHandle) -> None:
    state = portal.state(tenant)
    assert state.balance == "0.00", f"balance still {state.balance}"
    bills_page.expect_settled(state.card_on_file.last4)


@then("the warning still shows the declined payment method and nothing was charged")
def still_declined(
    bills_page: BillsPage,
    portal: PortalClient,
    tenant: TenantHandle,
    tenant_setup: dict[str, Any],
) -> None:
    bills_page.expect_outstanding()
    state = portal.state(tenant)
    assert state.charges == (), f"unexpected charges: {state.charges}"
    assert state.balance == tenant_setup["balance"]["amount"]
