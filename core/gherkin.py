"""Gherkin text the generator and the article specs share: a scenario as data, and quoting
that keeps every localized label one safe step parameter on one line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core import scenario_data as data
from core.labels import unlink
from core.model import Action, Article, ArticleError, Label, Slot, Step

CONTROL_CHARS_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True)
class Scenario:
    """A scenario: name, tags and its lines (comments and steps, unindented)."""

    name: str
    tags: tuple[str, ...]
    lines: tuple[str, ...]


def quote(text: str) -> str:
    """A Gherkin step parameter: double-quoted, with backslash and quote escaped."""
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def one_line(text: str) -> str:
    """Text safe for a single Gherkin line: control characters and newlines become spaces."""
    return CONTROL_CHARS_RE.sub(" ", text).strip()


def step_comment(step: Step) -> str:
    """The comment quoting an article step, links reduced to their text."""
    return f"# {step.number}. {one_line(unlink(step.localized))}"


CARDS_HEADER = ("brand", "number", "expires", "holder", "on file")


class StepLines:
    """What every article version's scenario builder needs: its steps and labels (or a clear
    refusal naming the file), the quoted step with its doubted labels, and the Background of
    the scenarios' shared test data."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def _require(self, action: Action) -> Step:
        step = self.article.step_for(action)
        if step is None:
            raise ArticleError(f"{self.article.path}: no numbered step does '{action.value}'")
        return step

    def _label(self, slot: Slot) -> Label:
        label = self.article.label(slot)
        if label is None:
            raise ArticleError(
                f"{self.article.path}: the English source names no {slot.value!r} control"
            )
        return label

    def comment(self, step: Step) -> list[str]:
        """The article step quoted, and a note for each of its labels the article lost."""
        lines = [step_comment(step)]
        for label in step.labels:
            if label.slot is not None and label.doubts:
                lines.append(
                    f"# article defect? {label.english!r} -> {label.localized!r}: "
                    f"{one_line('; '.join(label.doubts))}"
                )
        return lines

    def background(self) -> list[str]:
        amount, currency = data.BALANCE_AMOUNT, data.BALANCE_CURRENCY
        rows = [CARDS_HEADER] + [
            (c.brand, c.number, c.expires, c.holder, "yes" if c.on_file else "no")
            for c in data.SAVED_CARDS
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(CARDS_HEADER))]
        table = [
            "  | " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |"
            for row in rows
        ]
        return [
            f"Given a tenant whose subscription has a past-due balance of {quote(amount)} "
            f"{quote(currency)}",
            "And these credit cards are saved for the tenant:",
            *table,
        ]
