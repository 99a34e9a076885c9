"""The floor: a plain Playwright script doing exactly the clicks of every scenario, every locale.

One browser, one context per flow, the same portal started the same way as the suite's, no
pytest, no Gherkin, no page objects, no drift bookkeeping. It also does the browser work the
suite's localization audit does (``pages.l10n_audit.observe``: axe-core and the layout probes,
once per locale and page state, as ``--l10n-checks auto`` does for a whole locale), so that the
ratio measures the framework, not the audit; ``--no-audit`` leaves it out (compare with the
suite's ``--l10n-checks off``). ``bench/benchmark.py`` compares the suite with this.
Run alone: ``python -m bench.raw_playwright [--no-audit] [locale ...]`` (prints flows, seconds).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from playwright.sync_api import Page, expect, sync_playwright

from core import scenario_data as data
from core.paths import ARTICLES
from core.portal_client import PortalClient
from fixtures.browser import CHROMIUM_ARGS, resolve_chromium
from mock_portal import create_app
from mock_portal.server import start_in_thread
from pages.l10n_audit import observe
from pages.page_probe import page_state

Audit = Callable[[Page], None]


def change_expiry(page: Page, expiry: str) -> None:
    page.get_by_test_id("option-change-expiry").check()
    page.get_by_test_id("new-expiry").fill(expiry)


def pick_other(page: Page) -> None:
    page.get_by_test_id("option-other-card").check()
    page.get_by_test_id(f"saved-card-{data.OTHER_CARD.last4}").check()


def add_card(page: Page, number: str) -> None:
    page.get_by_test_id("option-new-card").check()
    values = {
        "number": number,
        "expires": data.NEW_CARD_EXPIRY,
        "holder": data.NEW_CARD_HOLDER,
        "cvv": data.NEW_CARD_CVV,
    }
    for field, value in values.items():
        page.get_by_test_id(f"new-card-{field}").fill(value)


# (owner?, payment action or None, then: "save-ok" | "save-refused" | "cancel" | "look")
FLOWS: list[tuple[bool, Callable[[Page], None] | None, str]] = [
    (True, None, "look"),
    (True, lambda p: change_expiry(p, data.NEW_EXPIRY), "save-ok"),
    (True, pick_other, "save-ok"),
    (True, lambda p: add_card(p, data.NEW_CARD_NUMBER), "save-ok"),
    (False, pick_other, "save-ok"),
    (False, lambda p: add_card(p, data.NEW_CARD_NUMBER), "save-ok"),
    (False, None, "look"),
    (True, lambda p: add_card(p, data.BAD_CARD_NUMBER), "save-refused"),
    (True, lambda p: change_expiry(p, data.PAST_EXPIRY), "save-refused"),
    (True, None, "cancel"),
]


Flow = tuple[bool, Callable[[Page], None] | None, str]


def auditor(locale: str, seen: set[tuple[str, str]]) -> Audit:
    """The localization audit of each page state once per locale, as the suite's plugin."""

    def audit_once(page: Page) -> None:
        state = page_state(page)
        if state is not None and (locale, state) not in seen:
            seen.add((locale, state))
            observe(page, locale, state)

    return audit_once


def run_flow(page: Page, portal: PortalClient, flow: Flow, audit: Audit | None = None) -> None:
    """One scenario's clicks by the controls' places (the floor does no label lookups)."""
    owner, action, ending = flow
    checkpoint = audit or (lambda _: None)
    tenant = portal.create_tenant(data.tenant_setup(owner))
    page.goto(tenant.signin_url)
    page.get_by_test_id("nav-billing").click()
    page.get_by_test_id("nav-products").click()
    expect(page.get_by_test_id("past-due-notice")).to_be_visible()
    checkpoint(page)
    page.get_by_test_id("settle-balance").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    checkpoint(page)
    if action:
        action(page)
    if ending == "cancel":
        page.get_by_test_id("cancel-settle").click()
        expect(page.get_by_role("dialog")).to_have_count(0)
    elif ending.startswith("save"):
        page.get_by_test_id("save-payment").click()
        outcome = "settle-confirmation" if ending == "save-ok" else "form-errors"
        expect(page.get_by_test_id(outcome)).to_be_visible()
    checkpoint(page)
    portal.delete(tenant)


def run_all(locales: list[str], audit: bool = True) -> int:
    """Every flow of every locale; returns the number of flows."""
    running = start_in_thread(create_app())
    portal = PortalClient(running.url)
    flows = 0
    try:
        with sync_playwright() as playwright:
            # As the suite's chromium fixture: Playwright's own build is asked of this driver.
            chromium = resolve_chromium(
                None, os.environ, lambda: playwright.chromium.executable_path
            )
            # As the suite: Playwright picks its own build, else the resolved executable.
            executable = None if chromium.source == "playwright" else chromium.executable
            browser = playwright.chromium.launch(args=CHROMIUM_ARGS, executable_path=executable)
            seen: set[tuple[str, str]] = set()
            for locale in locales:
                audit_once = auditor(locale, seen) if audit else None
                for flow in FLOWS:
                    context = browser.new_context(locale=locale, base_url=running.url)
                    run_flow(context.new_page(), portal, flow, audit_once)
                    context.close()
                    flows += 1
            browser.close()
    finally:
        running.stop()
    return flows


def main() -> int:
    args = sys.argv[1:]
    audit = "--no-audit" not in args
    locales = [arg for arg in args if arg != "--no-audit"]
    locales = locales or sorted(path.stem for path in ARTICLES.glob("*.md"))
    started = time.perf_counter()
    flows = run_all(locales, audit)
    print(f"{flows} flows in {time.perf_counter() - started:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
