"""Release 2022's settle flow: the Bills & payments page and its settle POST.

The page has two tabs, Invoices and Payment methods (``?tab=``; the browser switches them
without a round trip). The Payment methods tab lists the saved cards and, while a subscription
is past due, warns which payment method was declined, with **Settle balance**; that opens the
right pane (``?settle=<subscription id>``): choose one of the saved cards (the card on file
only to change its expiry, and only for its owner) or **Add a new payment method**, then
**Save**. The POST charges exactly once through ``mock_portal.views.settle_subscription``, like
release 2021's panel; the chosen card becomes the card on file.
"""

from __future__ import annotations

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue

from mock_portal.i18n import N_
from mock_portal.releases import require_settle_page
from mock_portal.tenants import Subscription, Tenant
from mock_portal.views import (
    FIELD_LABELS,
    check_csrf,
    help_link,
    past_due_subscription,
    payment_errors,
    settle_subscription,
    signed_in_tenant,
    submitted_fields,
)

PAGE = "bills"
TABS = [("invoices", N_("Invoices")), ("payment-methods", N_("Payment methods"))]
DEFAULT_TAB = "invoices"
PAYMENT_METHODS_TAB = "payment-methods"
# The ``method`` value of the "Add a new payment method" form (card ids are hex).
NEW_METHOD = "new"


def bills() -> ResponseReturnValue:
    tenant = signed_in_tenant()
    require_settle_page(tenant.release, PAGE)
    settling = past_due_subscription(tenant, request.args.get("settle", ""))
    settled = tenant.subscription(request.args.get("settled", ""))
    return render_bills(tenant, settling=settling, settled=settled)


def chosen_tab(settling: Subscription | None) -> str:
    """The tab to show: the settle pane belongs to Payment methods; else ``?tab=``."""
    if settling is not None:
        return PAYMENT_METHODS_TAB
    tab = request.args.get("tab", DEFAULT_TAB)
    return tab if tab in dict(TABS) else DEFAULT_TAB


def render_bills(
    tenant: Tenant,
    *,
    settling: Subscription | None = None,
    settled: Subscription | None = None,
    form: dict | None = None,
    errors: dict[str, str] | None = None,
) -> str:
    # The warning names the card the failed charge went to: the card on file.
    past_due = next((sub for sub in tenant.subscriptions if sub.past_due), None)
    return render_template(
        "bills.html",
        tenant=tenant,
        tabs=TABS,
        tab=chosen_tab(settling),
        past_due=past_due,
        declined=tenant.card(tenant.card_on_file) if past_due else None,
        settling=settling,
        settled=settled,
        form=form or {},
        errors=errors or {},
        field_labels=FIELD_LABELS,
        help_link=help_link(),
        new_method=NEW_METHOD,
        active=PAGE,
    )


def read_pane_form(tenant: Tenant) -> tuple[dict, dict[str, str]]:
    """The submitted right pane as the payment form both releases validate.

    ``method`` is a saved card's id or ``new``; exactly one must be sent (the new-card fields
    are disabled while a saved card is chosen). The card on file means "update its expiry".
    """
    form = submitted_fields()
    methods = request.form.getlist("method")
    method = methods[0][:64] if len(methods) == 1 else ""
    form["method"] = method
    form["choice"], form["other_card"] = choice_of(tenant, method)
    return form, payment_errors(tenant, form)


def choice_of(tenant: Tenant, method: str) -> tuple[str, str]:
    """(choice, other card id) of the payment form for a pane's ``method``."""
    if method == NEW_METHOD:
        return "new", ""
    if method and method == tenant.card_on_file:
        return "expiry", ""
    if method:
        return "other", method
    return "", ""


def settle_bill(subscription_id: str) -> ResponseReturnValue:
    tenant = signed_in_tenant()
    check_csrf()
    require_settle_page(tenant.release, PAGE)
    return settle_subscription(
        tenant,
        subscription_id,
        read_pane_form,
        rerender=lambda current, settling, form, errors: render_bills(
            current, settling=settling, form=form, errors=errors
        ),
        done=lambda settled: url_for(PAGE, tab=PAYMENT_METHODS_TAB, settled=settled),
    )
