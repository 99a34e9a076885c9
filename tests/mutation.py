"""Mutation self-check: does the suite fail, naming the label, when the UI drifts from the docs?

For every control an article names, in every locale, one mutant changes exactly that msgstr in
a copy of the portal's catalogs (``MOCK_PORTAL_TRANSLATIONS`` points the portal at the copy) and
runs that locale's scenarios. A mutant is killed when the run fails with a message naming the
locale, the article's label and what the UI shows instead, with the right verdict: the UI
changed, so ``ui-differs`` — or ``article-defect`` where the article's own bold is already
doubtful (then no erratum may cover the new UI text). A surviving mutant is a bug in the
suite. ``python -m tests.mutation --all`` (``make mutate``) runs the full sweep and prints the
score; ``tests/test_mutation.py`` runs a sample in ``make test``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from articles import SETTLE_BALANCE_2021
from core.article import load_article
from core.paths import ROOT
from mock_portal.i18n import PACKAGE_TRANSLATIONS
from tests.mutation_report import report

ARTICLES = SETTLE_BALANCE_2021.articles

RUN_TIMEOUT_S = 300


@dataclass(frozen=True)
class Mutant:
    """One article label of one locale, changed in the portal's catalog."""

    locale: str
    english: str
    label: str  # the article's label
    ui: str  # what the UI shows today (the catalog's msgstr)
    doubtful: bool  # the article's bold is already doubted: the verdict stays article-defect

    @property
    def mutated(self) -> str:
        # A plausible drift: the product renamed the control, the docs did not follow.
        return f"{self.ui} (new)"

    @property
    def verdict(self) -> str:
        return "article-defect" if self.doubtful else "ui-differs"

    def __str__(self) -> str:
        return f"{self.locale} {self.english!r}: UI {self.ui!r} -> {self.mutated!r}"


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant | None
    returncode: int
    output: str

    @property
    def killed(self) -> bool:
        """Failed, and the failure names the locale, the article's label and the UI's."""
        if self.mutant is None or self.returncode != 1:
            return False
        mutant = self.mutant
        return (
            f"[{mutant.locale}]" in self.output
            and f"article {mutant.label!r}, UI {mutant.mutated!r} -> {mutant.verdict}"
            in self.output
        )


def all_mutants(locales: list[str] | None = None) -> list[Mutant]:
    """A mutant per control per locale, in article order."""
    mutants = []
    for path in sorted(ARTICLES.glob("*.md")):
        if locales and path.stem not in locales:
            continue
        catalog = read_catalog(PACKAGE_TRANSLATIONS, path.stem)
        for label in load_article(path, SETTLE_BALANCE_2021).slotted.values():
            ui = str(catalog[label.english].string)
            mutants.append(
                Mutant(path.stem, label.english, label.localized, ui, bool(label.doubts))
            )
    return mutants


def catalog_file(translations: Path, locale: str) -> Path:
    return translations / locale.replace("-", "_") / "LC_MESSAGES" / "messages.po"


def read_catalog(translations: Path, locale: str) -> Catalog:
    with catalog_file(translations, locale).open("rb") as handle:
        return read_po(handle)


def write_catalogs(mutant: Mutant | None, destination: Path) -> Path:
    """A copy of the portal's catalogs with the mutant's one msgstr changed."""
    shutil.copytree(PACKAGE_TRANSLATIONS, destination)
    if mutant is None:
        return destination
    po = catalog_file(destination, mutant.locale)
    catalog = read_catalog(destination, mutant.locale)
    message = catalog.get(mutant.english)
    if message is None:
        raise LookupError(f"{po}: no msgid {mutant.english!r} to mutate")
    message.string = mutant.mutated
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0)
    return destination


def run_locale(locale: str, translations: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """That locale's scenarios against a portal using ``translations``."""
    command = [
        sys.executable, "-m", "pytest", "features", "--locale", locale,
        "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist",
        "--e2e-expect-timeout", "2000", "-q", "--no-header", *extra,
    ]  # fmt: skip
    env = {**os.environ, "MOCK_PORTAL_TRANSLATIONS": str(translations)}
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def evaluate(mutant: Mutant | None, locale: str, *extra: str) -> Outcome:
    """Run one mutant (or, with None, the unmutated catalogs) for ``locale``."""
    with tempfile.TemporaryDirectory(prefix="mutant-") as scratch:
        translations = write_catalogs(mutant, Path(scratch) / "translations")
        result = run_locale(locale, translations, *extra)
    return Outcome(mutant, result.returncode, result.stdout + result.stderr)


def sweep(mutants: list[Mutant], workers: int = 2) -> list[Outcome]:
    """Every mutant, stopping each run at its first failure."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda m: evaluate(m, m.locale, "-x"), mutants))


def main(argv: list[str] | None = None) -> int:
    if "--portal" in (args := sys.argv[1:] if argv is None else argv):  # portal's own mutants
        from tests.portal_mutation import main as portal_main

        return portal_main([arg for arg in args if arg != "--portal"])
    parser = argparse.ArgumentParser(prog="python -m tests.mutation", description=__doc__)
    parser.add_argument("--all", action="store_true", help="every label of every locale")
    parser.add_argument("--locale", action="append", help="only these locales")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args(argv)
    mutants = all_mutants(options.locale)
    if not options.all and not options.locale:
        parser.error("choose --all or --locale L")
    return report(sweep(mutants, options.workers), "mutation score: {killed}/{total} killed")


if __name__ == "__main__":
    sys.exit(main())
