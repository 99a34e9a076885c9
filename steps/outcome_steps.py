"""Outcome steps: what the UI shows after Save or Cancel, and what the portal recorded."""

from __future__ import annotations

from functools import cache

from playwright.sync_api import expect
from pytest_bdd import then

from fixtures.portal import PortalClient, TenantHandle
from mock_portal import payments
from mock_portal.i18n import Catalogs, translations_dir
from pages.products_page import ProductsPage
from pages.settle_panel import SettlePanel
from steps.grammar import step

# The portal field whose error each refusal is about, and the portal's English message.
REFUSALS = {
    "card number": ("number", payments.ERROR_CARD_NUMBER),
    "expiration date": ("new_expiry", payments.ERROR_EXPIRY_PAST),
}


@cache
def portal_catalogs() -> Catalogs:
    """The portal's own catalogs: the expected wording of its (non-article) messages."""
    return Catalogs(translations_dir())


@then("the outstanding balance is settled and a confirmation is shown")
def balance_settled(
    products_page: ProductsPage, portal: PortalClient, tenant: TenantHandle
) -> None:
    products_page.expect_settled()
    assert portal.state(tenant)["balance"]["amount"] == "0.00"


@then(
    **step(
        "exactly one charge of {amount} {currency} was made to the card ending in {last4}",
        "amount",
        "currency",
        "last4",
    )
)
def one_charge(
    portal: PortalClient, tenant: TenantHandle, amount: str, currency: str, last4: str
) -> None:
    charges = [
        (charge["amount"], charge["currency"], charge["card"])
        for charge in portal.state(tenant)["charges"]
    ]
    assert charges == [(amount, currency, last4)], f"charges recorded by the portal: {charges}"


@then(**step("the card ending in {last4} expires {expiry}", "last4", "expiry"))
def card_expires(portal: PortalClient, tenant: TenantHandle, last4: str, expiry: str) -> None:
    cards = {card["last4"]: card for card in portal.state(tenant)["cards"]}
    assert last4 in cards, f"no saved card ends in {last4}: {sorted(cards)}"
    assert cards[last4]["expires"] == expiry
    assert cards[last4]["on_file"], f"the card ending in {last4} is no longer the card on file"


@then(
    **step(
        "the payment is refused with an error about the (?P<subject>card number|expiration date)"
    )
)
def payment_refused(settle_panel: SettlePanel, feature_locale: str, subject: str) -> None:
    field, message = REFUSALS[subject]
    expect(settle_panel.dialog.get_by_role("alert")).to_be_visible()
    expected = portal_catalogs().gettext(feature_locale, message)
    expect(settle_panel.field_error(field)).to_have_text(expected)


@then("the balance is still outstanding and nothing was charged")
def still_outstanding(
    products_page: ProductsPage, portal: PortalClient, tenant: TenantHandle, tenant_setup: dict
) -> None:
    products_page.expect_outstanding()
    state = portal.state(tenant)
    assert state["charges"] == [], f"unexpected charges: {state['charges']}"
    assert state["balance"]["amount"] == tenant_setup["balance"]["amount"]
