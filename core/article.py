"""The article model's entry point: ``load_article(path)`` -> ``Article``.

An article is Markdown with YAML front matter in which every sentence is a translation unit
holding the localized text and its English source. Problems that still allow a useful feature
are ``Diagnostic``s (a label the article lost is an empty label, never a reason to stop);
problems that do not raise ``ArticleError`` naming the file and the reason — among them an
article that is not "Settle an outstanding balance".
"""

from __future__ import annotations

from pathlib import Path

from core.alignment import add_doubts, align_step_labels, assign_slots
from core.model import (
    SLOTS_BY_ACTION,
    Action,
    Article,
    ArticleError,
    Diagnostic,
    Label,
    Meta,
    Option,
    Slot,
    Step,
    Unit,
)
from core.parsing import (
    SUPPORTED,
    check_identity,
    classify,
    parse_front_matter,
    parse_steps,
    parse_units,
    read_text,
)

__all__ = [
    "SLOTS_BY_ACTION",
    "SUPPORTED",
    "Action",
    "Article",
    "ArticleError",
    "Diagnostic",
    "Label",
    "Meta",
    "Option",
    "Slot",
    "Step",
    "Unit",
    "load_article",
    "parse_article",
]


def load_article(path: Path) -> Article:
    """Read and parse one article file; raise ``ArticleError`` if it is unusable."""
    return parse_article(read_text(path), path)


def parse_article(text: str, path: Path) -> Article:
    """Parse an article's text; ``path`` is used in messages and kept on the result."""
    if not text.strip():
        raise ArticleError(f"{path}: the file is empty")
    meta, content, topic = parse_front_matter(text, path)
    units = parse_units(content, path)
    steps = parse_steps(content, units, path)
    check_identity(content, units, topic, path)
    diagnostics: list[Diagnostic] = []
    for step in steps:
        step.labels = align_step_labels(step, path, diagnostics)
        step.action, step.options = classify(step)
        if step.action is Action.UNKNOWN:
            diagnostics.append(
                Diagnostic(
                    str(path),
                    step.units[0].id,
                    f"step {step.number}: the English source names no action the suite knows",
                    step.english,
                    step.localized,
                )
            )
        step.labels = assign_slots(step)
    add_doubts(steps, path, diagnostics)
    return Article(path, meta, units, steps, diagnostics)
