"""The mock Microsoft 365 admin center: a Flask app with localized pages and a tenant API.

Pages (served in the locale negotiated from ``?lang=`` or Accept-Language):
  /signin?token=…                 signs the browser in to a tenant (cookie)
  /                               home
  /billing/products               "Your products"; ``?settle=<id>`` opens the settle panel
  POST /billing/products/<id>/settle   validates the payment method and charges once
  /section/<name>                 the other navigation entries (real pages, not in the flow)
API (JSON, for test setup and outcome checks):
  POST /api/tenants               create a tenant from a setup; returns id, token, sign-in path
  GET/DELETE /api/tenants/<id>    read back (balance, charges, cards) / remove; Bearer token
  GET /api/health                 liveness and the portal version
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from decimal import Decimal
from pathlib import Path

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
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from mock_portal import payments
from mock_portal.i18n import N_, Catalogs, Translator, translations_dir
from mock_portal.store import Payment, SettleError, SetupError, Tenant, TenantStore, parse_setup

SESSION_COOKIE = "m365_session"
LANG_COOKIE = "m365_lang"
HELP_URL = (
    "https://docs.microsoft.com/microsoft-365/commerce/billing-and-payments/"
    "pay-for-your-subscription?view=o365-worldwide"
)
MAX_FIELD = 200
RTL_LANGUAGES = {"ar", "he", "fa", "ur"}

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


def create_app(translations: str | os.PathLike | None = None, store: TenantStore | None = None):
    """Build the portal app with its catalogs and an (empty) tenant store."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    # Static assets are immutable per run: no revalidation round trip on every page.
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
    app.extensions["catalogs"] = Catalogs(translations_dir(translations))
    app.extensions["store"] = store or TenantStore()
    app.extensions["version"] = portal_version()
    register(app)
    return app


def catalogs() -> Catalogs:
    return current_app.extensions["catalogs"]


def store() -> TenantStore:
    return current_app.extensions["store"]


def register(app: Flask) -> None:
    app.before_request(choose_locale)
    app.after_request(remember_lang)
    app.context_processor(template_globals)
    app.register_error_handler(HTTPException, http_error)
    for rule, view, methods in [
        ("/signin", signin, ["GET"]),
        ("/", home, ["GET"]),
        ("/billing/products", products, ["GET"]),
        ("/billing/products/<subscription_id>/settle", settle, ["POST"]),
        ("/section/<name>", section, ["GET"]),
        ("/api/health", api_health, ["GET"]),
        ("/api/tenants", api_create_tenant, ["POST"]),
        ("/api/tenants/<tenant_id>", api_tenant, ["GET", "DELETE"]),
    ]:
        app.add_url_rule(rule, view.__name__, view, methods=methods)


# --- locale ------------------------------------------------------------------------------------


def choose_locale() -> None:
    override = request.args.get("lang") or request.cookies.get(LANG_COOKIE)
    preferences = [tag for tag, _quality in request.accept_languages]
    g.negotiated = catalogs().negotiate(preferences, override)
    g.locale = g.negotiated.locale
    g._ = Translator(catalogs(), g.locale)


def remember_lang(response: Response) -> Response:
    lang = request.args.get("lang")
    if lang and len(lang) <= 35:
        response.set_cookie(LANG_COOKIE, lang, samesite="Lax", httponly=True)
    return response


def babel_locale() -> Locale:
    return Locale.parse(g.locale, sep="-")


def money(amount: Decimal, currency: str) -> str:
    return format_currency(amount, currency, locale=babel_locale())


def long_date(day: dt.date) -> str:
    return format_date(day, format="long", locale=babel_locale())


def template_globals() -> dict:
    language = g.locale.split("-")[0]
    return {
        "_": g._,
        "locale": g.locale,
        "negotiated": g.negotiated,
        "text_direction": "rtl" if language in RTL_LANGUAGES else "ltr",
        "nav_top": NAV_TOP,
        "nav_billing": NAV_BILLING,
        "nav_bottom": NAV_BOTTOM,
        "money": money,
        "long_date": long_date,
    }


# --- pages -------------------------------------------------------------------------------------


def signed_in_tenant() -> Tenant:
    token = request.cookies.get(SESSION_COOKIE, "")
    tenant = store().by_token(token) if token else None
    if tenant is None:
        abort(401)
    return tenant


