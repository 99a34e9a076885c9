"""Helpers for tests that talk HTTP to a portal served by waitress (a real threaded server).

A ``Browser`` is what a browser would be for the portal: its own session cookie (from a
one-time sign-in link) and the CSRF token of the page it last opened. The API side goes
through the suite's own ``PortalClient``.
"""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from core.portal_client import PortalClient, TenantHandle
from mock_portal.server import RunningPortal, start_in_thread

TIMEOUT_S = 30
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]*)"')
T = TypeVar("T")


def csrf_in(page: str) -> str:
    """The CSRF token of the form on ``page`` (the test fails when there is none)."""
    match = CSRF_RE.search(page)
    assert match is not None, "no CSRF token on the page"
    return match[1]


@dataclass(frozen=True)
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: str


def send(
    base_url: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None
) -> Reply:
    """One request on its own connection (threads never share one)."""
    parts = urllib.parse.urlsplit(base_url)
    assert parts.hostname is not None, f"no host in {base_url!r}"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT_S)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


@dataclass
class Browser:
    """A signed-in browser session: cookie jar of one, plus the last page's CSRF token."""

    base_url: str
    cookie: str = ""
    csrf: str = ""
    extra_headers: dict = field(default_factory=dict)

    def headers(self) -> dict:
        cookie = {"Cookie": self.cookie} if self.cookie else {}
        return {**self.extra_headers, **cookie}

    def get(self, path: str, **headers: str) -> Reply:
        return send(self.base_url, "GET", path, headers={**self.headers(), **headers})

    def sign_in(self, signin_url: str) -> Reply:
        path = signin_url.removeprefix(self.base_url)
        reply = self.get(path)
        for value in reply.headers.get_all("Set-Cookie") or []:
            if value.startswith("m365_session="):
                self.cookie = value.split(";", 1)[0]
        return reply

    def open_settle_panel(self, subscription_id: str) -> str:
        """Open the panel like a person would; remember its CSRF token."""
        page = self.get(f"/billing/products?settle={subscription_id}").body
        match = CSRF_RE.search(page)
        self.csrf = match[1] if match else ""
        return page

    def save(self, subscription_id: str, form: dict, with_csrf: bool = True) -> Reply:
        """Submit the settle form (the CSRF token of the opened panel added)."""
        fields = {**form, "csrf_token": self.csrf} if with_csrf else form
        body = urllib.parse.urlencode(fields).encode()
        headers = {**self.headers(), "Content-Type": "application/x-www-form-urlencoded"}
        path = f"/billing/products/{subscription_id}/settle"
        return send(self.base_url, "POST", path, body=body, headers=headers)


@contextmanager
def live_portal(app) -> Iterator[RunningPortal]:
    """``app`` served by waitress on a free loopback port for the duration of the block."""
    running = start_in_thread(app)
    try:
        yield running
    finally:
        running.stop()


def signed_in(portal: PortalClient, setup: dict | None = None) -> tuple[TenantHandle, Browser]:
    """A new tenant and a browser signed in to it with the tenant's first link."""
    tenant = portal.create_tenant(setup or {})
    browser = Browser(portal.base_url)
    assert browser.sign_in(tenant.signin_url).status == 302
    return tenant, browser


def another_browser(portal: PortalClient, tenant: TenantHandle) -> Browser:
    """A second browser of the same tenant (its own one-time link, its own session)."""
    browser = Browser(portal.base_url)
    assert browser.sign_in(portal.signin_url(tenant)).status == 302
    return browser


def past_due(portal: PortalClient, tenant: TenantHandle) -> str:
    return next(s.id for s in portal.state(tenant).subscriptions if s.past_due)


def other_card(portal: PortalClient, tenant: TenantHandle) -> str:
    return next(c.id for c in portal.state(tenant).cards if not c.on_file)


def run_together(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Run every call in its own thread, released at once by a barrier; their results.

    An exception in a call is re-raised here (a thread must not fail silently).
    """
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call: Callable[[], T]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as error:  # reported by the caller's thread below
            errors.append(error)

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results
