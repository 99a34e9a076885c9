"""Propose errata from a run's drift matrix: ``python -m features.propose_errata [CSV]``.

Reads ``reports/drift-matrix.csv`` (the last full run) and prints, per locale, the YAML of an
erratum for every ``article-defect`` cell not yet listed in
``articles/<version>/errata/<locale>.yaml``.
Nothing is written: QA reviews each proposal (is it really the article's fault? which ticket?)
and pastes it into the locale's errata file with their name in ``accepted_by``. Cells with
other verdicts (``ui-differs``, ``missing``) are never proposed: they are not article defects.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import yaml

from articles import spec_for
from core.errata import load_errata
from core.paths import REPORTS, ROOT
from core.verdict import ARTICLE_DEFECT

TICKET_TODO = "TODO: link the docs ticket"
REVIEWER_TODO = "TODO: who reviewed it"


def proposals(rows: list[dict[str, str]]) -> dict[tuple[str, str], list[dict[str, str]]]:
    """Per (article version, locale), the errata entries the matrix's article defects call
    for."""
    found: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["verdict"] != ARTICLE_DEFECT:
            continue
        listed = load_errata(row["locale"], spec_for(row["article"]).errata)
        if any((e.unit, e.english) == (row["unit"], row["english"]) for e in listed):
            continue
        found[(row["article"], row["locale"])].append(
            {
                "unit": row["unit"],
                "english": row["english"],
                "article": row["article_label"],
                "ui": row["ui_label"],
                "kind": row["kind"],
                "ticket": TICKET_TODO,
                "accepted_by": REVIEWER_TODO,
            }
        )
    return dict(found)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m features.propose_errata", description=__doc__)
    parser.add_argument(
        "csv", type=Path, nargs="?", default=ROOT / REPORTS / "drift-matrix.csv", help="matrix"
    )
    args = parser.parse_args(argv)
    try:
        with args.csv.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        print(f"error: {args.csv}: {error.strerror} (run the whole suite first)", file=sys.stderr)
        return 1
    for (article_id, locale), entries in sorted(proposals(rows).items()):
        path = spec_for(article_id).errata / f"{locale}.yaml"
        print(f"# {path.relative_to(ROOT)}")
        print(yaml.safe_dump({"locale": locale, "errata": entries}, allow_unicode=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
