"""Given steps: the tenant's billing situation, its saved cards, and who signs in."""

from __future__ import annotations

from typing import Any

from pytest_bdd import given

from core.portal_client import PortalClient, TenantHandle
from core.scenario_data import ADMIN_NAME
from pages.admin_center import AdminCenter
from steps.grammar import phrase

YES = {"yes": True, "no": False}


@given(
    phrase("a tenant whose subscription has a past-due balance of {amount:Text} {currency:Text}"),
    target_fixture="tenant_setup",
)
def past_due_balance(amount: str, currency: str) -> dict[str, Any]:
    return {"balance": {"amount": amount, "currency": currency}}


@given("these credit cards are saved for the tenant:")
def saved_cards(tenant_setup: dict[str, Any], datatable: list[list[str]]) -> None:
    header, *rows = datatable
    columns = [name.strip() for name in header]
    cards = []
    for row in rows:
        values = dict(zip(columns, (cell.strip() for cell in row), strict=True))
        cards.append(
            {
                "number": values["number"],
                "expires": values["expires"],
                "holder": values["holder"],
                "on_file": YES[values["on file"]],
            }
        )
    tenant_setup["cards"] = cards


@given(
    phrase("I am signed in as an admin who {who} the card on file"),
    target_fixture="tenant",
)
def signed_in_admin(
    who: str,
    tenant_setup: dict[str, Any],
    # The browser before the portal: while Playwright's driver starts, the portal's modules
    # are imported in the background (fixtures.portal), so the two starts overlap.
    admin_center: AdminCenter,
    portal: PortalClient,
    tenants: list[TenantHandle],
    ui_release: str,
) -> TenantHandle:
    if who not in ("owns", "does not own"):
        raise ValueError(f"unknown admin: {who!r}")
    return sign_in(admin_center, portal, tenants, tenant_setup, who == "owns", ui_release)


@given("I am signed in as an admin who added the declined payment method", target_fixture="tenant")
def signed_in_owner_of_declined_method(
    tenant_setup: dict[str, Any],
    admin_center: AdminCenter,
    portal: PortalClient,
    tenants: list[TenantHandle],
    ui_release: str,
) -> TenantHandle:
    return sign_in(admin_center, portal, tenants, tenant_setup, True, ui_release)


def sign_in(
    admin_center: AdminCenter,
    portal: PortalClient,
    tenants: list[TenantHandle],
    tenant_setup: dict[str, Any],
    owns_card: bool,
    release: str,
) -> TenantHandle:
    """Create the scenario's tenant in the UI release it runs against and sign in."""
    admin = {"name": ADMIN_NAME, "owns_card": owns_card}
    tenant = portal.create_tenant({**tenant_setup, "admin": admin, "release": release})
    tenants.append(tenant)
    admin_center.sign_in(tenant.signin_url)
    return tenant
