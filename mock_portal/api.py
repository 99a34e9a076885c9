"""The portal's JSON API, for test setup and outcome checks: health (with the locales and UI
releases served), creating a tenant (with the portal's API key when one is set; its optional
``"release"`` picks its UI release, else the server's default), reading back or deleting one
and issuing another one-time sign-in link (with the tenant's Bearer API token).
"""

from __future__ import annotations

import hmac

from flask import Response, abort, current_app, jsonify, request, url_for
from flask.typing import ResponseReturnValue

from mock_portal.context import catalogs, current_version, default_release, store
from mock_portal.releases import RELEASES
from mock_portal.security import digest, json_too_deep
from mock_portal.store import SetupError, TenantGone, TooManyLinks, parse_setup

# Deeper JSON than any tenant setup needs; checked before parsing (the parser recurses).
MAX_JSON_DEPTH = 32


def api_health() -> ResponseReturnValue:
    return jsonify(
        status="ok",
        version=current_version(),
        locales=catalogs().locales,
        releases=list(RELEASES),
        default_release=default_release(),
    )


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
        created = store().create(parse_setup(data, default_release()))
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