def signin():
    token = request.args.get("token", "")
    tenant = store().by_token(token) if token else None
    if tenant is None:
        abort(403)
    response = redirect(url_for("home"))
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="Lax")
    return response


def home():
    tenant = signed_in_tenant()
    past_due = [sub for sub in tenant.subscriptions if sub.past_due]
    return render_template("home.html", tenant=tenant, past_due=past_due, active="home")


def products():
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
    """The submitted form (kept for re-display) and the English error per field."""
    form = {key: request.form.get(key, "")[:MAX_FIELD] for key in FIELD_LABELS}
    choice = form["choice"]
    errors: dict[str, str | None] = {}
    if choice == "expiry" and tenant.owns_card:
        errors["new_expiry"] = payments.expiry_error(form["new_expiry"], store().today())
    elif choice == "other":
        card = tenant.card(form["other_card"])
        if card is None or card.id == tenant.card_on_file:
            errors["other_card"] = N_("Choose one of your saved cards.")
    elif choice == "new":
        errors["number"] = payments.card_number_error(form["number"])
        errors["holder"] = payments.holder_error(form["holder"])
        errors["expires"] = payments.expiry_error(form["expires"], store().today())
        errors["cvv"] = payments.cvv_error(form["cvv"])
    else:
        errors["choice"] = N_("Choose how you want to pay.")
    return form, {key: message for key, message in errors.items() if message}


def settle(subscription_id: str):
    tenant = signed_in_tenant()
    subscription = tenant.subscription(subscription_id)
    if subscription is None:
        abort(404)
    if not subscription.past_due:
        # A second Save after the first one settled: nothing more to charge.
        return redirect(url_for("products", settled=subscription.id), code=303)
    form, errors = read_payment_form(tenant)
    if not errors:
        payment = Payment(
            choice=form["choice"],
            new_expiry=form["new_expiry"],
            other_card=form["other_card"],
            number=form["number"],
            holder=form["holder"],
            expires=form["expires"],
        )
        try:
            store().settle(tenant.id, subscription.id, payment)
        except SettleError as error:
            errors = {"choice": str(error)}
    if errors:
        page = render_products(tenant, settling=subscription, form=form, errors=errors)
        return page, 422
    return redirect(url_for("products", settled=subscription.id), code=303)


def section(name: str):
    tenant = signed_in_tenant()
    if name not in SECTIONS:
        abort(404)
    return render_template("section.html", tenant=tenant, title=SECTIONS[name], active=name)


def http_error(error: HTTPException):
    if request.path.startswith("/api/"):
        return jsonify(error=error.name, detail=error.description), error.code
    messages = {
        401: N_("You're signed out. Use the sign-in link for your organization."),
        403: N_("This sign-in link isn't valid."),
        404: N_("We couldn't find that page."),
    }
    message = messages.get(error.code, N_("Something went wrong. Try again later."))
    return render_template("error.html", message=message, code=error.code), error.code


# --- API ---------------------------------------------------------------------------------------


def api_health():
    return jsonify(status="ok", version=current_version(), locales=catalogs().locales)


def current_version() -> str:
    return current_app.extensions["version"]


def api_create_tenant():
    data = request.get_json(silent=True)
    if data is None:
        return jsonify(error="body: expected a JSON object (Content-Type: application/json)"), 400
    try:
        tenant = store().create(parse_setup(data))
    except SetupError as error:
        return jsonify(error=str(error)), 400
    body = {
        "id": tenant.id,
        "token": tenant.token,
        "signin_path": url_for("signin", token=tenant.token),
    }
    return jsonify(body), 201


def api_tenant(tenant_id: str):
    tenant = store().get(tenant_id)
    if tenant is None:
        return jsonify(error=f"tenant {tenant_id!r} does not exist"), 404
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        return jsonify(error="Authorization: expected 'Bearer <tenant token>'"), 401
    if store().by_token(auth.removeprefix("Bearer ")) is not tenant:
        return jsonify(error="this token does not belong to that tenant"), 403
    if request.method == "DELETE":
        store().delete(tenant_id)
        return "", 204
    return jsonify(store().snapshot(tenant_id))
