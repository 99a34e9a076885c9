"""The floor: a plain Playwright script doing exactly the clicks of every scenario, every locale.

One browser, one context per flow, the same portal started the same way as the suite's, no
pytest, no Gherkin, no page objects, no drift bookkeeping. ``bench/benchmark.py`` compares
the suite with this. Run alone: ``python -m bench.raw_playwright`` (prints flows and seconds).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from core.article import load_article
from features.gherkin import (
    BAD_CARD_NUMBER,
    BALANCE,
    CARDS_TABLE,
    NEW_CARD,
    NEW_EXPIRY,
    OTHER_CARD,
    PAST_EXPIRY,
)
from fixtures.browser import CHROMIUM_ARGS, playwright_managed_chromium, resolve_chromium
from fixtures.portal import PortalClient
from mock_portal import create_app
from mock_portal.server import start_in_thread

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def tenant_setup() -> dict:
    """The same tenant the features' Background describes (the generator's test data)."""
    header, *rows = CARDS_TABLE
    cards = [dict(zip(header, row, strict=True)) for row in rows]
    return {
        "balance": {"amount": BALANCE[0], "currency": BALANCE[1]},
        "cards": [
            {"number": c["number"], "expires": c["expires"], "holder": c["holder"],
             "on_file": c["on file"] == "yes"}
            for c in cards
        ],
    }  # fmt: skip


SETUP = tenant_setup()


def change_expiry(page: Page, expiry: str) -> None:
    page.get_by_test_id("option-change-expiry").check()
    page.get_by_test_id("new-expiry").fill(expiry)


def pick_other(page: Page) -> None:
    page.get_by_test_id("option-other-card").check()
    page.get_by_test_id(f"saved-card-{OTHER_CARD}").check()


def add_card(page: Page, number: str) -> None:
    page.get_by_test_id("option-new-card").check()
    values = {"number": number, "expires": NEW_CARD[1], "holder": NEW_CARD[2], "cvv": NEW_CARD[3]}
    for field, value in values.items():
        page.get_by_test_id(f"new-card-{field}").fill(value)


# (owner?, payment action or None, then: "save-ok" | "save-refused" | "cancel" | "look")
FLOWS: list[tuple[bool, Callable[[Page], None] | None, str]] = [
    (True, None, "look"),
    (True, lambda p: change_expiry(p, NEW_EXPIRY), "save-ok"),
    (True, pick_other, "save-ok"),
    (True, lambda p: add_card(p, NEW_CARD[0]), "save-ok"),
    (False, pick_other, "save-ok"),
    (False, lambda p: add_card(p, NEW_CARD[0]), "save-ok"),
    (False, None, "look"),
    (True, lambda p: add_card(p, BAD_CARD_NUMBER), "save-refused"),
    (True, lambda p: change_expiry(p, PAST_EXPIRY), "save-refused"),
    (True, None, "cancel"),
]


def run_flow(page: Page, portal: PortalClient, labels: dict[str, str], flow) -> None:
    owner, action, ending = flow
    tenant = portal.create_tenant({**SETUP, "admin": {"owns_card": owner}})
    page.goto(tenant.signin_url)
    page.get_by_role("button", name=labels["Billing"], exact=True).click()
    page.get_by_role("link", name=labels["Your products"], exact=True).click()
    expect(
        page.get_by_text(labels["Subscription has a past due payment"], exact=True)
    ).to_be_visible()
    page.get_by_role("button", name=labels["Settle balance"], exact=True).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    if action:
        action(page)
    if ending == "cancel":
        page.get_by_test_id("cancel-settle").click()
        expect(page.get_by_role("dialog")).to_have_count(0)
    elif ending.startswith("save"):
        page.get_by_role("button", name=labels["Save"], exact=True).click()
        outcome = "settle-confirmation" if ending == "save-ok" else "form-errors"
        expect(page.get_by_test_id(outcome)).to_be_visible()
    portal.delete(tenant)


def run_all(locales: list[str]) -> int:
    """Every flow of every locale; returns the number of flows."""
    chromium = resolve_chromium(None, os.environ, playwright_managed_chromium)
    running = start_in_thread(create_app())
    portal = PortalClient(running.url)
    flows = 0
    try:
        with sync_playwright() as playwright:
            launch = {"args": CHROMIUM_ARGS}
            if chromium.source != "playwright":  # as the suite: Playwright picks its own build
                launch["executable_path"] = chromium.executable
            browser = playwright.chromium.launch(**launch)
            for locale in locales:
                article = load_article(ARTICLES / f"{locale}.md")
                labels = {label.english: label.localized for label in article.labels}
                for flow in FLOWS:
                    context = browser.new_context(locale=locale, base_url=running.url)
                    run_flow(context.new_page(), portal, labels, flow)
                    context.close()
                    flows += 1
            browser.close()
    finally:
        running.stop()
    return flows


def main() -> int:
    locales = sys.argv[1:] or sorted(path.stem for path in ARTICLES.glob("*.md"))
    started = time.perf_counter()
    flows = run_all(locales)
    print(f"{flows} flows in {time.perf_counter() - started:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
