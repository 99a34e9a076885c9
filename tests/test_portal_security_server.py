"""The portal's security model (issue 13), the server: Host allow-list, relative redirects,
remote binding and resource limits. Each test names the finding it covers;
``tests/portal_mutation.py`` checks it fails without that protection."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

from core.portal_client import PortalClient, PortalError
from mock_portal import create_app
from mock_portal.security import new_secret
from mock_portal.server import RemoteBindingRefused, start_in_thread
from tests import portal_security_helpers
from tests.portal_http import send

ROOT = Path(__file__).parent.parent

# The shared fixtures, registered in this module under their own names.
clock = portal_security_helpers.clock
app = portal_security_helpers.app
client = portal_security_helpers.client
live = portal_security_helpers.live


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
