"""Run the mock admin center standalone: ``python -m mock_portal --port 8000``.

Seeds a demo tenant and prints its one-time sign-in link so a person can click through the
flow; ``?lang=fr-FR`` (or the browser's language) picks the locale and ``--ui-release 2022``
the admin center release (tenants created through the API without a ``"release"`` get it
too). It listens on loopback; another interface needs ``--allow-remote`` and an API key in
``MOCK_PORTAL_API_KEY`` (then creating tenants needs ``Authorization: Bearer <key>``; the key
is never printed).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from mock_portal.app import create_app
from mock_portal.releases import DEFAULT_RELEASE, RELEASES
from mock_portal.server import RemoteBindingRefused, make_server, server_url
from mock_portal.store import SIGNIN_LINK_TTL_S, parse_setup

API_KEY_ENV = "MOCK_PORTAL_API_KEY"
MIN_API_KEY = 16


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mock_portal", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface (default loopback)")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--translations", help="catalogs folder (default: the bundled ones)")
    parser.add_argument("--not-owner", action="store_true", help="demo admin does not own the card")
    parser.add_argument(
        "--ui-release",
        choices=list(RELEASES),
        default=DEFAULT_RELEASE,
        help=f"admin center release of tenants that name none (default {DEFAULT_RELEASE})",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help=f"allow a non-loopback --host (requires {API_KEY_ENV})",
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        help="another Host name browsers use to reach the portal (repeatable)",
    )
    return parser.parse_args(argv)


def api_key_from_env(allow_remote: bool) -> str | None:
    """The API key for remote mode; exits with a message when it is missing or too short."""
    if not allow_remote:
        return None
    key = os.environ.get(API_KEY_ENV, "")
    if len(key) < MIN_API_KEY:
        sys.exit(f"--allow-remote: set {API_KEY_ENV} to a secret of at least {MIN_API_KEY} chars")
    return key


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    api_key = api_key_from_env(args.allow_remote)
    app = create_app(
        args.translations,
        api_key=api_key,
        allowed_hosts=args.allowed_host,
        ui_release=args.ui_release,
    )
    try:
        server = make_server(app, args.host, args.port, args.allow_remote)
    except RemoteBindingRefused as error:
        sys.exit(f"error: {error}")
    created = app.extensions["store"].create(
        parse_setup({"admin": {"owns_card": not args.not_owner}}, args.ui_release)
    )
    base = server_url(server)
    print(f"Mock admin center on {base}")
    print(f"Demo tenant {created.tenant_id}: sign in at {base}/signin?token={created.signin_token}")
    locales = ", ".join(app.extensions["catalogs"].locales)
    print(f"UI release {args.ui_release}; locales: {locales} (add ?lang=fr-FR to a URL)")
    print(f"The sign-in link works once, within {SIGNIN_LINK_TTL_S / 60:.0f} minutes.")
    if api_key:
        print(f"Creating tenants needs the API key from {API_KEY_ENV}.")
    sys.stdout.flush()
    # Access log on stderr; tokens in URLs are masked (mock_portal.server.AccessLog).
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


if __name__ == "__main__":
    main()
