"""The docs-vs-UI drift matrix: for every article version, locale and control the article
names, what the UI showed, the verdict (see ``core.verdict``) and whether a reviewed erratum
covers it.

Checks are recorded as they happen (``DriftMatrix.record``); xdist workers ship their cells to
the controller as plain dicts (``to_records`` / ``merge_records``). A cell's verdict is the
worst one observed: one failing check outweighs any number of matches.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from core.article import Article
from core.verdict import (
    ARTICLE_DEFECT,
    MATCH,
    MISSING,
    NOT_RUN,
    UI_DIFFERS,
    VERDICTS,
    Judgement,
    Verdict,
)

SEVERITY = {NOT_RUN: 0, MATCH: 1, ARTICLE_DEFECT: 2, UI_DIFFERS: 3, MISSING: 4}
CSV_COLUMNS = (
    "article",
    "locale",
    "step",
    "unit",
    "english",
    "article_label",
    "ui_label",
    "verdict",
    "kind",
    "erratum",
)


@dataclass
class Cell:
    """One article version × locale × label of the matrix (``article`` is the label's text in
    the article; ``version`` the article version's id)."""

    locale: str
    step: int
    unit: str
    english: str
    article: str
    ui: str = ""
    verdict: Judgement = NOT_RUN
    kind: str = ""
    reason: str = ""
    known: str = ""  # the erratum's ticket when a reviewed erratum covers this cell
    translation: str = ""  # HT / MT
    checks: int = 0
    version: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.version, self.locale, self.unit, self.english)

    @property
    def drifted(self) -> bool:
        """A finding: anything checked that is not a match."""
        return self.verdict not in (MATCH, NOT_RUN)

    @property
    def unexplained(self) -> bool:
        """A finding no reviewed erratum covers: it fails the build."""
        return self.drifted and not self.known

    def observe(self, ui: str, verdict: Verdict, known: str) -> None:
        self.checks += 1
        # Worst wins; at the same verdict an unexplained finding outranks a known one.
        if (SEVERITY[verdict.verdict], not known) >= (SEVERITY[self.verdict], not self.known):
            self.ui, self.verdict, self.kind = ui, verdict.verdict, verdict.kind
            self.reason, self.known = verdict.reason, known


@dataclass
class DriftMatrix:
    """All cells, keyed by (article version, locale, unit id, English label)."""

    cells: dict[tuple[str, str, str, str], Cell] = field(default_factory=dict)

    def expect(self, article: Article) -> None:
        """Add a 'not-run' cell for every control the article names."""
        for label in article.slotted.values():
            cell = Cell(
                article.meta.locale,
                label.step,
                label.unit_id,
                label.english,
                label.localized,
                translation=article.meta.translationtype,
                version=article.spec.id,
            )
            self.cells.setdefault(cell.key, cell)

    def record(self, cell: Cell, ui: str, verdict: Verdict, known: str = "") -> Cell:
        """Record one check of ``cell``'s label; returns the matrix's cell."""
        mine = self.cells.setdefault(cell.key, cell)
        mine.observe(ui, verdict, known)
        return mine

    def to_records(self) -> list[dict[str, Any]]:
        """The cells as plain dicts (to ship from an xdist worker)."""
        return [asdict(cell) for cell in self.cells.values()]

    def merge_records(self, records: list[dict[str, Any]]) -> None:
        """Fold in another process's cells: checks add up, the worst verdict wins."""
        names = {f.name for f in fields(Cell)}
        for record in records:
            theirs = Cell(**{k: v for k, v in record.items() if k in names})
            theirs.verdict = Judgement(theirs.verdict)  # plain text after the JSON trip
            mine = self.cells.setdefault(theirs.key, Cell(**{**asdict(theirs), "checks": 0}))
            if theirs is mine or not theirs.checks:
                continue
            mine.observe(
                theirs.ui, Verdict(theirs.verdict, theirs.kind, theirs.reason), theirs.known
            )
            mine.checks += theirs.checks - 1

    def rows(self) -> list[Cell]:
        return sorted(
            self.cells.values(), key=lambda c: (c.version, c.locale, c.step, c.unit, c.english)
        )

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(VERDICTS, 0)
        for cell in self.cells.values():
            counts[cell.verdict] += 1
        return counts

    @property
    def checked(self) -> int:
        return sum(cell.checks for cell in self.cells.values())

    @property
    def unexplained(self) -> list[Cell]:
        return [cell for cell in self.rows() if cell.unexplained]

    def not_run(self, locales: set[str] | None = None) -> list[Cell]:
        """Cells never checked (in ``locales`` when given)."""
        return [
            cell
            for cell in self.rows()
            if cell.verdict == NOT_RUN and (locales is None or cell.locale in locales)
        ]

    def locale_summaries(self) -> list[str]:
        """One line per article version and locale: counts per verdict and how the article
        was translated."""
        lines = []
        for version, locale in sorted({(c.version, c.locale) for c in self.cells.values()}):
            cells = [c for c in self.rows() if (c.version, c.locale) == (version, locale)]
            counts = Counter(cell.verdict for cell in cells)
            known = sum(1 for cell in cells if cell.known)
            parts = [f"{counts[v]} {v}" for v in VERDICTS if counts[v]]
            kind = cells[0].translation or "?"
            lines.append(f"{version} {locale} ({kind}): {', '.join(parts)}; {known} known (errata)")
        return lines

    def as_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for c in self.rows():
            row = [c.version, c.locale, c.step, c.unit, c.english, c.article, c.ui, c.verdict]
            writer.writerow([*row, c.kind, c.known])
        return out.getvalue()

    def as_markdown(self) -> str:
        lines = [
            "| article | locale | step | unit | English source | article label | UI label | "
            "verdict | kind | erratum |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for c in self.rows():
            cells = [
                c.version,
                c.locale,
                str(c.step),
                c.unit,
                c.english,
                c.article or "—",
                c.ui or "—",
                c.verdict,
                c.kind,
                c.known,
            ]
            lines.append("| " + " | ".join(v.replace("|", "\\|") for v in cells) + " |")
        return "\n".join(lines) + "\n"


def is_failure(verdict: str) -> bool:
    """Verdicts that are findings (a match or an unchecked cell is not)."""
    return verdict in (ARTICLE_DEFECT, UI_DIFFERS, MISSING)
