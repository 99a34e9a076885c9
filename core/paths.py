"""Where the suite's inputs and outputs live, spelled once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
ERRATA = ROOT / "fixtures" / "errata"
FEATURES = ROOT / "features"
REPORTS = "reports"  # under pytest's rootdir, beside allure-results/


def available_locales(articles: Path = ARTICLES) -> list[str]:
    """Every locale that has an article, sorted."""
    return sorted(path.stem for path in articles.glob("*.md"))


def split_locales(values: Iterable[str]) -> list[str]:
    """``--locale`` values as given: repeatable and comma-separated, blanks dropped."""
    return [part.strip() for item in values for part in item.split(",") if part.strip()]
