"""The mock Microsoft 365 admin center: a Flask app with localized pages and a tenant API.

Pages (served in the locale negotiated from ``?lang=`` or Accept-Language):
  /signin?token=…                 redeems a one-time sign-in link for a session cookie
  /                               home
  /billing/products               "Your products"; ``?settle=<id>`` opens the settle panel
  POST /billing/products/<id>/settle   validates the payment method and charges once (CSRF token)
  /section/<name>                 the other navigation entries (real pages, not in the flow)
API (JSON, for test setup and outcome checks):
  POST /api/tenants               create a tenant from a setup; returns id, API token and a
                                  sign-in path (needs the portal's API key when one is set)
  GET/DELETE /api/tenants/<id>    read back (balance, charges, cards) / remove; Bearer API token
  POST /api/tenants/<id>/signin-links   another one-time sign-in path; Bearer API token
  GET /api/health                 liveness and the portal version

Security model: the API token, the one-time sign-in link and the browser's session cookie are
three different secrets; the session cookie is HttpOnly and SameSite=Strict; every form that
changes state carries a CSRF token derived from the session; only allow-listed Host names are
served, and redirects are relative.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import subprocess
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency
from flask import (
    Flask,
    Response,
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from markupsafe import Markup
from werkzeug.datastructures import LanguageAccept
from werkzeug.exceptions import HTTPException
from werkzeug.http import parse_accept_header

from mock_portal import payments
from mock_portal.i18n import (
    N_,
    PSEUDO_LOCALES,
    Catalogs,
    Translator,
    translations_dir,
)
from mock_portal.i18n import babel_locale as locale_data
from mock_portal.security import allowed_host_names, digest, host_name, json_too_deep
from mock_portal.store import (
    LinkSpent,
    Payment,
    SettleError,
    SetupError,
    Tenant,
    TenantGone,
    TenantStore,
    TooManyLinks,
    parse_setup,
)

SESSION_COOKIE = "m365_session"
LANG_COOKIE = "m365_lang"
CSRF_FIELD = "csrf_token"
HELP_URL = (
    "https://docs.microsoft.com/microsoft-365/commerce/billing-and-payments/"
    "pay-for-your-subscription?view=o365-worldwide"
)
MAX_FIELD = 200
MAX_BODY = 64 * 1024
# Deeper JSON than any tenant setup needs; checked before parsing (the parser recurses).
MAX_JSON_DEPTH = 32
# Browsers send a handful of languages; a 60 KB header must not cost a parse per request.
MAX_ACCEPT_LANGUAGE = 512
MAX_LANGUAGE_PREFERENCES = 10
# Where a browser request comes from (Fetch Metadata). A sign-in started by another site is
# login CSRF: the victim would end up in the attacker's tenant.
SIGNIN_FETCH_SITES = {"none", "same-origin"}

# The left navigation: (endpoint key, English label). Billing is a group.
NAV_TOP = [("home", N_("Home")), ("users", N_("Users")), ("teams", N_("Teams & groups"))]
NAV_BILLING = [
    ("products", N_("Your products")),
    ("licenses", N_("Licenses")),
    ("bills", N_("Bills & payments")),
    ("payment-methods", N_("Payment methods")),
]
NAV_BOTTOM = [("settings", N_("Settings"))]
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


def portal_version() -> str:
    """The git commit of the portal, for reports; 'unknown' outside a checkout."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=Path(__file__).parent,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def create_app(
    translations: str | os.PathLike | None = None,
    store: TenantStore | None = None,
    *,
    api_key: str | None = None,
    allowed_hosts: Iterable[str] = (),
) -> Flask:
    """Build the portal app with its catalogs and an (empty) tenant store.

    ``api_key``: when set, creating a tenant needs ``Authorization: Bearer <api_key>`` (the
    server sets one whenever it listens beyond loopback). ``allowed_hosts``: Host names served
    besides the loopback ones (the server adds the address it binds).
    """
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    # Static assets are immutable per run: no revalidation round trip on every page.
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
    app.extensions["catalogs"] = Catalogs(translations_dir(translations))
    app.extensions["store"] = store or TenantStore()
    app.extensions["version"] = portal_version()
    app.extensions["api_key_digest"] = digest(api_key) if api_key else None
    app.extensions["allowed_hosts"] = allowed_host_names(allowed_hosts)
    # Signs CSRF tokens; per process, so a restart ends every form (and every session anyway).
    app.extensions["csrf_key"] = secrets.token_bytes(32)
    register(app)
    return app


