"""Finding a control by the label the article gives it, and judging when the UI disagrees.

Page objects ask ``ArticleLabels.control`` for every control the article names, passing the
control's ``Slot`` (which control it is), the label from the feature, the role, and where the
UI puts that control (a structural locator the page object declares). The check is soft: the
control's accessible name is read at its place and judged against the article
(``core.verdict.judge``); a match returns the role-and-name locator, anything else is recorded
as a ``Finding`` and the flow goes on with the control found at its place. Only a control that
is not there at all stops the scenario.

Each check costs one browser round trip: the ARIA snapshot of the place gives role and name at
once, and Playwright's strictness asserts "exactly one": the place must resolve to one element
(else a strict-mode error names them all), and so must the role-and-name locator a match
returns when the step acts on it (a second control with the same name fails that action).
Plain text (the notice) is read, never acted on: its match is counted here instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import yaml
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from core.article import Article, Label, Slot
from core.errata import Erratum, known
from core.findings import Finding, LabelMismatch, mismatch_message
from core.labels import comparable
from core.verdict import MATCH, Verdict, judge

# First line of an ARIA snapshot: `- button "Save"` (the name JSON-style quoted).
SNAPSHOT_NAME_RE = re.compile(r'^(?P<role>[\w-]+) (?P<name>"(?:[^"\\]|\\.)*")')
Role = Literal["button", "link", "tab"]
DEFAULT_WAIT_MS = 5000


@dataclass
class ArticleLabels:
    """The running scenario's article and errata, where findings go, and those found so far."""

    locale: str
    article: Article
    errata: list[Erratum]
    record: Callable[[Label, str | None, Verdict, str], None]
    findings: list[Finding] = field(default_factory=list)
    wait_ms: float = DEFAULT_WAIT_MS  # how long a control may take to appear at its place

    def label(self, slot: Slot, text: str) -> Label:
        """The article's label for ``slot``; the feature's text must be that label."""
        label = self.article.label(slot)
        if label is None or comparable(label.localized) != comparable(text):
            # The feature names a label the article does not: the feature is stale.
            raise LabelMismatch(
                f"[{self.locale}] {text!r} is not the article's label for {slot.value} "
                f"({self.article.path.name}); regenerate: python -m features.generate"
            )
        return label

    def control(
        self, slot: Slot, text: str, scope: Page | Locator, role: Role | None, place: Locator
    ) -> Locator:
        """The control ``slot`` inside ``scope``; ``role`` None means plain text (a notice)."""
        __tracebackhide__ = True
        label = self.label(slot, text)
        ui = self._shown_at(label, place, role)
        verdict = judge(self.article, label, ui)
        ticket = known(
            self.errata, label.unit_id, label.english, ui or "", verdict, label.localized
        )
        self.record(label, ui, verdict, ticket)
        if verdict.verdict == MATCH:
            located = _by_name(scope, role, ui or text)
            if role is None:
                # Text is read, never acted on: nothing strict follows, so count it here.
                expect(located).to_have_count(1)
            # A control's locator is clicked by the caller: strict, exactly one.
            return located
        finding = Finding(self.locale, label, ui, verdict, ticket)
        if finding not in self.findings:  # a label checked twice is one finding
            self.findings.append(finding)
        if ui is None:
            raise LabelMismatch(mismatch_message([finding]))
        return place

    def _shown_at(self, label: Label, place: Locator, role: Role | None) -> str | None:
        """What the UI shows where the control belongs (its accessible name), or None when
        nothing appears there in time. Other Playwright errors (a place that resolves to two
        elements: strict mode) are step errors, not a missing control."""
        try:
            if role is None:
                return place.inner_text(timeout=self.wait_ms).strip() or None
            snapshot = place.aria_snapshot(timeout=self.wait_ms)
        except PlaywrightTimeoutError:
            return None
        shown_role, name = snapshot_role_and_name(snapshot)
        if not snapshot.strip():
            raise AssertionError(
                f"[{self.locale}] the {role} for {label.english!r} at {place} is hidden or not "
                "in the accessibility tree"
            )
        if shown_role != role:
            # A UI change, not a label verdict: the control is no longer what users operate.
            raise AssertionError(
                f"[{self.locale}] the {role} for {label.english!r} is now a "
                f"{shown_role or 'element without a role'} (named {name!r}) at {place}"
            )
        return name

    def __repr__(self) -> str:  # a readable step parameter in reports
        return f"ArticleLabels({self.locale}, {len(self.findings)} finding(s))"

    @property
    def unexplained(self) -> list[Finding]:
        """Findings no reviewed erratum covers: they fail the scenario at its end."""
        return [finding for finding in self.findings if not finding.known]


def accessible_name(snapshot: str) -> str:
    """The name in the first line of an ARIA snapshot: ``- button "Save"`` (YAML; Playwright
    quotes the whole line when the name holds ": " or "#", and drops very long names)."""
    return snapshot_role_and_name(snapshot)[1]


def snapshot_role_and_name(snapshot: str) -> tuple[str, str]:
    """Role and name of the first line of an ARIA snapshot ('' for what it does not say)."""
    try:
        first = yaml.safe_load(snapshot)
    except yaml.YAMLError:
        first = None
    entry = first[0] if isinstance(first, list) and first else first
    if isinstance(entry, dict) and len(entry) == 1:
        entry = next(iter(entry))
    text = str(entry) if entry is not None else ""
    match = SNAPSHOT_NAME_RE.match(text)
    if match:
        return match["role"], json.loads(match["name"])
    return text.split(" ", 1)[0] if text else "", ""


def _by_name(scope: Page | Locator, role: Role | None, name: str) -> Locator:
    if role is None:
        return scope.get_by_text(name, exact=True)
    return scope.get_by_role(role, name=name, exact=True)
