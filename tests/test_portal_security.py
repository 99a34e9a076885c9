"""The portal's security model (issue 13), CSRF and credentials: each test names the finding
it covers, and ``tests/portal_mutation.py`` checks that it fails when that protection is
removed. Input and escaping: ``test_portal_security_input.py``; the server and its limits:
``test_portal_security_server.py``."""

from __future__ import annotations

import logging

import pytest

from core.portal_client import PortalClient
from mock_portal.store import SIGNIN_LINK_TTL_S, Payment, TenantGone, parse_setup
from tests import portal_security_helpers
from tests.portal_client_helpers import auth, new_tenant
from tests.portal_http import Browser, csrf_in
from tests.portal_security_helpers import FakeClock, sub_of, token_of

# The shared fixtures, registered in this module under their own names.
clock = portal_security_helpers.clock
app = portal_security_helpers.app
client = portal_security_helpers.client
live = portal_security_helpers.live


# --- CSRF ---------------------------------------------------------------------------------------


def attacker_forms(card_id: str) -> list[dict]:
    """What a page on another origin can submit: no token, a guessed one, an empty one."""
    form = {"choice": "other", "other_card": card_id}
    return [form, {**form, "csrf_token": "0" * 64}, {**form, "csrf_token": ""}]


def test_save_without_the_csrf_token_is_refused_and_charges_nothing(client) -> None:
    tenant = new_tenant(client)
    client.get(tenant["signin_path"])
    sub = sub_of(client, tenant)
    other = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json["cards"][1]
    for form in attacker_forms(other["id"]):
        response = client.post(f"/billing/products/{sub}/settle", data=form)
        assert response.status_code == 403
        assert "This page has expired." in response.get_data(as_text=True)
    state = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json
    assert state["charges"] == []
    assert [c["id"] for c in state["cards"] if c["on_file"]] != [other["id"]]


def test_csrf_token_of_another_session_is_refused(app) -> None:
    victim, attacker = app.test_client(), app.test_client()
    tenant = new_tenant(victim)
    victim.get(tenant["signin_path"])
    link = victim.post(f"/api/tenants/{tenant['id']}/signin-links", headers=auth(tenant)).json
    attacker.get(link["signin_path"])
    sub = sub_of(victim, tenant)
    page = attacker.get(f"/billing/products?settle={sub}").get_data(as_text=True)
    form = {"choice": "other", "other_card": "x", "csrf_token": csrf_in(page)}
    assert victim.post(f"/billing/products/{sub}/settle", data=form).status_code == 403


# --- sign-in links and sessions -----------------------------------------------------------------


def test_signin_link_works_once(app) -> None:
    tenant = new_tenant(app.test_client())
    assert app.test_client().get(tenant["signin_path"]).status_code == 302
    replay = app.test_client().get(tenant["signin_path"], headers={"Accept-Language": "fr-FR"})
    assert replay.status_code == 403
    assert "Ce lien de connexion a expiré ou a déjà été utilisé." in replay.get_data(as_text=True)


def test_signin_link_expires(app, clock: FakeClock) -> None:
    first, second = new_tenant(app.test_client()), new_tenant(app.test_client())
    clock.now += SIGNIN_LINK_TTL_S - 1
    assert app.test_client().get(first["signin_path"]).status_code == 302
    clock.now += 1
    expired = app.test_client().get(second["signin_path"])
    assert expired.status_code == 403
    assert "has expired" in expired.get_data(as_text=True)


def test_signin_started_by_another_site_is_refused(app) -> None:
    tenant = new_tenant(app.test_client())
    for site in ("cross-site", "same-site"):  # another port on 127.0.0.1 is same-site
        response = app.test_client().get(tenant["signin_path"], headers={"Sec-Fetch-Site": site})
        assert response.status_code == 403
        assert "m365_session" not in response.headers.get("Set-Cookie", "")
    typed = app.test_client().get(tenant["signin_path"], headers={"Sec-Fetch-Site": "none"})
    assert typed.status_code == 302  # the refused attempts did not spend the link


def test_session_cookie_is_httponly_strict_and_not_the_api_token(client) -> None:
    tenant = new_tenant(client)
    response = client.get(tenant["signin_path"])
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    session = cookie.split(";", 1)[0].split("=", 1)[1]
    assert session not in (tenant["token"], token_of(tenant["signin_path"]))
    assert response.headers["Location"] == "/"
    assert response.headers["Cache-Control"] == "no-store"


def test_api_token_link_and_session_are_not_interchangeable(app) -> None:
    client = app.test_client()
    tenant = new_tenant(client)
    signin = client.get(tenant["signin_path"])
    session = signin.headers["Set-Cookie"].split(";", 1)[0].split("=", 1)[1]
    # The API token neither signs a browser in nor works as a session cookie.
    assert app.test_client().get(f"/signin?token={tenant['token']}").status_code == 403
    stranger = app.test_client()
    stranger.set_cookie("m365_session", tenant["token"])
    assert stranger.get("/billing/products").status_code == 401
    # The session cookie is no API credential.
    headers = {"Authorization": f"Bearer {session}"}
    assert client.get(f"/api/tenants/{tenant['id']}", headers=headers).status_code == 403


def test_tokens_are_masked_in_the_access_log(live: PortalClient, caplog) -> None:
    caplog.set_level(logging.INFO, logger="mock_portal.access")
    tenant = live.create_tenant({})
    Browser(live.base_url).sign_in(tenant.signin_url)
    Browser(live.base_url).get("/signin?lang=fr-FR&token=" + tenant.token)
    log = caplog.text
    assert "/signin?token=*** 302" in log
    assert token_of(tenant.signin_url) not in log and tenant.token not in log


def test_deleted_tenant_cannot_be_settled(app) -> None:
    store = app.extensions["store"]
    created = store.create(parse_setup({}))
    sub = store.view(created.tenant_id).subscriptions[0].id
    store.delete(created.tenant_id)
    with pytest.raises(TenantGone):
        store.settle(created.tenant_id, sub, Payment(choice="other", other_card="x"))


def test_deleting_a_tenant_ends_its_sessions(client) -> None:
    tenant = new_tenant(client)
    client.get(tenant["signin_path"])
    sub = sub_of(client, tenant)
    csrf = csrf_in(client.get(f"/billing/products?settle={sub}").get_data(as_text=True))
    assert client.delete(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).status_code == 204
    response = client.post(f"/billing/products/{sub}/settle", data={"csrf_token": csrf})
    assert response.status_code == 401
