"""Which article versions a UI release makes outdated, per locale.

Input: one drift matrix per UI release (every article version, every locale, run against that
release: ``make releases``). Output: one row per (release, article version, locale) with the
label counts per verdict and a status a docs lead acts on:

* ``current``: every label the copy names matches the release's UI;
* ``known-defects``: no UI drift; the copy's differences are reviewed errata;
* ``outdated``: the release shows something else, or nothing, where the copy names a control
  (``ui-differs``, ``missing``), or the copy has an article defect nobody reviewed;
* ``broken``: the run could not judge the copy (labels left unchecked with no finding).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from core.verdict import ARTICLE_DEFECT, MATCH, MISSING, NOT_RUN, UI_DIFFERS

CSV_COLUMNS = (
    "release",
    "article",
    "locale",
    "labels",
    "match",
    "article_defect",
    "ui_differs",
    "missing",
    "not_run",
    "status",
)
CURRENT, KNOWN_DEFECTS, OUTDATED, BROKEN = "current", "known-defects", "outdated", "broken"
STATUSES = (CURRENT, KNOWN_DEFECTS, OUTDATED, BROKEN)


@dataclass(frozen=True)
class Impact:
    """One copy of one article version, against one UI release."""

    release: str
    article: str
    locale: str
    counts: Counter[str]
    unexplained_defects: int
    first_gone: str  # the first label the release shows nothing for ('' if none)

    @property
    def labels(self) -> int:
        return sum(self.counts.values())

    @property
    def status(self) -> str:
        if self.counts[UI_DIFFERS] or self.counts[MISSING] or self.unexplained_defects:
            return OUTDATED
        if self.counts[NOT_RUN]:
            return BROKEN
        return KNOWN_DEFECTS if self.counts[ARTICLE_DEFECT] else CURRENT

    def row(self) -> list[str]:
        counts = [self.counts[v] for v in (MATCH, ARTICLE_DEFECT, UI_DIFFERS, MISSING, NOT_RUN)]
        return [self.release, self.article, self.locale, str(self.labels), *map(str, counts),
                self.status]  # fmt: skip


def impacts(release: str, cells: list[dict[str, str]]) -> list[Impact]:
    """The impact rows of one release, from its drift matrix's CSV rows."""
    copies: dict[tuple[str, str], list[dict[str, str]]] = {}
    for cell in cells:
        copies.setdefault((cell["article"], cell["locale"]), []).append(cell)
    found = []
    for (article, locale), rows in sorted(copies.items()):
        gone = next((row["english"] for row in rows if row["verdict"] == MISSING), "")
        unexplained = sum(
            1 for row in rows if row["verdict"] == ARTICLE_DEFECT and not row.get("erratum")
        )
        counts = Counter(row["verdict"] for row in rows)
        found.append(Impact(release, article, locale, counts, unexplained, gone))
    return found


def summary(rows: list[Impact]) -> list[str]:
    """One sentence per release a docs lead reads in ten seconds."""
    lines = []
    for release in sorted({row.release for row in rows}):
        parts = []
        for article in sorted({row.article for row in rows if row.release == release}):
            mine = [row for row in rows if (row.release, row.article) == (release, article)]
            statuses = Counter(row.status for row in mine)
            shares = [f"{s.replace('-', ' ')} in {statuses[s]}/{len(mine)}" for s in STATUSES
                      if statuses[s]]  # fmt: skip
            gone = Counter(row.first_gone for row in mine if row.first_gone)
            why = f" (no control for {gone.most_common(1)[0][0]!r})" if gone else ""
            parts.append(f"{article} is {', '.join(shares)}{why}")
        lines.append(f"release {release}: " + "; ".join(parts))
    return lines
