"""Command line: which article versions each UI release makes outdated, per locale.

    python -m features.release_impact [FOLDER]

Reads ``FOLDER/<release>/drift-matrix.csv`` for every release the suite knows (``make
releases`` runs every article version in every locale against each release and writes them;
default ``reports/releases``), writes ``reports/release-impact.csv`` (header
``release,article,locale,labels,match,article_defect,ui_differs,missing,not_run,status``) and
``reports/release-impact.md``, and prints one line per release. A release whose matrix is
missing is an error (exit 1): an impact report that silently left a release out would say
"current" about what was never run; so is a copy no run could judge (status ``broken``).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from articles import RELEASES
from core.paths import REPORTS, ROOT, write_whole
from core.release_impact import BROKEN, CSV_COLUMNS, Impact, impacts, summary


def read_release(folder: Path, release: str) -> list[Impact]:
    path = folder / release / "drift-matrix.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return impacts(release, list(csv.DictReader(handle)))


def as_csv(rows: list[Impact]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(row.row() for row in rows)
    return out.getvalue()


def as_markdown(rows: list[Impact]) -> str:
    lines = ["# Release impact: which articles each UI release makes outdated", ""]
    lines += [f"- {line}" for line in summary(rows)]
    lines += ["", "| " + " | ".join(CSV_COLUMNS) + " |", "|" + "---|" * len(CSV_COLUMNS)]
    lines += ["| " + " | ".join(row.row()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m features.release_impact", description=__doc__)
    parser.add_argument(
        "folder", type=Path, nargs="?", default=ROOT / REPORTS / "releases", help="matrices"
    )
    parser.add_argument("--out", type=Path, default=ROOT / REPORTS, help="where to write")
    args = parser.parse_args(argv)
    rows: list[Impact] = []
    for release in RELEASES:
        try:
            rows += read_release(args.folder, release)
        except OSError as error:
            print(
                f"error: release {release}: {error.filename}: {error.strerror} "
                "(run `make releases`)",
                file=sys.stderr,
            )
            return 1
    write_whole(args.out / "release-impact.csv", as_csv(rows))
    write_whole(args.out / "release-impact.md", as_markdown(rows))
    for line in summary(rows):
        print(line)
    print(f"written: {args.out / 'release-impact.csv'}, release-impact.md")
    broken = [f"{r.release} {r.article} {r.locale}" for r in rows if r.status == BROKEN]
    if broken or not rows:
        print(f"error: not judged: {', '.join(broken) or 'no copy at all'}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
