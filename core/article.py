"""The article model's entry point: ``load_article(path, spec)`` -> ``Article``.

An article is Markdown with YAML front matter in which every sentence is a translation unit
holding the localized text and its English source (a single-language copy gets its English
from the spec's source copy, block by block). ``spec`` (an ``ArticleSpec``) says which
documented version of the flow the file is: which section is the flow, how a step is
classified and which controls its labels name. Problems that still allow a useful feature
are ``Diagnostic``s (a label the article lost is an empty label, never a reason to stop);
problems that do not raise ``ArticleError`` naming the file and the reason — among them an
article that is not the one the spec describes.
"""

from __future__ import annotations

from pathlib import Path

from core.alignment import add_doubts, align_step_labels, assign_slots
from core.model import (
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
    UNIT_START_RE,
    check_identity,
    cut_section,
    pair_with_source,
    parse_front_matter,
    parse_steps,
    parse_units,
    read_text,
)
from core.spec import ArticleSpec

__all__ = [
    "Action",
    "Article",
    "ArticleError",
    "ArticleSpec",
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


def load_article(path: Path, spec: ArticleSpec) -> Article:
    """Read and parse one copy of ``spec``'s article; raise ``ArticleError`` if unusable."""
    return parse_article(read_text(path), path, spec)


def parse_article(text: str, path: Path, spec: ArticleSpec) -> Article:
    """Parse an article's text; ``path`` is used in messages and kept on the result."""
    if not text.strip():
        raise ArticleError(f"{path}: the file is empty")
    is_source = bool(spec.source_locale) and path.stem == spec.source_locale
    meta, content, topic = parse_front_matter(text, path, spec.source_locale if is_source else "")
    if spec.section_anchor:
        content = flow_section(content, spec, path)
    units = parse_units(content, path)
    steps = parse_steps(content, units, path)
    check_identity(content, units, topic, spec, path)
    diagnostics: list[Diagnostic] = []
    for step in steps:
        step.labels = align_step_labels(step, path, diagnostics)
        step.action, step.options = spec.classify(step)
        if step.action is None:
            diagnostics.append(
                Diagnostic(
                    str(path),
                    step.units[0].id,
                    f"step {step.number}: the English source names no action the suite knows",
                    step.english,
                    step.localized,
                )
            )
        step.labels = assign_slots(step, spec.slots_by_action)
    add_doubts(steps, path, diagnostics)
    return Article(spec, path, meta, units, steps, diagnostics)


def flow_section(content: str, spec: ArticleSpec, path: Path) -> str:
    """The flow's section; a single-language copy paired with the English source copy's."""
    section = cut_section(content, spec, path)
    if UNIT_START_RE.search(section) or not spec.source_locale:
        return section
    source_path = spec.article_path(spec.source_locale)
    _, source_content, _ = parse_front_matter(
        read_text(source_path), source_path, spec.source_locale
    )
    source = cut_section(source_content, spec, source_path)
    return pair_with_source(section, source, path, source_path)
