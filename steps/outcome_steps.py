"""Outcome steps: what the UI shows after Save or Cancel, and what the portal recorded.

Oracles come from outside the portal: the scenario's own data (the feature's parameters),
Babel's locale data, and what a user and assistive tech perceive — never the portal's catalogs.
"""

from __future__ import annotations

from pytest_bdd import then

from core.portal_client import PortalClient, TenantHandle
from pages.products_page import ProductsPage
from pages.settle_panel import SettlePanel
from steps.grammar import phrase


@then("the outstanding balance is settled and a confirmation is shown")
def balance_settled(
    products_page: ProductsPage, portal: PortalClient, tenant: TenantHandle
) -> None:
    products_page.expect_settled()
    assert portal.state(tenant).balance == "0.00"


@then(
    phrase(
        "exactly one charge of {amount:Text} {currency:Text} was made "
        "to the card ending in {last4:Text}"
    )
)
def one_charge(
    portal: PortalClient, tenant: TenantHandle, amount: str, currency: str, last4: str
) -> None:
    charges = [(c.amount, c.currency, c.card) for c in portal.state(tenant).charges]
    assert charges == [(amount, currency, last4)], f"charges recorded: {charges}"


@then(phrase("the card ending in {last4:Text} expires {expiry:Text}"))
def card_expires(portal: PortalClient, tenant: TenantHandle, last4: str, expiry: str) -> None:
    card = portal.state(tenant).card(last4)
    assert card is not None, f"no saved card ends in {last4}"
    assert card.expires == expiry
    assert card.on_file, f"the card ending in {last4} is no longer the card on file"


@then(phrase("the payment is refused with an error about the {subject:Refusal}"))
def payment_refused(settle_panel: SettlePanel, subject: str) -> None:
    settle_panel.expect_refused(subject)


@then("the balance is still outstanding and nothing was charged")
def still_outstanding(
    products_page: ProductsPage, portal: PortalClient, tenant: TenantHandle, tenant_setup: dict
) -> None:
    products_page.expect_outstanding()
    state = portal.state(tenant)
    assert state.charges == (), f"unexpected charges: {state.charges}"
    assert state.balance == tenant_setup["balance"]["amount"]
