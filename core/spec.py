"""What the generic engine needs to know about one documented version of the flow.

The flow "settle an outstanding balance" has been documented by more than one article over
time (the 2021 article, then a section of *Pay for your subscription*). Each version is
declared once, as an ``ArticleSpec`` in its own package under ``articles/``: its identity
(title, heading anchor, which section of the file is the flow), the controls its labels name
(``Slot``s per ``Action``), how a numbered step is classified from its English source, the
scenarios it describes (``background`` and ``scenarios``: Gherkin lines built from a parsed
article) and the UI release it was written for. Parsing, alignment, doubts,
verdicts and the drift matrix take a spec as data and know no article of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.paths import available_locales

if TYPE_CHECKING:
    from core.gherkin import Scenario
    from core.model import Action, Article, Option, Slot, Step

Classifier = Callable[["Step"], "tuple[Action | None, tuple[Option, ...]]"]


@dataclass(frozen=True)
class ArticleSpec:
    """One documented version of the flow.

    ``id``: stable identity in reports, tags and errata (``settle-balance-2021``).
    ``release``: the admin-center UI release it documents (``2021``).
    ``title``: the English title of the article (the first unit, or the heading of the
    section when ``section_anchor`` is set). ``anchor``: the article's first heading anchor.
    ``section_anchor``: when the flow is one section of a longer article, the anchor of that
    section's heading (the rest of the article is not a flow). ``source_locale``: the locale
    whose copy gives the English source of single-language copies (empty: every copy must be
    side-by-side). ``folder``: where its localized copies (``locales/``) and reviewed errata
    (``errata/``) live. ``feature_name``: the generated feature's file name.
    """

    id: str
    release: str
    title: str
    anchor: str
    folder: Path
    feature_name: str
    slots_by_action: Mapping[Action, tuple[Slot, ...]]
    classify: Classifier
    background: Callable[[Article], list[str]]
    scenarios: Callable[[Article], Iterator[Scenario]]
    section_anchor: str = ""
    source_locale: str = ""

    @property
    def articles(self) -> Path:
        """The folder of its localized copies, one ``<locale>.md`` each."""
        return self.folder / "locales"

    @property
    def errata(self) -> Path:
        """The folder of its reviewed errata, one ``<locale>.yaml`` each."""
        return self.folder / "errata"

    def article_path(self, locale: str) -> Path:
        return self.articles / f"{locale}.md"

    def locales(self) -> list[str]:
        """Every locale it is published in here (the source copy of single-language
        copies is English and is a locale too)."""
        return available_locales(self.articles)

    def describe(self) -> str:
        """How a person recognises it, for messages that refuse another file."""
        where = f" section #{self.section_anchor}" if self.section_anchor else ""
        return f"'{self.title}' (anchor #{self.anchor}{where}, ms.topic: article)"
