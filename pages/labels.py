"""Finding a control by the label the article gives it, and explaining when the UI disagrees.

Page objects ask ``ArticleLabels.find`` for every control the article names: by role and exact
accessible name (text for non-controls such as the past-due notice), compared NFC with any
whitespace as a space. Each lookup is recorded in the drift matrix. When nothing carries the
article's label, the structural locator the page object passes (a test id, used only for this
diagnosis) tells what the UI shows at that place instead, and the failure says so with the
locale, the article's step and unit, and the English source label.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from features.article import Article, Label
from features.labels import comparable
from fixtures.drift import DIFFERS, MATCH, MISSING, DriftMatrix

CONTROL_NOT_FOUND = "Control not found"
LABEL_DIFFERS = "Label differs from the article"
FALLBACK_TIMEOUT_MS = 2000
# First line of an ARIA snapshot: `- button "Save"` (the name JSON-style quoted).
SNAPSHOT_NAME_RE = re.compile(r'^- [\w-]+ (?P<name>"(?:[^"\\]|\\.)*")')


class LabelMismatch(AssertionError):
    """The UI does not show a label the article names; the message explains where and how."""


@dataclass
class ArticleLabels:
    """The running scenario's article, its locale and the drift matrix to record into."""

    locale: str
    article: Article
    matrix: DriftMatrix

    def provenance(self, text: str) -> Label:
        label = self.article.find_label(text)
        if label is None:
            # The feature names a label the article does not: the feature is stale.
            raise LabelMismatch(
                f"[{self.locale}] {text!r} is not a label of {self.article.path.name}; "
                "regenerate the features (python -m features.generate)"
            )
        return label

    def find(self, scope: Page | Locator, role: str | None, text: str, place: Locator) -> Locator:
        """The element named ``text`` (role ``None`` = plain text) inside ``scope``.

        ``place`` locates, without using the label, where the UI puts that control.
        """
        __tracebackhide__ = True  # the message says it all; this frame adds nothing
        label = self.provenance(text)
        located = self._by_label(scope, role, text)
        try:
            expect(located).to_have_count(1)
        except AssertionError:
            shown = self._shown_at(place, role)
            if shown is not None and comparable(shown) == label.key:
                # Same label once normalized (NFC / NBSP): locate it as the UI spells it.
                located = self._by_label(scope, role, shown)
                if located.count() == 1:
                    self._record(label, shown, MATCH)
                    return located
            self._record(label, shown or "", DIFFERS if shown else MISSING)
            raise LabelMismatch(self.explain(label, role, shown)) from None
        self._record(label, text, MATCH)
        return located

    def _by_label(self, scope: Page | Locator, role: str | None, text: str) -> Locator:
        if role is None:
            return scope.get_by_text(text, exact=True)
        return scope.get_by_role(role, name=text, exact=True)  # type: ignore[arg-type]

    def _shown_at(self, place: Locator, role: str | None) -> str | None:
        """What the UI shows where the control belongs (its accessible name), or None."""
        try:
            place.first.wait_for(state="attached", timeout=FALLBACK_TIMEOUT_MS)
            if role is None:
                return place.first.inner_text().strip() or None
            snapshot = place.first.aria_snapshot()
        except PlaywrightError:
            return None
        match = SNAPSHOT_NAME_RE.match(snapshot)
        return json.loads(match["name"]) if match else None

    def _record(self, label: Label, ui: str, verdict: str) -> None:
        self.matrix.record(
            self.locale, label.step, label.unit_id, label.english, label.localized, ui, verdict
        )

    def explain(self, label: Label, role: str | None, shown: str | None) -> str:
        what = f"no {role}" if role else "no text"
        where = f"[{self.locale}] step {label.step}, unit {label.unit_id}"
        if shown is None:
            return (
                f"{CONTROL_NOT_FOUND}: {where}: {what} labelled {label.localized!r} "
                f"(English source {label.english!r}), and nothing similar was found where "
                "that control belongs."
            )
        return (
            f"{LABEL_DIFFERS}: {where}: the article says {label.localized!r} "
            f"(English source {label.english!r}), the UI shows {shown!r} instead."
        )