def allow_host(app: Flask, host: str) -> None:
    """Serve ``host`` too (the server calls this with the address it binds)."""
    app.extensions["allowed_hosts"] = app.extensions["allowed_hosts"] | allowed_host_names([host])


def catalogs() -> Catalogs:
    return current_app.extensions["catalogs"]


def store() -> TenantStore:
    return current_app.extensions["store"]


def register(app: Flask) -> None:
    app.before_request(check_host)
    app.before_request(choose_locale)
    app.after_request(remember_lang)
    app.after_request(relative_location)
    app.after_request(security_headers)
    app.context_processor(template_globals)
    app.register_error_handler(HTTPException, http_error)
    routes: list[tuple[str, Callable[..., ResponseReturnValue], list[str]]] = [
        ("/signin", signin, ["GET"]),
        ("/", home, ["GET"]),
        ("/billing/products", products, ["GET"]),
        ("/billing/products/<subscription_id>/settle", settle, ["POST"]),
        ("/section/<name>", section, ["GET"]),
        ("/api/health", api_health, ["GET"]),
        ("/api/tenants", api_create_tenant, ["POST"]),
        ("/api/tenants/<tenant_id>", api_tenant, ["GET", "DELETE"]),
        ("/api/tenants/<tenant_id>/signin-links", api_signin_link, ["POST"]),
    ]
    for rule, view, methods in routes:
        app.add_url_rule(rule, view.__name__, view, methods=methods)


# --- every request -----------------------------------------------------------------------------


def check_host() -> Response | None:
    """Refuse a Host header that is not allow-listed (DNS rebinding, Host injection)."""
    if host_name(request.host) not in current_app.extensions["allowed_hosts"]:
        return Response("400 Bad Request: unknown Host\n", 400, mimetype="text/plain")
    return None


def relative_location(response: Response) -> Response:
    """Redirect to a path, never to a scheme and host taken from the request."""
    location = response.headers.get("Location")
    if location:
        parts = urlsplit(location)
        # A path starting with // would be read as another host: keep one slash.
        path = "/" + parts.path.lstrip("/")
        response.headers["Location"] = urlunsplit(("", "", path, parts.query, parts.fragment))
    return response


def security_headers(response: Response) -> Response:
    """What a real admin center sends: no framing, no sniffing, no secrets in caches."""
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.path.startswith(("/api/", "/signin")):
        response.headers["Cache-Control"] = "no-store"
    return response


# --- locale ------------------------------------------------------------------------------------


def language_preferences() -> list[str]:
    """The first few Accept-Language tags, from a bounded prefix of the header."""
    header = request.headers.get("Accept-Language", "")[:MAX_ACCEPT_LANGUAGE]
    accepted = parse_accept_header(header, LanguageAccept)
    return [tag for tag, _quality in accepted][:MAX_LANGUAGE_PREFERENCES]


def choose_locale() -> None:
    override = request.args.get("lang") or request.cookies.get(LANG_COOKIE)
    g.negotiated = catalogs().negotiate(language_preferences(), override)
    g.locale = g.negotiated.locale
    g._ = Translator(catalogs(), g.locale)


def remember_lang(response: Response) -> Response:
    lang = request.args.get("lang")
    if lang and len(lang) <= 35:
        response.set_cookie(LANG_COOKIE, lang, samesite="Lax", httponly=True)
    return response


