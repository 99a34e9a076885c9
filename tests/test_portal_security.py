"""The portal's security model and limits (issue 13): each test names the finding it covers,
and ``tests/portal_mutation.py`` checks that it fails when that protection is removed."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.portal_client import PortalClient, PortalError
from mock_portal import create_app
from mock_portal.i18n import PACKAGE_TRANSLATIONS
from mock_portal.security import new_secret
from mock_portal.server import RemoteBindingRefused, start_in_thread
from mock_portal.store import (
    SIGNIN_LINK_TTL_S,
    Payment,
    TenantGone,
    TenantStore,
    parse_setup,
)
from tests.portal_http import Browser, csrf_in, live_portal, past_due, send, signed_in

ROOT = Path(__file__).parent.parent
TODAY = dt.date(2026, 11, 22)
XSS = "<img src=x onerror=alert(1)>"


class FakeClock:
    """A monotonic clock the test moves by hand (no sleeping)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(clock: FakeClock):
    return create_app(store=TenantStore(today=TODAY, clock=clock))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def live() -> Iterator[PortalClient]:
    with live_portal(create_app(store=TenantStore(today=TODAY))) as running:
        yield PortalClient(running.url)


def new_tenant(client, **setup) -> dict:
    response = client.post("/api/tenants", json=setup)
    assert response.status_code == 201, response.json
    return response.json


def auth(tenant: dict) -> dict:
    return {"Authorization": f"Bearer {tenant['token']}"}


def charges(client, tenant: dict) -> list:
    return client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json["charges"]


def sub_of(client, tenant: dict) -> str:
    state = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json
    return next(s["id"] for s in state["subscriptions"] if s["past_due"])


def token_of(signin_path: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(signin_path).query)["token"][0]


