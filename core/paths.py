"""Where the suite's inputs and outputs live, spelled once, and how an output is written."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
L10N_KNOWN = ROOT / "fixtures" / "l10n_known.yaml"  # reviewed localization-check findings
FEATURES = ROOT / "features"
REPORTS = "reports"  # under pytest's rootdir, beside allure-results/


def available_locales(articles: Path) -> list[str]:
    """Every locale that has an article in the folder ``articles``, sorted."""
    return sorted(path.stem for path in articles.glob("*.md"))


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` through a temp file and a rename: a reader never sees half a file, and a
    failed write leaves neither half a file nor the temp file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


def split_locales(values: Iterable[str]) -> list[str]:
    """``--locale`` values as given: repeatable and comma-separated, blanks dropped."""
    return [part.strip() for item in values for part in item.split(",") if part.strip()]
