"""Serve the portal with waitress, a production WSGI server: in a background thread (tests) or
in the foreground (``python -m mock_portal``).

Waitress answers sockets from one event loop and runs requests on a fixed pool of threads, so
a thousand idle connections cost no thread each; the limits below bound what one client can
hold. Werkzeug's development server is not used anywhere.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import Flask
from waitress.server import BaseWSGIServer, create_server

from mock_portal.app import MAX_BODY, allow_host
from mock_portal.security import WILDCARD_HOSTS, is_loopback, mask_secrets

ACCESS_LOG = logging.getLogger("mock_portal.access")
STOP_TIMEOUT_S = 10
# Waitress adjustments. The body limit is the app's own (64 KB): a larger body, chunked or
# not, gets 413 before it reaches Flask.
SERVER_LIMITS: dict[str, Any] = {
    "threads": 8,
    "connection_limit": 100,
    "channel_timeout": 30,
    "cleanup_interval": 10,
    "max_request_body_size": MAX_BODY,
    "max_request_header_size": 16 * 1024,
    "expose_tracebacks": False,
    "ident": "mock-portal",
}


class RemoteBindingRefused(ValueError):
    """Listening beyond loopback without the explicit opt-in and an API key."""


def check_binding(app: Flask, host: str, allow_remote: bool) -> None:
    """Refuse a non-loopback address unless asked for and tenant creation needs an API key."""
    if is_loopback(host):
        return
    if not allow_remote:
        raise RemoteBindingRefused(
            f"{host!r} is reachable from other machines; listen there only with --allow-remote"
            " (allow_remote=True) and an API key"
        )
    if app.extensions["api_key_digest"] is None:
        raise RemoteBindingRefused(
            f"listening on {host!r} needs an API key for creating tenants"
            " (MOCK_PORTAL_API_KEY, or create_app(api_key=...))"
        )


class AccessLog:
    """WSGI middleware: one log line per request, with every token in the URL masked."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        def logging_start_response(status: str, headers: list, *args: Any) -> Callable:
            ACCESS_LOG.info("%s %s %s", environ["REQUEST_METHOD"], request_line(environ), status)
            return start_response(status, headers, *args)

        return self.app(environ, logging_start_response)


def request_line(environ: dict) -> str:
    """Path and query of a request, masked: sign-in links must not end up in a log."""
    query = environ.get("QUERY_STRING", "")
    path = environ.get("PATH_INFO", "") + (f"?{query}" if query else "")
    return mask_secrets(path)


def make_server(app: Flask, host: str, port: int, allow_remote: bool = False) -> BaseWSGIServer:
    """A waitress server for ``app`` on ``host``:``port`` (0 = a free port), not yet running."""
    check_binding(app, host, allow_remote)
    # 'localhost' may resolve to two sockets; one address keeps url and stop() simple.
    address = "127.0.0.1" if host == "localhost" else host
    allow_host(app, address)
    if address in WILDCARD_HOSTS:
        # Listening everywhere: other machines name this one by its host name.
        allow_host(app, socket.gethostname())
        allow_host(app, socket.getfqdn())
    server = create_server(AccessLog(app), host=address, port=port, **SERVER_LIMITS)
    # One address gives one listening socket; waitress builds a MultiSocketServer only for many.
    assert isinstance(server, BaseWSGIServer), f"{address!r} gave more than one socket"
    return server


@dataclass
class RunningPortal:
    """A portal serving in a background thread; ``stop()`` shuts it down and joins."""

    server: BaseWSGIServer
    thread: threading.Thread
    app: Flask

    @property
    def url(self) -> str:
        return server_url(self.server)

    def stop(self) -> None:
        # Close the sockets from the server's own loop thread (the loop ends once nothing is
        # left to watch), then stop the request threads.
        # types-waitress declares ``trigger`` as int; it is a waitress.trigger.trigger.
        self.server.trigger.pull_trigger(lambda: close_all(self.server))  # type: ignore[attr-defined]
        self.thread.join(timeout=STOP_TIMEOUT_S)
        self.server.task_dispatcher.shutdown()


def server_url(server: BaseWSGIServer) -> str:
    # Set by waitress's BaseWSGIServer.__init__, missing from types-waitress.
    host, port = server.effective_host, server.effective_port  # type: ignore[attr-defined]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def close_all(server: BaseWSGIServer) -> None:
    # The server's socket map (wasyncore.dispatcher._map), missing from types-waitress.
    for dispatcher in list(server._map.values()):  # type: ignore[attr-defined]
        dispatcher.close()


def start_in_thread(
    app: Flask, host: str = "127.0.0.1", port: int = 0, *, allow_remote: bool = False
) -> RunningPortal:
    """Serve ``app`` on ``host``:``port`` (0 = a free port) in a daemon thread."""
    server = make_server(app, host, port, allow_remote)
    thread = threading.Thread(target=server.run, name="mock-portal", daemon=True)
    thread.start()
    return RunningPortal(server, thread, app)
