"""Localization checks beyond labels: their findings, the reviewed known list, the reports.

One ``Observation`` per thing seen on a page state of the flow (an axe rule violated, a box
the text does not fit, a string that did not come through the catalogs). Those of impact
serious/critical (every layout and hard-coded-string problem is serious) fail the scenario
unless the reviewed list ``fixtures/l10n_known.yaml`` covers them, by rule, locale and page
(shell patterns). Reports: ``reports/accessibility.csv`` (``locale,page,rule,impact,nodes``)
and ``reports/overflow.csv`` (``locale,page,element,kind,text,pixels``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import yaml

from core.findings import VerdictFailure
from core.paths import L10N_KNOWN

FAILING_IMPACTS = ("serious", "critical")
A11Y_HEADER = ("locale", "page", "rule", "impact", "nodes")
OVERFLOW_HEADER = ("locale", "page", "element", "kind", "text", "pixels")
# Checks of our own, reported like axe rules.
LANG_RULE = "html-lang-is-locale"
DIR_RULE = "html-dir-is-locale-direction"
ANNOUNCED_RULE = "error-in-alert-region"
HARD_CODED = "hard-coded-string"
LAYOUT_PREFIX = "layout-"  # layout-overflows | layout-clipped | layout-ellipsis | layout-overlaps
NO_VIOLATION = "(none)"


@dataclass(frozen=True)
class Known:
    """A reviewed observation that does not fail a scenario, and why."""

    rule: str
    reason: str
    locale: str = "*"
    page: str = "*"

    def covers(self, rule: str, locale: str, page: str) -> bool:
        return (
            fnmatchcase(rule, self.rule)
            and fnmatchcase(locale, self.locale)
            and fnmatchcase(page, self.page)
        )


def load_known(path: Path = L10N_KNOWN) -> list[Known]:
    """The reviewed list; every entry needs a rule and a reason."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    known = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("rule") or not entry.get("reason"):
            raise ValueError(f"{path}: entry {index + 1} needs 'rule' and 'reason'")
        fields = ("rule", "reason", "locale", "page")
        known.append(Known(**{key: str(entry[key]) for key in fields if key in entry}))
    return known


@dataclass(frozen=True)
class Observation:
    """One rule violated on one page state of one locale."""

    locale: str
    page: str  # the flow's page state: products, settle-panel, refusal-<field>, confirmation
    rule: str
    impact: str
    nodes: tuple[str, ...]  # the elements, named
    detail: str = ""  # the text concerned (layout, hard-coded) or axe's help
    pixels: int = 0  # by how much the text does not fit (layout)
    known: str = ""  # the reviewed reason, when listed

    @property
    def fails(self) -> bool:
        return self.impact in FAILING_IMPACTS and not self.known

    def line(self) -> str:
        where = ", ".join(self.nodes[:5]) + (" …" if len(self.nodes) > 5 else "")
        known = f" [known: {self.known}]" if self.known else ""
        detail = f": {self.detail!r}" if self.detail else ""
        pixels = f" by {self.pixels} px" if self.pixels else ""
        return (
            f"[{self.locale}] page {self.page}: {self.rule} ({self.impact}) on {where}"
            f"{detail}{pixels}{known}"
        )


def judged(observation: Observation, known: list[Known]) -> Observation:
    """The observation with the reviewed reason that covers it, if any."""
    for entry in known:
        if entry.covers(observation.rule, observation.locale, observation.page):
            return Observation(**{**asdict(observation), "known": entry.reason})
    return observation


class L10nFailure(VerdictFailure):
    """Accessibility, layout or hard-coded-string problems no reviewed entry covers."""


def failure_message(observations: list[Observation]) -> str:
    failing = [obs for obs in observations if obs.fails]
    head = f"Localization QA: {len(failing)} problem(s) on the flow's pages:"
    return head + "\n" + "\n".join(f"  {obs.line()}" for obs in failing)


def _csv(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(sorted(rows, key=lambda row: tuple(str(cell) for cell in row)))
    return out.getvalue()


def accessibility_csv(observations: list[Observation], pages: set[tuple[str, str]]) -> str:
    """One row per rule violated per page state; a checked page without any gets '(none)'."""
    rows: list[tuple[object, ...]] = [
        (obs.locale, obs.page, obs.rule, obs.impact, len(obs.nodes))
        for obs in observations
        if obs.rule != HARD_CODED and not obs.rule.startswith(LAYOUT_PREFIX)
    ]
    seen = {(row[0], row[1]) for row in rows}
    rows += [(loc, page, NO_VIOLATION, "", 0) for loc, page in pages if (loc, page) not in seen]
    return _csv(A11Y_HEADER, list(dict.fromkeys(rows)))


def overflow_csv(observations: list[Observation]) -> str:
    """One row per element whose text does not fit, per page state."""
    rows: list[tuple[object, ...]] = []
    for obs in observations:
        if obs.rule.startswith(LAYOUT_PREFIX):
            kind = obs.rule.removeprefix(LAYOUT_PREFIX)
            rows += [
                (obs.locale, obs.page, node, kind, obs.detail, obs.pixels) for node in obs.nodes
            ]
    return _csv(OVERFLOW_HEADER, list(dict.fromkeys(rows)))