# --- nested JSON --------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_a_400_not_a_500(client, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    body = opening * 5000 + "1" + closing * 5000  # 30 KB: inside the body limit
    response = client.post("/api/tenants", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "nested" in response.json["detail"]


def test_shallow_json_is_still_parsed(client) -> None:
    response = client.post("/api/tenants", json={"admin": {"name": "[[[{{{"}})
    assert response.status_code == 201


# --- money --------------------------------------------------------------------------------------


@pytest.mark.parametrize("currency", ["ZZZ", "ＵＳＤ", "ßab", "usd", "XXX", "US", 840, None])
def test_currency_must_be_an_iso_4217_code(client, currency) -> None:
    response = client.post("/api/tenants", json={"balance": {"currency": currency}})
    assert response.status_code == 400
    assert "balance.currency" in response.json["error"]


@pytest.mark.parametrize(
    ("amount", "currency", "stored"),
    [("1235", "JPY", "1235"), ("129.00", "USD", "129.00"), ("1.234", "BHD", "1.234")],
)
def test_amounts_in_the_currency_decimals_are_accepted(client, amount, currency, stored) -> None:
    tenant = new_tenant(client, balance={"amount": amount, "currency": currency})
    state = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json
    assert state["balance"] == {"amount": stored, "currency": currency}


@pytest.mark.parametrize(
    ("amount", "currency"),
    [("1234.56", "JPY"), ("1234.5", "JPY"), ("1.2345", "BHD"), ("1.001", "EUR")],
)
def test_amount_has_at_most_the_currency_decimals(client, amount, currency) -> None:
    response = client.post(
        "/api/tenants", json={"balance": {"amount": amount, "currency": currency}}
    )
    assert response.status_code == 400
    assert "balance.amount" in response.json["error"]


def test_yen_charge_is_what_the_page_shows(client) -> None:
    tenant = new_tenant(client, balance={"amount": "1235", "currency": "JPY"})
    client.get(tenant["signin_path"])
    sub = sub_of(client, tenant)
    page = client.get(f"/billing/products?settle={sub}", headers={"Accept-Language": "ja-JP"})
    assert "￥1,235" in page.get_data(as_text=True)
    other = client.get(f"/api/tenants/{tenant['id']}", headers=auth(tenant)).json["cards"][1]
    csrf = csrf_in(page.get_data(as_text=True))
    form = {"choice": "other", "other_card": other["id"], "csrf_token": csrf}
    assert client.post(f"/billing/products/{sub}/settle", data=form).status_code == 303
    assert [c["amount"] for c in charges(client, tenant)] == ["1235"]


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


# --- Host, redirects, binding -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/api/health", "/billing//products", "/signin?token=x"])
def test_unknown_host_is_refused(client, path: str) -> None:
    response = client.get(path, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "Location" not in response.headers


def test_redirects_are_relative(client) -> None:
    for path, expected in [("/billing//products", "/billing/products"), ("//", "/")]:
        response = client.get(path, headers={"Host": "127.0.0.1:8000"})
        assert response.status_code == 308
        assert response.headers["Location"] == expected


def test_binding_beyond_loopback_needs_the_flag_and_an_api_key() -> None:
    with pytest.raises(RemoteBindingRefused, match="--allow-remote"):
        start_in_thread(create_app(), host="0.0.0.0")
    with pytest.raises(RemoteBindingRefused, match="API key"):
        start_in_thread(create_app(), host="0.0.0.0", allow_remote=True)
    key = new_secret()
    running = start_in_thread(create_app(api_key=key), host="0.0.0.0", allow_remote=True)
    try:
        # A wildcard bind answers on loopback too; creating a tenant there needs the key.
        url = running.url.replace("0.0.0.0", "127.0.0.1")
        with pytest.raises(PortalError, match="HTTP 401"):
            PortalClient(url).create_tenant({})
        with pytest.raises(PortalError, match="HTTP 401"):
            PortalClient(url, api_key="wrong" * 8).create_tenant({})
        assert PortalClient(url, api_key=key).create_tenant({}).signin_url.startswith(url)
    finally:
        running.stop()


def test_standalone_portal_refuses_a_remote_bind_without_the_flag() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mock_portal", "--host", "0.0.0.0", "--port", "0"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "--allow-remote" in result.stderr
    assert "sign in at" not in result.stdout


def test_standalone_remote_portal_never_prints_the_api_key() -> None:
    key = new_secret()
    env = {**os.environ, "MOCK_PORTAL_API_KEY": key}
    server = subprocess.Popen(
        [sys.executable, "-m", "mock_portal", "--host", "0.0.0.0", "--port", "0",
         "--allow-remote"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None  # stdout=subprocess.PIPE
        lines = [server.stdout.readline() for _ in range(5)]
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=10)
    assert "Creating tenants needs the API key from MOCK_PORTAL_API_KEY" in lines[-1]
    assert key not in "".join(lines) + err


# --- resources ----------------------------------------------------------------------------------


def raw_request(url: str, head: bytes, chunks: list[bytes]) -> bytes:
    """Send a raw HTTP/1.1 request (chunked body) and read the status line."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(head)
        try:
            for chunk in chunks:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server may answer and close before reading everything
        return sock.recv(4096).split(b"\r\n", 1)[0]


def test_chunked_body_over_the_limit_is_a_413(live: PortalClient) -> None:
    host = urllib.parse.urlsplit(live.base_url).netloc.encode()
    # /api/health takes no body: only the server's own limit can answer 413 here.
    head = b"POST /api/health HTTP/1.1\r\nHost: %s\r\nTransfer-Encoding: chunked\r\n\r\n" % host
    assert b" 413 " in raw_request(live.base_url, head, [b"x" * 8192] * 9)


def test_body_under_the_limit_reaches_the_app(live: PortalClient) -> None:
    host = urllib.parse.urlsplit(live.base_url).netloc.encode()
    head = b"POST /api/health HTTP/1.1\r\nHost: %s\r\nTransfer-Encoding: chunked\r\n\r\n" % host
    assert b" 405 " in raw_request(live.base_url, head, [b"x" * 8192] * 7)


def test_oversized_headers_are_refused(live: PortalClient) -> None:
    reply = send(live.base_url, "GET", "/api/health", headers={"X-Big": "x" * 20_000})
    assert reply.status == 431


def test_server_has_timeouts_and_connection_limits() -> None:
    running = start_in_thread(create_app())
    try:
        adj = running.server.adj
        assert adj.channel_timeout <= 60 and adj.connection_limit <= 200
        assert adj.max_request_header_size <= 32 * 1024 and adj.max_request_body_size <= 65536
        assert running.server.task_dispatcher.threads  # a fixed pool, not a thread per socket
    finally:
        running.stop()


def test_idle_connections_do_not_cost_a_thread_each(live: PortalClient) -> None:
    """Half-open connections (a request line, never finished) hold no thread of their own."""
    parts = urllib.parse.urlsplit(live.base_url)
    before = threading.active_count()
    idle = [socket.create_connection((parts.hostname, parts.port), timeout=30) for _ in range(50)]
    try:
        for sock in idle:
            sock.sendall(b"GET /api/health HTTP/1.1\r\n")
        # Accepted in order: by the time this request is answered, the 50 were accepted too.
        assert send(live.base_url, "GET", "/api/health").status == 200
        assert threading.active_count() <= before
    finally:
        for sock in idle:
            sock.close()


def test_long_accept_language_is_bounded(app, client, monkeypatch) -> None:
    seen: list[int] = []
    catalogs = app.extensions["catalogs"]
    negotiate = catalogs.negotiate

    def recording(requested, override):
        requested = list(requested)
        seen.append(len(requested))
        return negotiate(requested, override)

    monkeypatch.setattr(catalogs, "negotiate", recording)
    header = ",".join(f"x{i}-YY;q=0.{i % 9 + 1}" for i in range(6000))  # about 60 KB
    assert client.get("/api/health", headers={"Accept-Language": header}).status_code == 200
    assert seen and max(seen) <= 10


# --- escaping and text direction ----------------------------------------------------------------


@pytest.mark.parametrize("via", ["lang", "accept-language"])
def test_banner_escapes_the_requested_language(client, via: str) -> None:
    tenant = new_tenant(client)
    client.get(tenant["signin_path"])
    if via == "lang":
        response = client.get("/", query_string={"lang": XSS})
    else:
        response = client.get("/", headers={"Accept-Language": XSS})
    page = response.get_data(as_text=True)
    assert 'data-testid="locale-fallback"' in page
    assert XSS not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.fixture(scope="module")
def bidi_catalogs(tmp_path_factory) -> Path:
    """The bundled catalogs plus English copies under right-to-left locales."""
    folder = tmp_path_factory.mktemp("bidi") / "translations"
    shutil.copytree(PACKAGE_TRANSLATIONS, folder)
    for locale in ("ar_EG", "he_IL", "fa_IR", "ps_AF", "ug_CN"):
        shutil.copytree(folder / "en_US", folder / locale)
    return folder


@pytest.mark.parametrize(
    ("locale", "direction"),
    [("ar-EG", "rtl"), ("he-IL", "rtl"), ("fa-IR", "rtl"), ("ps-AF", "rtl"), ("ug-CN", "rtl"),
     ("ja-JP", "ltr"), ("fr-FR", "ltr")],
)  # fmt: skip
def test_text_direction_comes_from_cldr(bidi_catalogs: Path, locale: str, direction: str) -> None:
    client = create_app(bidi_catalogs).test_client()
    tenant = new_tenant(client)
    client.get(tenant["signin_path"])
    page = client.get("/", headers={"Accept-Language": locale}).get_data(as_text=True)
    assert f'<html lang="{locale}" dir="{direction}">' in page


# --- C1 control characters ----------------------------------------------------------------------


def test_c1_controls_in_the_holder_name_are_refused(live: PortalClient) -> None:
    tenant, browser = signed_in(live)
    sub = past_due(live, tenant)
    browser.open_settle_panel(sub)
    form = {"choice": "new", "number": "4000056655665556", "holder": "Megan\u0085Bowen",
            "expires": "08/2031", "cvv": "737"}  # fmt: skip
    reply = browser.save(sub, form)
    assert reply.status == 422
    assert 'data-testid="error-holder"' in reply.body
    assert live.state(tenant).charges == ()


@pytest.mark.parametrize(
    "setup",
    [
        {"admin": {"name": "Alex\u0085Wilber"}},
        {"cards": [{"number": "4242424242424242", "expires": "04/2030",
                    "holder": "Alex\u0085Wilber", "on_file": True}]},
        {"balance": {"amount": "129.00\u0085", "currency": "USD"}},
        {"balance": {"currency": "USD\u0085"}},
    ],
    ids=["admin-name", "card-holder", "amount", "currency"],
)  # fmt: skip
def test_c1_controls_in_api_json_are_refused(client, setup: dict) -> None:
    response = client.post("/api/tenants", json=setup)
    assert response.status_code == 400
