"""pytest-playwright's ``base_url`` is the portal the suite started, not ``--base-url``.

pytest-playwright registers its own ``base_url`` fixture after the conftests; the suite's
(``fixtures.portal``) must still win, or every browser context silently loses its base URL.
"""

from __future__ import annotations

from playwright.sync_api import Page

from core.portal_client import PortalClient


def test_base_url_is_the_portal(base_url: str, portal: PortalClient) -> None:
    assert base_url == portal.base_url


def test_relative_paths_open_on_the_portal(page: Page, portal: PortalClient) -> None:
    response = page.goto("/api/health")
    assert response is not None and response.ok, response
    assert page.url == f"{portal.base_url}/api/health"
