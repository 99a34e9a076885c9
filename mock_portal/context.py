"""Request-time accessors of what ``create_app`` keeps on the app: the catalogs, the tenant
store, the portal version and the default UI release.

The view modules reach the running app through these (Flask's ``current_app``), so none of
them imports ``mock_portal.app`` and the app module can import every view without a cycle.
"""

from __future__ import annotations

from flask import current_app

from mock_portal.i18n import Catalogs
from mock_portal.store import TenantStore


def catalogs() -> Catalogs:
    return current_app.extensions["catalogs"]


def store() -> TenantStore:
    return current_app.extensions["store"]


def current_version() -> str:
    return current_app.extensions["version"]


def default_release() -> str:
    """The UI release of a tenant whose setup names none."""
    return current_app.extensions["ui_release"]
