"""One screenshot per article step per locale, the step's control outlined (``make screenshots``).

Runs only with ``--docs-screenshots`` (``--locale`` selects locales). Deterministic: its own
portal with a fixed "today" (renewal dates), the scenarios' tenant data
(``core.scenario_data``), a 1280×800 viewport at scale 1, UTC, reduced motion, animations and
caret off, the mouse parked.
``--update-snapshots`` stores the PNGs as baselines in ``--snapshot-dir``; otherwise, where a
baseline exists, pixelmatch compares and a changed step fails with expected/actual/diff (files
beside the PNG, and in Allure with ``--alluredir``).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import allure
import pytest
from playwright.sync_api import Browser, Locator, Page

from articles import SETTLE_BALANCE_2021
from core.portal_client import PortalClient
from core.scenario_data import tenant_setup
from fixtures.run_state import selected_locales
from mock_portal import create_app
from mock_portal.server import start_in_thread
from mock_portal.store import TenantStore
from pages.admin_center import AdminCenter
from pages.products_page import ProductsPage
from pages.settle_panel import SettlePanel
from tests.screenshot_sheet import compare

TODAY = dt.date(2026, 3, 2)
VIEWPORT = {"width": 1280, "height": 800}
pytestmark = pytest.mark.docs_screenshots
OUTLINE = "el => { el.style.outline = '3px solid #e81123'; el.style.outlineOffset = '2px'; }"
STILL = "*,*::before,*::after{animation:none!important;transition:none!important}"


@pytest.fixture(scope="module")
def fixed_portal(pytestconfig: pytest.Config) -> Iterator[PortalClient]:
    running = start_in_thread(create_app(store=TenantStore(today=TODAY)), host="127.0.0.1")
    try:
        yield PortalClient(running.url)
    finally:
        running.stop()


def signed_in(browser: Browser, portal: PortalClient, locale: str, owns: bool) -> Page:
    context = browser.new_context(
        locale=locale,
        viewport=VIEWPORT,  # type: ignore[arg-type]
        device_scale_factor=1,
        timezone_id="UTC",
        reduced_motion="reduce",
        color_scheme="light",
    )
    # Every document of the context: nothing animates (set before any page script runs).
    context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " const style = document.createElement('style');"
        f" style.textContent = {STILL!r}; document.head.appendChild(style); }});"
    )
    page = context.new_page()
    page.goto(portal.create_tenant(tenant_setup(owns)).signin_url)
    page.get_by_test_id(AdminCenter.NAV).wait_for()
    return page


def shoot(page: Page, target: Locator, path: Path) -> None:
    """The viewport with ``target`` outlined, nothing moving, no caret, mouse parked."""
    page.mouse.move(0, 0)
    target.evaluate(OUTLINE)
    page.screenshot(path=path, animations="disabled", caret="hide", scale="css")
    target.evaluate("el => { el.style.outline = ''; el.style.outlineOffset = ''; }")


def take(browser: Browser, portal: PortalClient, locale: str, out: Path) -> list[Path]:
    """Steps 1-5 of the article, as a reader following it sees them."""
    out.mkdir(parents=True, exist_ok=True)
    owner = signed_in(browser, portal, locale, owns=True)
    nav = owner.get_by_test_id(AdminCenter.NAV)
    nav.get_by_test_id(AdminCenter.BILLING_GROUP).click()
    shoot(owner, nav.get_by_test_id(AdminCenter.YOUR_PRODUCTS_LINK), out / "step-1.png")
    nav.get_by_test_id(AdminCenter.YOUR_PRODUCTS_LINK).click()
    owner.get_by_test_id(ProductsPage.SETTLE_BUTTON).wait_for()
    shoot(owner, owner.get_by_test_id(ProductsPage.SETTLE_BUTTON), out / "step-2.png")
    owner.get_by_test_id(ProductsPage.SETTLE_BUTTON).click()
    dialog = owner.get_by_role("dialog")
    shoot(owner, dialog.get_by_role("group"), out / "step-3.png")
    shoot(owner, dialog.get_by_test_id(SettlePanel.SAVE), out / "step-5.png")
    owner.context.close()
    other = signed_in(browser, portal, locale, owns=False)
    other.goto(portal.base_url + "/billing/products")
    other.get_by_test_id(ProductsPage.SETTLE_BUTTON).click()
    shoot(other, other.get_by_role("dialog").get_by_role("group"), out / "step-4.png")
    other.context.close()
    return [out / f"step-{n}.png" for n in range(1, 6)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per locale: those of ``--locale``, else every article's. (No ``locale``
    marker: these runs check no label, so the drift matrix must not expect them to.)"""
    if "locale" in metafunc.fixturenames:
        metafunc.parametrize(
            "locale", selected_locales(metafunc.config) or SETTLE_BALANCE_2021.locales()
        )


def test_step_screenshots(
    browser: Browser, fixed_portal: PortalClient, pytestconfig: pytest.Config, locale: str
) -> None:
    root = pytestconfig.rootpath
    out = root / pytestconfig.getoption("--screenshot-dir") / locale
    baselines = root / pytestconfig.getoption("--snapshot-dir") / locale
    shots = take(browser, fixed_portal, locale, out)
    if pytestconfig.getoption("--update-snapshots"):
        baselines.mkdir(parents=True, exist_ok=True)
        for shot in shots:
            shutil.copyfile(shot, baselines / shot.name)
        return
    changed = []
    for shot in shots:
        expected, diff = baselines / shot.name, shot.with_suffix(".diff.png")
        diff.unlink(missing_ok=True)
        if not expected.exists():
            continue
        pixels = compare(shot, expected, diff)
        if pixels:
            changed.append(f"{shot.stem}: {pixels} pixel(s) differ (diff: {diff})")
            if pytestconfig.getoption("allure_report_dir", default=None):
                for name, path in (("expected", expected), ("actual", shot), ("diff", diff)):
                    if path.exists():
                        allure.attach.file(
                            str(path),
                            name=f"{locale} {shot.stem} {name}",
                            attachment_type=allure.attachment_type.PNG,
                        )
    assert not changed, f"[{locale}] the UI changed visually:\n  " + "\n  ".join(changed)
