"""Reviewed errata: article defects QA has accepted as known, per locale.

``articles/<version>/errata/<locale>.yaml`` lists each known defect of that locale's copy of
that article version::

    locale: tr-TR
    errata:
      - unit: 35b66-109          # translation unit of the label
        english: Save            # the English source label
        ui: Kaydet               # what the UI shows (the real control name)
        kind: verb               # the article-defect kind the triage found
        article: tıklayın        # what the article's bold says (optional; stale when it changes)
        ticket: https://…        # where the defect is reported to the docs team
        accepted_by: name        # who reviewed and accepted it

A check whose verdict is ``article-defect`` of that kind, for that unit, label and UI text is
*known*: reported, shown in the matrix, but it does not fail the build. An erratum that no
longer matches what the article says (the docs team fixed it) is *stale*.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from core.article import Article
from core.labels import comparable
from core.verdict import ARTICLE_DEFECT, KINDS, Verdict

FIELDS = ("unit", "english", "ui", "kind", "ticket", "accepted_by")


class ErrataError(ValueError):
    """An errata file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Erratum:
    """One known article defect."""

    unit: str
    english: str
    ui: str
    kind: str
    ticket: str
    accepted_by: str
    article: str = ""  # what the article's bold said when the defect was accepted

    def covers(self, unit: str, english: str, ui: str, verdict: Verdict, article: str = "") -> bool:
        """This finding, for this label, this UI text, this kind — and, when the erratum
        records it, this article text (a changed bold is a new finding to triage)."""
        if self.article and article and comparable(self.article) != comparable(article):
            return False
        return (
            (self.unit, self.english) == (unit, english)
            and comparable(self.ui) == comparable(ui)
            and verdict.verdict == ARTICLE_DEFECT
            and verdict.kind == self.kind
        )


def load_errata(locale: str, folder: Path) -> list[Erratum]:
    """The errata of ``locale`` in an article version's errata ``folder`` (none when it has
    no file)."""
    path = folder / f"{locale}.yaml"
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ErrataError(f"{path}: cannot read errata: {error}") from error
    if not isinstance(data, dict) or data.get("locale") != locale:
        raise ErrataError(f"{path}: field 'locale' must be {locale!r}")
    entries = data.get("errata")
    entries = [] if entries is None else entries
    if not isinstance(entries, list):
        raise ErrataError(f"{path}: field 'errata' must be a list")
    return [_erratum(path, index, entry) for index, entry in enumerate(entries)]


def _erratum(path: Path, index: int, entry: Any) -> Erratum:
    if not isinstance(entry, dict):
        raise ErrataError(f"{path}: errata[{index}] must be a mapping")
    for name in FIELDS:
        if not str(entry.get(name) or "").strip():
            raise ErrataError(f"{path}: errata[{index}].{name} is missing or empty")
    if entry["kind"] not in KINDS:
        raise ErrataError(
            f"{path}: errata[{index}].kind is {entry['kind']!r}, expected one of {', '.join(KINDS)}"
        )
    values = {name: str(entry[name]).strip() for name in FIELDS}
    return Erratum(**values, article=str(entry.get("article") or "").strip())


def known(
    errata: list[Erratum], unit: str, english: str, ui: str, verdict: Verdict, article: str = ""
) -> str:
    """The ticket of the erratum covering this finding, or '' when none does."""
    return next((e.ticket for e in errata if e.covers(unit, english, ui, verdict, article)), "")


def stale(errata: list[Erratum], article: Article) -> list[str]:
    """Errata that no longer describe the article: its unit or label is gone, or the article's
    label now equals what the UI shows (the defect was fixed)."""
    labels = {(label.unit_id, label.english): label for label in article.labels}
    problems = []
    for erratum in errata:
        label = labels.get((erratum.unit, erratum.english))
        if label is None:
            problems.append(f"{erratum.unit} {erratum.english!r}: no such label in the article")
        elif comparable(label.localized) == comparable(erratum.ui) and not label.quoted:
            problems.append(
                f"{erratum.unit} {erratum.english!r}: the article now says {label.localized!r}, "
                "as the UI does (fixed: remove the erratum)"
            )
        elif erratum.article and comparable(label.localized) != comparable(erratum.article):
            problems.append(
                f"{erratum.unit} {erratum.english!r}: the article now says {label.localized!r}, "
                f"not {erratum.article!r} (changed: triage it again)"
            )
    return problems
