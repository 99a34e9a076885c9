"""The mock Microsoft 365 admin center: a Flask app with localized pages and a tenant API.

Pages (served in the locale negotiated from ``?lang=`` or Accept-Language):
  /signin?token=…                 redeems a one-time sign-in link for a session cookie
  /                               home
  /billing/products               "Your products"; release 2021: ``?settle=<id>`` opens the
                                  settle panel (release 2022: no settle notice or action here)
  POST /billing/products/<id>/settle   release 2021: validates the payment method and charges
                                  once (CSRF token); 404 in release 2022
  /billing/bills                  release 2022 only: "Bills & payments", tabs Invoices and
                                  Payment methods (``?tab=``); the declined-method warning's
                                  Settle balance opens the right pane (``?settle=<id>``)
  POST /billing/bills/<id>/settle release 2022 only: the right pane's Save (CSRF token)
  /section/<name>                 the other navigation entries (real pages, not in the flow)
API (JSON, for test setup and outcome checks):
  POST /api/tenants               create a tenant from a setup; returns id, API token and a
                                  sign-in path (needs the portal's API key when one is set)
  GET/DELETE /api/tenants/<id>    read back (balance, charges, cards) / remove; Bearer API token
  POST /api/tenants/<id>/signin-links   another one-time sign-in path; Bearer API token
  GET /api/health                 liveness, the portal version, its locales and UI releases

UI releases (``mock_portal.releases``): each tenant's admin center is release 2021 or 2022, from
its setup's ``"release"`` or the server's default (``create_app(ui_release=...)``,
``python -m mock_portal --ui-release``; default 2021).

Security model: the API token, the one-time sign-in link and the browser's session cookie are
three different secrets; the session cookie is HttpOnly and SameSite=Strict; every form that
changes state carries a CSRF token derived from the session; only allow-listed Host names are
served, and redirects are relative.

This module builds the app and holds what runs on every request (Host check, relative
redirects, security headers); the views live in ``mock_portal.views`` (pages) and
``mock_portal.api`` (JSON), the locale in ``mock_portal.localization``, and the request-time
accessors they share in ``mock_portal.context``.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, current_app, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from mock_portal.api import api_create_tenant, api_health, api_signin_link, api_tenant
from mock_portal.bills import bills, settle_bill
from mock_portal.i18n import Catalogs, translations_dir
from mock_portal.localization import choose_locale, remember_lang, template_globals
from mock_portal.releases import DEFAULT_RELEASE, UnknownRelease, nav_href, release_of
from mock_portal.security import allowed_host_names, digest, host_name
from mock_portal.store import TenantStore
from mock_portal.views import home, http_error, products, section, settle, signin

__all__ = ["MAX_BODY", "allow_host", "create_app", "portal_version"]

MAX_BODY = 64 * 1024


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
    ui_release: str = DEFAULT_RELEASE,
) -> Flask:
    """Build the portal app with its catalogs and an (empty) tenant store.

    ``api_key``: when set, creating a tenant needs ``Authorization: Bearer <api_key>`` (the
    server sets one whenever it listens beyond loopback). ``allowed_hosts``: Host names served
    besides the loopback ones (the server adds the address it binds). ``ui_release``: the UI
    release of a tenant whose setup names none (``ValueError`` for one the portal lacks).
    """
    try:
        release_of(ui_release)
    except UnknownRelease as error:
        raise ValueError(f"ui_release: {error}") from None
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    # Static assets are immutable per run: no revalidation round trip on every page.
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
    app.extensions["catalogs"] = Catalogs(translations_dir(translations))
    app.extensions["store"] = store or TenantStore()
    app.extensions["version"] = portal_version()
    app.extensions["api_key_digest"] = digest(api_key) if api_key else None
    app.extensions["allowed_hosts"] = allowed_host_names(allowed_hosts)
    app.extensions["ui_release"] = ui_release
    # Signs CSRF tokens; per process, so a restart ends every form (and every session anyway).
    app.extensions["csrf_key"] = secrets.token_bytes(32)
    register(app)
    return app


def allow_host(app: Flask, host: str) -> None:
    """Serve ``host`` too (the server calls this with the address it binds)."""
    app.extensions["allowed_hosts"] = app.extensions["allowed_hosts"] | allowed_host_names([host])


def register(app: Flask) -> None:
    app.before_request(check_host)
    app.before_request(choose_locale)
    app.after_request(remember_lang)
    app.after_request(relative_location)
    app.after_request(security_headers)
    app.context_processor(template_globals)
    app.context_processor(lambda: {"nav_href": nav_href})
    app.register_error_handler(HTTPException, http_error)
    routes: list[tuple[str, Callable[..., ResponseReturnValue], list[str]]] = [
        ("/signin", signin, ["GET"]),
        ("/", home, ["GET"]),
        ("/billing/products", products, ["GET"]),
        ("/billing/products/<subscription_id>/settle", settle, ["POST"]),
        ("/billing/bills", bills, ["GET"]),
        ("/billing/bills/<subscription_id>/settle", settle_bill, ["POST"]),
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
