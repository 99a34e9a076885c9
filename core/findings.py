"""A label check that did not match, and the failure that lists a scenario's findings.

Label checks are soft: a scenario records every finding and goes on with the control found at
its place; at its end, the findings no reviewed erratum covers fail it, all listed at once.
The first words of the message name the Allure category ("UI differs from the article",
"Article defect", "Control not found").
"""

from __future__ import annotations

from dataclasses import dataclass

from core.article import Label
from core.verdict import ARTICLE_DEFECT, MISSING, UI_DIFFERS, Verdict

CATEGORY = {
    UI_DIFFERS: "UI differs from the article",
    ARTICLE_DEFECT: "Article defect",
    MISSING: "Control not found",
}
# When one scenario has several findings, its message leads with the most serious one.
PRECEDENCE = (MISSING, UI_DIFFERS, ARTICLE_DEFECT)


@dataclass(frozen=True)
class Finding:
    """One label the UI does not show as the article names it."""

    locale: str
    label: Label
    ui: str | None
    verdict: Verdict
    known: str = ""  # the erratum's ticket when reviewed and accepted

    def line(self) -> str:
        """One line: where, what the article says, what the UI shows, the verdict and why."""
        label = self.label
        kind = f" ({self.verdict.kind})" if self.verdict.kind else ""
        ui = repr(self.ui) if self.ui is not None else "no such control"
        known = f" [known: {self.known}]" if self.known else ""
        return (
            f"[{self.locale}] step {label.step}, unit {label.unit_id}, {label.english!r}: "
            f"article {label.localized!r}, UI {ui} -> {self.verdict.verdict}{kind}: "
            f"{self.verdict.reason}{known}"
        )


class VerdictFailure(AssertionError):
    """A scenario's verdict, fully said by its message: reports show the message alone."""


class LabelMismatch(VerdictFailure):
    """The UI does not show labels as the article names them (and no erratum covers it)."""


def mismatch_message(findings: list[Finding]) -> str:
    """The failure message for a scenario's unexplained findings, most serious first."""
    ordered = sorted(findings, key=lambda f: PRECEDENCE.index(f.verdict.verdict))
    head = CATEGORY[ordered[0].verdict.verdict]
    count = f"{len(ordered)} label finding(s) no erratum covers"
    return f"{head}: {count}:\n" + "\n".join(f"  {f.line()}" for f in ordered)
