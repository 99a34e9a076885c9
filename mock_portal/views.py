"""The portal's pages: sign-in, the session and its CSRF token, home, "Your products" with its
settle form (release 2021), the other navigation sections and the error page. Every page but
the sign-in needs a live session; a form that changes state needs the session's CSRF token.

The settle POST of every release goes through ``settle_subscription`` (validation, one charge
under the store's lock, re-display with errors); release 2022's page is ``mock_portal.bills``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

from flask import abort, current_app, g, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from mock_portal import payments
from mock_portal.context import store
from mock_portal.i18n import N_
from mock_portal.localization import NAV_BILLING, NAV_BOTTOM, NAV_TOP
from mock_portal.releases import require_settle_page, settles_on
from mock_portal.store import LinkSpent, Payment, SettleError, Tenant, TenantGone
from mock_portal.tenants import Subscription

# What a settle POST reads from the form, re-displays on errors and redirects to when done.
FormReader = Callable[[Tenant], tuple[dict, dict[str, str]]]
Rerender = Callable[[Tenant, Subscription | None, dict, dict[str, str]], str]
DoneUrl = Callable[[str], str]

SESSION_COOKIE = "m365_session"
CSRF_FIELD = "csrf_token"
HELP_URL = (
    "https://docs.microsoft.com/microsoft-365/commerce/billing-and-payments/"
    "pay-for-your-subscription?view=o365-worldwide"
)
MAX_FIELD = 200
# Where a browser request comes from (Fetch Metadata). A sign-in started by another site is
# login CSRF: the victim would end up in the attacker's tenant.
SIGNIN_FETCH_SITES = {"none", "same-origin"}

SECTIONS = {key: label for key, label in NAV_TOP + NAV_BILLING + NAV_BOTTOM}
FIELD_LABELS = {
    "new_expiry": N_("New expiration date (MM/YYYY)"),
    "other_card": N_("Pick a different card"),
    "number": N_("Card number"),
    "holder": N_("Name on card"),
    "expires": N_("Expiration date (MM/YYYY)"),
    "cvv": N_("Security code (CVV)"),
    "choice": N_("How do you want to pay?"),
}
LINK_SPENT = N_("This sign-in link has expired or was already used. Ask for a new one.")
FORM_EXPIRED = N_("This page has expired. Go back, reload it and try again.")


class PortalRefusal(HTTPException):
    """An error page with a portal message (a catalog msgid) instead of the generic one."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(description=message)
        self.code = code


# --- sign-in and session ------------------------------------------------------------------------


def csrf_token_for(session_token: str) -> str:
    """The CSRF token of a session: an HMAC of the session token under the app's key.

    The session cookie is HttpOnly and the key never leaves the server, so another origin can
    neither read nor compute it; nothing extra has to be stored per session.
    """
    key = current_app.extensions["csrf_key"]
    return hmac.new(key, session_token.encode(), hashlib.sha256).hexdigest()


def signed_in_tenant() -> Tenant:
    """The signed-in tenant (a copy to render); 401 without a live session."""
    session_token = request.cookies.get(SESSION_COOKIE, "")
    tenant = store().signed_in(session_token) if session_token else None
    if tenant is None:
        abort(401)
    g.csrf_token = csrf_token_for(session_token)
    return tenant


def check_csrf() -> None:
    """403 unless the form carries this session's CSRF token (call after signing in)."""
    sent = request.form.get(CSRF_FIELD, "")
    if not hmac.compare_digest(sent.encode(), g.csrf_token.encode()):
        raise PortalRefusal(403, FORM_EXPIRED)


def signin() -> ResponseReturnValue:
    if request.headers.get("Sec-Fetch-Site", "none") not in SIGNIN_FETCH_SITES:
        abort(403)  # started by another site: never sign a browser in on its behalf
    token = request.args.get("token", "")
    try:
        session_token = store().redeem_signin_link(token) if token else None
    except LinkSpent:
        raise PortalRefusal(403, LINK_SPENT) from None
    if session_token is None:
        abort(403)
    response = redirect(url_for("home"))
    response.set_cookie(SESSION_COOKIE, session_token, httponly=True, samesite="Strict")
    return response


# --- pages -------------------------------------------------------------------------------------


def home() -> ResponseReturnValue:
    tenant = signed_in_tenant()
    past_due = [sub for sub in tenant.subscriptions if sub.past_due]
    return render_template("home.html", tenant=tenant, past_due=past_due, active="home")


def products() -> ResponseReturnValue:
    tenant = signed_in_tenant()
    settling = None
    # The settle panel opens here only in the release whose flow lives here.
    if settles_on(tenant.release, "products"):
        settling = past_due_subscription(tenant, request.args.get("settle", ""))
    settled = tenant.subscription(request.args.get("settled", ""))
    return render_products(tenant, settling=settling, settled=settled)


