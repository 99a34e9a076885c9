"""The floor: a plain Playwright script doing the browser work of every scenario, every locale.

One browser, one context per flow, the same portal started the same way as the suite's, no
pytest, no Gherkin, no page objects (only their test-id constants, declared there once), no
label verdicts, no drift bookkeeping. The same clicks;
the same reads and assertions as the suite's steps (``bench/raw_checks.py``: the names of the
controls the article names, the panel's amount and card, the outcome, the tenant's state over
HTTP); and the suite's localization audit (``pages.l10n_audit.observe``, once per locale and
page state, as ``--l10n-checks auto`` does for a whole locale). So the benchmark's ratio
measures the framework, not the checks. ``--no-audit`` leaves the audit out (compare with the
suite's ``--l10n-checks off``); ``--clicks-only`` does the clicks alone (the floor before the
checks were added). Run alone: ``python -m bench.raw_playwright [--no-audit | --clicks-only]
[locale ...]`` (prints flows and seconds).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Page, expect, sync_playwright

from articles import SETTLE_BALANCE_2021
from bench import raw_checks as checks
from core import scenario_data as data
from core.portal_client import PortalClient, TenantHandle
from mock_portal import create_app
from mock_portal.server import start_in_thread
from pages.admin_center import AdminCenter
from pages.l10n_audit import observe
from pages.page_probe import page_state
from pages.products_page import ProductsPage
from pages.settle_panel import SettlePanel
from tools.browser import CHROMIUM_ARGS, resolve_chromium

ARTICLES = SETTLE_BALANCE_2021.articles

Audit = Callable[[Page], None]


def change_expiry(page: Page, expiry: str) -> None:
    page.get_by_test_id(SettlePanel.OPTION.format("change-expiry")).check()
    page.get_by_test_id(SettlePanel.NEW_EXPIRY).fill(expiry)


def pick_other(page: Page) -> None:
    page.get_by_test_id(SettlePanel.OPTION.format("other-card")).check()
    page.get_by_test_id(SettlePanel.SAVED_CARD.format(data.OTHER_CARD.last4)).check()


def add_card(page: Page, number: str) -> None:
    page.get_by_test_id(SettlePanel.OPTION.format("new-card")).check()
    values = {
        "number": number,
        "expires": data.NEW_CARD_EXPIRY,
        "holder": data.NEW_CARD_HOLDER,
        "cvv": data.NEW_CARD_CVV,
    }
    for field, value in values.items():
        page.get_by_test_id(SettlePanel.NEW_CARD_FIELD.format(field)).fill(value)


# (owner?, payment action or None, then: "save-ok" | "refused:<subject>" | "cancel" |
# "look")
FLOWS: list[tuple[bool, Callable[[Page], None] | None, str]] = [
    (True, None, "look"),
    (True, lambda p: change_expiry(p, data.NEW_EXPIRY), "save-ok"),
    (True, pick_other, "save-ok"),
    (True, lambda p: add_card(p, data.NEW_CARD_NUMBER), "save-ok"),
    (False, pick_other, "save-ok"),
    (False, lambda p: add_card(p, data.NEW_CARD_NUMBER), "save-ok"),
    (False, None, "look"),
    (True, lambda p: add_card(p, data.BAD_CARD_NUMBER), "refused:card number"),
    (True, lambda p: change_expiry(p, data.PAST_EXPIRY), "refused:expiration date"),
    (True, None, "cancel"),
]


Flow = tuple[bool, Callable[[Page], None] | None, str]


@dataclass(frozen=True)
class Mode:
    """What the floor does besides the clicks: the suite's checks, its localization audit."""

    checks: bool = True
    audit: bool = True


def auditor(locale: str, seen: set[tuple[str, str]]) -> Audit:
    """The localization audit of each page state once per locale, as the suite's plugin."""

    def audit_once(page: Page) -> None:
        state = page_state(page)
        if state is not None and (locale, state) not in seen:
            seen.add((locale, state))
            observe(page, locale, state)

    return audit_once


def run_flow(
    page: Page, portal: PortalClient, flow: Flow, locale: str, mode: Mode, audit: Audit
) -> None:
    """One scenario's clicks by the controls' places, with the suite's checks (``mode``)."""
    owner, action, ending = flow
    tenant = portal.create_tenant(data.tenant_setup(owner))
    page.goto(tenant.signin_url)
    if mode.checks:
        checks.signed_in(page, locale, language_check=owner and ending == "look")
        checks.navigate(page)
        checks.open_panel(page, portal, tenant, locale)
    else:
        page.get_by_test_id(AdminCenter.BILLING_GROUP).click()
        page.get_by_test_id(AdminCenter.YOUR_PRODUCTS_LINK).click()
        expect(page.get_by_test_id(ProductsPage.PAST_DUE_NOTICE)).to_be_visible()
        page.get_by_test_id(ProductsPage.SETTLE_BUTTON).click()
        expect(page.get_by_role("dialog")).to_be_visible()
    audit(page)
    if action:
        action(page)
    if ending == "look" and not owner and mode.checks:
        checks.options_for_non_owner(page)
    elif ending == "cancel":
        page.get_by_test_id(SettlePanel.CANCEL).click()
        expect(page.get_by_role("dialog")).to_have_count(0)
    elif ending != "look":
        save(page, ending, mode.checks)
    if mode.checks:
        end_checks(page, portal, tenant, ending)
    audit(page)  # after the outcome's checks, as the suite audits after its Then steps
    portal.delete(tenant)


def save(page: Page, ending: str, checked: bool) -> None:
    if checked:
        checks.read_save(page)
    page.get_by_test_id(SettlePanel.SAVE).click()
    if not checked:  # with checks, theirs wait for the outcome, as the suite's Then steps do
        outcome = ProductsPage.CONFIRMATION if ending == "save-ok" else "form-errors"
        expect(page.get_by_test_id(outcome)).to_be_visible()


def end_checks(page: Page, portal: PortalClient, tenant: TenantHandle, ending: str) -> None:
    """The suite's Then steps after Save or Cancel."""
    if ending == "save-ok":
        checks.settled(page, portal, tenant)
    elif ending.startswith("refused:"):
        checks.refused(page, ending.removeprefix("refused:"))
        checks.outstanding(page, portal, tenant)
    elif ending == "cancel":
        checks.outstanding(page, portal, tenant)


def run_all(locales: list[str], mode: Mode) -> int:
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
                audit = auditor(locale, seen) if mode.audit else lambda _: None
                for flow in FLOWS:
                    context = browser.new_context(locale=locale, base_url=running.url)
                    run_flow(context.new_page(), portal, flow, locale, mode, audit)
                    context.close()
                    flows += 1
            browser.close()
    finally:
        running.stop()
    return flows


def main() -> int:
    args = sys.argv[1:]
    clicks_only = "--clicks-only" in args
    mode = Mode(checks=not clicks_only, audit=not clicks_only and "--no-audit" not in args)
    locales = [arg for arg in args if not arg.startswith("--")]
    locales = locales or sorted(path.stem for path in ARTICLES.glob("*.md"))
    started = time.perf_counter()
    flows = run_all(locales, mode)
    print(f"{flows} flows in {time.perf_counter() - started:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
