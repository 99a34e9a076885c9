"""Run the mock admin center standalone: ``python -m mock_portal --port 8000``.

Seeds a demo tenant and prints its sign-in link so a person can click through the flow;
``?lang=fr-FR`` (or the browser's language) picks the locale.
"""

from __future__ import annotations

import argparse
import sys

from werkzeug.serving import make_server

from mock_portal.app import create_app
from mock_portal.store import parse_setup


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m mock_portal", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface (default loopback)")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--translations", help="catalogs folder (default: the bundled ones)")
    parser.add_argument("--not-owner", action="store_true", help="demo admin does not own the card")
    args = parser.parse_args()
    app = create_app(args.translations)
    tenant = app.extensions["store"].create(
        parse_setup({"admin": {"owns_card": not args.not_owner}})
    )
    server = make_server(args.host, args.port, app, threaded=True)  # port 0: a free one
    base = f"http://{args.host}:{server.server_port}"
    print(f"Mock admin center on {base}")
    print(f"Demo tenant {tenant.id}: sign in at {base}/signin?token={tenant.token}")
    print(f"Locales: {', '.join(app.extensions['catalogs'].locales)} (add ?lang=fr-FR to a URL)")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
