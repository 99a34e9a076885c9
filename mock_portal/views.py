"""The portal's pages: sign-in, the session and its CSRF token, home, "Your products" with its
settle form, the other navigation sections and the error page. Every page but the sign-in
needs a live session; a form that changes state needs the session's CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import abort, current_app, g, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from mock_portal import payments
from mock_portal.context import store
from mock_portal.i18n import N_
from mock_portal.localization import NAV_BILLING, NAV_BOTTOM, NAV_TOP
from mock_portal.store import LinkSpent, Payment, SettleError, Tenant, TenantGone

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
    settle_id = request.args.get("settle")
    settling = tenant.subscription(settle_id) if settle_id else None
    if settle_id and (settling is None or not settling.past_due):
        settling = None
    settled = tenant.subscription(request.args.get("settled", ""))
    return render_products(tenant, settling=settling, settled=settled)


def render_products(tenant: Tenant, *, settling=None, settled=None, form=None, errors=None):
    return render_template(
        "products.html",
        tenant=tenant,
        settling=settling,
        settled=settled,
        form=form or {},
        errors=errors or {},
        field_labels=FIELD_LABELS,
        help_link=Markup('<a href="{}">{}</a>').format(HELP_URL, g._("Pay for your subscription")),
        active="products",
    )


def read_payment_form(tenant: Tenant) -> tuple[dict, dict[str, str]]:
    """The submitted form (kept for re-display) and the English error per field.

    Only checks that do not depend on state another request can change: which card is on
    file is checked by the store, under its lock, together with the charge.
    """
    form = {key: request.form.get(key, "")[:MAX_FIELD] for key in FIELD_LABELS}
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
    return form, {key: message for key, message in errors.items() if message}


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
    subscription = tenant.subscription(subscription_id)
    if subscription is None:
        abort(404)
    if not subscription.past_due:
        # A second Save after the first one settled: nothing more to charge.
        return redirect(url_for("products", settled=subscription.id), code=303)
    form, errors = read_payment_form(tenant)
    if not errors:
        errors = charge(tenant, subscription.id, form)
    if errors:
        current = store().view(tenant.id)
        if current is None:
            abort(401)
        settling = current.subscription(subscription.id)
        page = render_products(current, settling=settling, form=form, errors=errors)
        return page, 422
    return redirect(url_for("products", settled=subscription.id), code=303)


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