def babel_locale() -> Locale:
    return locale_data(g.locale)


def text_direction(locale: Locale) -> str:
    """'rtl' for a right-to-left script (Arabic, Hebrew, Persian, …) per CLDR, else 'ltr'."""
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def money(amount: Decimal, currency: str) -> str:
    return format_currency(amount, currency, locale=babel_locale())


def long_date(day: dt.date) -> str:
    return format_date(day, format="long", locale=babel_locale())


def template_globals() -> dict:
    return {
        "_": g._,
        "locale": g.locale,
        "negotiated": g.negotiated,
        "text_direction": PSEUDO_LOCALES.get(g.locale) or text_direction(babel_locale()),
        "csrf_token": g.get("csrf_token", ""),
        "nav_top": NAV_TOP,
        "nav_billing": NAV_BILLING,
        "nav_bottom": NAV_BOTTOM,
        "money": money,
        "long_date": long_date,
    }


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


# --- API ---------------------------------------------------------------------------------------


def api_health() -> ResponseReturnValue:
    return jsonify(status="ok", version=current_version(), locales=catalogs().locales)


def current_version() -> str:
    return current_app.extensions["version"]


def bearer() -> str | None:
    """The Bearer credential of the request, if any."""
    auth = request.headers.get("Authorization", "")
    return auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None


def may_create_tenants() -> bool:
    """True without an API key configured (loopback), else only with that key."""
    expected = current_app.extensions["api_key_digest"]
    if expected is None:
        return True
    given = bearer()
    return given is not None and hmac.compare_digest(digest(given), expected)


def json_body() -> object | None:
    """The request's JSON (None if it is not JSON); 400 when nested too deep to parse safely."""
    if json_too_deep(request.get_data(cache=True), MAX_JSON_DEPTH):
        abort(400, description=f"body: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return request.get_json(silent=True)


def signin_path(signin_token: str) -> str:
    return url_for("signin", token=signin_token)


def api_create_tenant() -> ResponseReturnValue:
    if not may_create_tenants():
        return jsonify(error="Authorization: expected 'Bearer <portal API key>'"), 401
    data = json_body()
    if data is None:
        return jsonify(error="body: expected a JSON object (Content-Type: application/json)"), 400
    try:
        created = store().create(parse_setup(data))
    except SetupError as error:
        return jsonify(error=str(error)), 400
    body = {
        "id": created.tenant_id,
        "token": created.api_token,
        "signin_path": signin_path(created.signin_token),
    }
    return jsonify(body), 201


def authorize(tenant_id: str) -> tuple[Response, int] | None:
    """An error response unless the Bearer API token belongs to ``tenant_id``."""
    if not store().exists(tenant_id):
        return jsonify(error=f"tenant {tenant_id!r} does not exist"), 404
    token = bearer()
    if token is None:
        return jsonify(error="Authorization: expected 'Bearer <tenant API token>'"), 401
    if store().api_tenant(token) != tenant_id:
        return jsonify(error="this token does not belong to that tenant"), 403
    return None


def api_tenant(tenant_id: str) -> ResponseReturnValue:
    refused = authorize(tenant_id)
    if refused:
        return refused
    if request.method == "DELETE":
        store().delete(tenant_id)
        return "", 204
    snapshot = store().snapshot(tenant_id)
    if snapshot is None:  # deleted between the check and the read
        return jsonify(error=f"tenant {tenant_id!r} does not exist"), 404
    return jsonify(snapshot)


def api_signin_link(tenant_id: str) -> ResponseReturnValue:
    refused = authorize(tenant_id)
    if refused:
        return refused
    try:
        token = store().issue_signin_link(tenant_id)
    except TenantGone:
        return jsonify(error=f"tenant {tenant_id!r} does not exist"), 404
    except TooManyLinks:
        return jsonify(error="too many unused sign-in links for this tenant"), 429
    return jsonify(signin_path=signin_path(token)), 201
