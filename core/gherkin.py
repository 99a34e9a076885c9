"""Gherkin text the generator and the article specs share: a scenario as data, and quoting
that keeps every localized label one safe step parameter on one line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.labels import unlink
from core.model import Step

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