def past_due_subscription(tenant: Tenant, subscription_id: str) -> Subscription | None:
    """The subscription to settle, if it exists and is past due (a stale link opens nothing)."""
    subscription = tenant.subscription(subscription_id)
    return subscription if subscription is not None and subscription.past_due else None


def render_products(tenant: Tenant, *, settling=None, settled=None, form=None, errors=None):
    return render_template(
        "products.html",
        tenant=tenant,
        settling=settling,
        settled=settled,
        form=form or {},
        errors=errors or {},
        field_labels=FIELD_LABELS,
        help_link=help_link(),
        settles_here=settles_on(tenant.release, "products"),
        active="products",
    )


def help_link() -> Markup:
    return Markup('<a href="{}">{}</a>').format(HELP_URL, g._("Pay for your subscription"))


def submitted_fields() -> dict[str, str]:
    """The payment fields of the submitted form, each cut to a sane length."""
    return {key: request.form.get(key, "")[:MAX_FIELD] for key in FIELD_LABELS}


def read_payment_form(tenant: Tenant) -> tuple[dict, dict[str, str]]:
    """The submitted settle panel (release 2021) and the English error per field."""
    form = submitted_fields()
    return form, payment_errors(tenant, form)


def payment_errors(tenant: Tenant, form: dict) -> dict[str, str]:
    """The English error per field of a payment form (``choice``: expiry, other or new).

    Only checks that do not depend on state another request can change: which card is on
    file is checked by the store, under its lock, together with the charge.
    """
    choice = form["choice"]
    errors: dict[str, str | None] = {}
    if choice == "expiry" and tenant.owns_card:
        errors["new_expiry"] = payments.expiry_error(form["new_expiry"], store().today())
    elif choice == "new":
        errors["number"] = payments.card_number_error(form["number"])
        errors["holder"] = payments.holder_error(form["holder"])
        errors["expires"] = payments.expiry_error(form["expires"], store().today())
        errors["cvv"] = payments.cvv_error(form["cvv"])
    elif choice not in ("expiry", "other"):
        errors["choice"] = N_("Choose how you want to pay.")
    return {key: message for key, message in errors.items() if message}


def payment_of(form: dict) -> Payment:
    return Payment(
        choice=form["choice"],
        new_expiry=form["new_expiry"],
        other_card=form["other_card"],
        number=form["number"],
        holder=form["holder"],
        expires=form["expires"],
    )


def charge(tenant: Tenant, subscription_id: str, form: dict) -> dict[str, str]:
    """Settle through the store; the errors it found under its lock, by field."""
    try:
        store().settle(tenant.id, subscription_id, payment_of(form))
    except SettleError as error:
        return {error.field: str(error)}
    except TenantGone:
        abort(401)  # deleted meanwhile: its sessions ended with it
    return {}


def settle(subscription_id: str) -> ResponseReturnValue:
    tenant = signed_in_tenant()
    check_csrf()
    require_settle_page(tenant.release, "products")
    return settle_subscription(
        tenant,
        subscription_id,
        read_payment_form,
        rerender=lambda current, settling, form, errors: render_products(
            current, settling=settling, form=form, errors=errors
        ),
        done=lambda settled: url_for("products", settled=settled),
    )


def settle_subscription(
    tenant: Tenant,
    subscription_id: str,
    read_form: FormReader,
    *,
    rerender: Rerender,
    done: DoneUrl,
) -> ResponseReturnValue:
    """The settle POST of any release (after its sign-in and CSRF checks): validate the form,
    charge once, and redirect to ``done(subscription id)``, or re-display it with errors (422).
    """
    subscription = tenant.subscription(subscription_id)
    if subscription is None:
        abort(404)
    if not subscription.past_due:
        # A second Save after the first one settled: nothing more to charge.
        return redirect(done(subscription.id), code=303)
    form, errors = read_form(tenant)
    if not errors:
        errors = charge(tenant, subscription.id, form)
    if errors:
        current = store().view(tenant.id)
        if current is None:
            abort(401)
        return rerender(current, current.subscription(subscription.id), form, errors), 422
    return redirect(done(subscription.id), code=303)


def section(name: str) -> ResponseReturnValue:
    tenant = signed_in_tenant()
    if name not in SECTIONS:
        abort(404)
    return render_template("section.html", tenant=tenant, title=SECTIONS[name], active=name)


def http_error(error: HTTPException) -> ResponseReturnValue:
    # Flask returns an exception without a code (a routing redirect) as is, never calling this.
    assert error.code is not None
    if request.path.startswith("/api/"):
        return jsonify(error=error.name, detail=error.description), error.code
    messages = {
        401: N_("You're signed out. Use the sign-in link for your organization."),
        403: N_("This sign-in link isn't valid."),
        404: N_("We couldn't find that page."),
    }
    if isinstance(error, PortalRefusal):
        message = error.description
    else:
        message = messages.get(error.code, N_("Something went wrong. Try again later."))
    return render_template("error.html", message=message, code=error.code), error.code
