"""axe-core on the current page (axe-playwright-python ships axe offline).

Runs axe's default rules plus ``label-content-name-mismatch`` (experimental, off by default:
a control whose visible label is not part of its accessible name — the translation drifted
between the label and the aria-label). Returns one ``AxeViolation`` per violated rule and
proves the extra rule actually ran (axe ignores an unknown rule id silently).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

EXTRA_RULES = ("label-content-name-mismatch",)
OPTIONS = {
    "rules": {rule: {"enabled": True} for rule in EXTRA_RULES},
    "resultTypes": ["violations"],
}
_AXE = Axe()


@dataclass(frozen=True)
class AxeViolation:
    """One violated rule on one page: its impact and the elements (CSS targets) involved."""

    rule: str
    impact: str
    targets: tuple[str, ...]
    help: str


def audit(page: Page) -> tuple[list[AxeViolation], dict[str, Any]]:
    """The page's violations and axe's raw response (for the report)."""
    response = _AXE.run(page, options=OPTIONS).response
    ran = {
        rule["id"]
        for kind in ("violations", "passes", "incomplete", "inapplicable")
        for rule in response.get(kind, [])
    }
    missing = [rule for rule in EXTRA_RULES if rule not in ran]
    if missing:
        raise RuntimeError(f"axe did not run the rule(s) {missing}: is this axe-core too old?")
    violations = [
        AxeViolation(
            rule=item["id"],
            impact=item.get("impact") or "minor",
            targets=tuple(_target(node.get("target")) for node in item.get("nodes", [])),
            help=item.get("help", ""),
        )
        for item in response["violations"]
    ]
    return violations, response


def _target(target: object) -> str:
    """axe's CSS target: a list of selectors (one per frame or shadow root) as one string."""
    if isinstance(target, list):
        return " >>> ".join(_target(part) for part in target)
    return str(target)
