"""What is wrong with a page's localization as it is now: one audit of one page state.

Language and direction of the document, error messages outside an alert region, axe-core's
violations, text that overflows, is clipped or overlaps, and (pseudo-locales) hard-coded
strings: each an ``Observation`` naming locale, page state, rule and element. Scheduling
(once per locale and state), judging against the known list and reporting are the plugin's
(``fixtures.l10n_checks``); the benchmark's floor runs the same audit without pytest.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from core import l10n_checks as model
from core.l10n_checks import Observation
from core.pseudo import direction, hard_coded, is_pseudo
from pages import page_probe
from pages.accessibility import audit


def observe(page: Page, locale: str, state: str) -> tuple[list[Observation], dict[str, Any]]:
    """Everything wrong on the page as it is now, and axe's summary."""
    found: list[Observation] = []

    def add(rule: str, impact: str, nodes: list[str], detail: str = "", pixels: int = 0) -> None:
        found.append(Observation(locale, state, rule, impact, tuple(nodes), detail, pixels))

    lang, dir_ = page_probe.document_language(page)
    if lang != locale:
        add(model.LANG_RULE, "serious", ["html"], f"lang={lang!r}, expected {locale!r}")
    if dir_ != direction(locale):
        add(model.DIR_RULE, "serious", ["html"], f"dir={dir_!r}, expected {direction(locale)!r}")
    unannounced = page_probe.unannounced_errors(page)
    if unannounced:
        add(model.ANNOUNCED_RULE, "serious", unannounced, "error message not in role=alert")
    violations, response = audit(page)
    for violation in violations:
        add(violation.rule, violation.impact, list(violation.targets), violation.help)
    for problem in page_probe.layout_problems(page):
        pixels = int(problem["by"])
        text = problem["text"]
        node = problem["element"]
        if problem["kind"] == "overlaps":
            node = f"{node} and {problem['axis']}"
        add(model.LAYOUT_PREFIX + problem["kind"], "serious", [node], text, pixels)
    if is_pseudo(locale):
        for shown in page_probe.shown_texts(page):
            words = hard_coded(shown["text"])
            if words:
                add(model.HARD_CODED, "serious", [shown["element"]], words)
    summary = {
        "url": page.url,
        "violations": [(v.rule, v.impact, len(v.targets)) for v in violations],
        "axe": response.get("testEngine", {}),
    }
    return found, summary
