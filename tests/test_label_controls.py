"""The page objects' label check on hand-made pages: one round trip per label, and still
exactly one control.

``ArticleLabels.control`` reads the place's ARIA snapshot once and lets Playwright's strictness
assert "exactly one" on the action that follows. These pages break that promise on purpose: a
second control with the article's name, a place that resolves to two elements, a control that
changed role, and a control that is not there. Each must fail the step — never pass, never be
called a label verdict it is not.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError

from articles import SETTLE_BALANCE_2021
from articles.settle_balance_2021.vocabulary import Slot2021
from core.article import Label, Slot, load_article
from core.findings import LabelMismatch
from core.verdict import MATCH, MISSING, UI_DIFFERS, Verdict
from pages.labels import ArticleLabels
from pages.products_page import ProductsPage
from pages.settle_panel import SettlePanel

ARTICLES = SETTLE_BALANCE_2021.articles

ARTICLE = load_article(ARTICLES / "nl-NL.md", SETTLE_BALANCE_2021)


def article_label(slot: Slot) -> Label:
    label = ARTICLE.label(slot)
    assert label is not None, f"nl-NL's article names no {slot.value}"
    return label


SAVE = article_label(Slot2021.SAVE)
WAIT_MS = 300  # these pages are static: a control that is not there now never comes


def dialog(*buttons: str) -> str:
    return f'<section role="dialog" aria-modal="true">{"".join(buttons)}</section>'


def button(name: str, test_id: str = SettlePanel.SAVE, tag: str = "button") -> str:
    href = ' href="#"' if tag == "a" else ""
    return f'<{tag}{href} data-testid="{test_id}">{name}</{tag}>'


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


def panel(page: Page, html: str) -> tuple[SettlePanel, list[str]]:
    """A settle panel on ``html``; the verdicts it records are returned alongside."""
    verdicts: list[str] = []

    def record(label: Label, ui: str | None, verdict: Verdict, known: str) -> None:
        verdicts.append(verdict.verdict)

    page.set_content(html)
    labels = ArticleLabels("nl-NL", ARTICLE, [], record, wait_ms=WAIT_MS)
    return SettlePanel(page, labels), verdicts


def test_the_articles_control_is_found_checked_and_clicked(page: Page) -> None:
    settle, verdicts = panel(page, dialog(button(SAVE.localized)))
    settle.save(SAVE.localized)
    assert verdicts == [MATCH]
    assert settle.labels.findings == []


def test_a_second_control_with_the_articles_name_fails_the_action(page: Page) -> None:
    twins = dialog(button(SAVE.localized), button(SAVE.localized, test_id="another-save"))
    settle, verdicts = panel(page, twins)
    with pytest.raises(PlaywrightError, match=r"strict mode violation.*2 elements"):
        settle.save(SAVE.localized)
    assert verdicts == [MATCH]  # the label itself is right: the page is ambiguous


def test_a_place_that_resolves_to_two_elements_is_a_step_error_not_missing(page: Page) -> None:
    settle, verdicts = panel(page, dialog(button(SAVE.localized), button(SAVE.localized)))
    with pytest.raises(PlaywrightError, match="strict mode violation"):
        settle.save(SAVE.localized)
    assert verdicts == []  # no verdict: nothing was judged


def test_a_control_that_changed_role_fails_naming_both_roles(page: Page) -> None:
    settle, verdicts = panel(page, dialog(button(SAVE.localized, tag="a")))
    with pytest.raises(AssertionError, match="button for 'Save' is now a link"):
        settle.save(SAVE.localized)
    assert verdicts == []


def test_a_hidden_control_fails_saying_so(page: Page) -> None:
    settle, verdicts = panel(
        page, dialog(button(SAVE.localized).replace("<button", "<button hidden"))
    )
    with pytest.raises(AssertionError, match="hidden or not in the accessibility tree"):
        settle.save(SAVE.localized)
    assert verdicts == []


def test_a_control_that_is_not_there_is_missing_after_the_wait(page: Page) -> None:
    settle, verdicts = panel(page, dialog(button("Annuleren", test_id=SettlePanel.CANCEL)))
    started = time.perf_counter()
    with pytest.raises(LabelMismatch, match="Control not found"):
        settle.save(SAVE.localized)
    assert time.perf_counter() - started >= WAIT_MS / 1000
    assert verdicts == [MISSING]


def test_a_renamed_control_is_a_finding_and_the_flow_goes_on_at_its_place(page: Page) -> None:
    settle, verdicts = panel(page, dialog(button(f"{SAVE.localized} nu")))
    settle.save(SAVE.localized)  # clicked at its place: the scenario goes on
    assert verdicts == [UI_DIFFERS]
    assert [finding.ui for finding in settle.labels.findings] == [f"{SAVE.localized} nu"]


NOTICE = article_label(Slot2021.PAST_DUE_NOTICE)


def billing_section(notice: str) -> str:
    return (
        f'<section data-testid="{ProductsPage.BILLING_SECTION}">'
        f'<p data-testid="{ProductsPage.PAST_DUE_NOTICE}">{notice}</p>'
        f'<button data-testid="{ProductsPage.SETTLE_BUTTON}">Saldo betalen</button></section>'
    )


def products(page: Page, html: str) -> ProductsPage:
    page.set_content(html)
    labels = ArticleLabels("nl-NL", ARTICLE, [], lambda *_: None, wait_ms=WAIT_MS)
    return ProductsPage(page, labels)


def test_the_notice_is_found_once(page: Page) -> None:
    shown = products(page, billing_section(NOTICE.localized))
    expect(shown.billing_section_with(NOTICE.localized)).to_have_count(1)


def test_the_notice_text_twice_on_the_page_fails(page: Page) -> None:
    """Text is read, never clicked: no strict action would notice a second one."""
    twice = billing_section(NOTICE.localized) + f"<p>{NOTICE.localized}</p>"
    with pytest.raises(AssertionError, match="to_have_count"):
        products(page, twice).billing_section_with(NOTICE.localized)
