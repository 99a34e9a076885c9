"""The seeded-defect matrix through the browser (issue 22): a sample of cases judged by the
page objects' label check (``ArticleLabels.control``) on hand-made pages that show the seeded
UI name as a button — or no button, or a link where a button belongs — must reach the verdict
the fast path (``bench.confusion``) reached."""

from __future__ import annotations

import contextlib
import itertools
from collections import defaultdict
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from bench.confusion import AMBIGUOUS, Case, all_cases, decided_of
from core.article import Label
from core.findings import LabelMismatch
from core.verdict import Verdict
from pages.labels import ArticleLabels

SCRIPTS = ["de-DE", "ru-RU", "el-GR", "ar-SA", "he-IL", "th-TH", "ja-JP", "zh-CN"]
PER_CLASS = 6


def sample() -> list[Case]:
    """Up to ``PER_CLASS`` cases of each seeded class, taken in turn from each script's copies
    (both versions), so every script and every class is in."""
    per_locale: dict[str, list[Case]] = defaultdict(list)
    for case in all_cases(SCRIPTS):
        if case.article is not None and case.seeded != AMBIGUOUS:
            per_locale[case.locale].append(case)
    in_turn = [c for group in itertools.zip_longest(*per_locale.values()) for c in group if c]
    by_class: dict[str, list[Case]] = defaultdict(list)
    for case in in_turn:
        chosen = by_class[case.seeded]
        if len(chosen) < PER_CLASS and case.locale not in {c.locale for c in chosen}:
            chosen.append(case)
    return [case for cases in by_class.values() for case in cases]


SAMPLE = sample()


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


def browser_verdict(page: Page, case: Case, html: str) -> str:
    assert case.article is not None and case.label is not None
    seen: list[Verdict] = []

    def record(label: Label, ui: str | None, verdict: Verdict, known: str) -> None:
        seen.append(verdict)

    page.set_content(html)
    labels = ArticleLabels(case.locale, case.article, [], record, wait_ms=100)
    slot = case.label.slot
    assert slot is not None
    place = page.get_by_test_id("control")
    with contextlib.suppress(LabelMismatch):  # no control: recorded before the step failed
        labels.control(slot, case.label.localized, page, "button", place)
    assert len(seen) == 1
    return decided_of(seen[0])


def test_the_sample_is_large_and_has_every_verdict() -> None:
    assert len(SAMPLE) >= 50
    verdicts = {case.decided.split(":")[0] for case in SAMPLE}
    assert verdicts == {"match", "article-defect", "ui-differs", "missing"}
    assert len({case.locale for case in SAMPLE}) == len(SCRIPTS)


def test_the_browser_reaches_the_fast_paths_verdict(page: Page) -> None:
    differ = []
    for case in SAMPLE:
        html = "" if case.ui is None else f'<button data-testid="control">{case.ui}</button>'
        got = browser_verdict(page, case, html)
        if got != case.decided:
            differ.append((case.locale, case.version, case.mutation, case.decided, got))
    assert differ == []


def test_a_control_that_changed_role_is_no_label_verdict(page: Page) -> None:
    """The seeded "another role": the label may be right, the control is not a button."""
    case = next(c for c in SAMPLE if c.mutation == "clean")
    with pytest.raises(AssertionError, match="is now a link"):
        browser_verdict(page, case, f'<a href="#" data-testid="control">{case.ui}</a>')
