"""Run the portal on a real HTTP server: in a background thread (tests) or in the foreground."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server


@dataclass
class RunningPortal:
    """A portal serving in a background thread; ``stop()`` shuts it down and joins."""

    server: BaseWSGIServer
    thread: threading.Thread
    app: Flask

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def start_in_thread(app: Flask, host: str = "127.0.0.1", port: int = 0) -> RunningPortal:
    """Serve ``app`` on ``host``:``port`` (0 = a free port) in a daemon thread."""
    server = make_server(host, port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="mock-portal", daemon=True)
    thread.start()
    return RunningPortal(server, thread, app)
