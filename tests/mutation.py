"""Mutation self-check: does the suite fail, naming the label, when the UI drifts from the docs?

For every label an article names, in every locale, one mutant changes exactly that msgstr in a
copy of the portal's catalogs (``MOCK_PORTAL_TRANSLATIONS`` points the portal at the copy) and
runs that locale's scenarios. A mutant is killed when the run fails with a message naming the
locale, the article's label and what the UI shows instead. A surviving mutant is a bug in the
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

from babel.messages.pofile import read_po, write_po

from features.article import load_article
from mock_portal.i18n import PACKAGE_TRANSLATIONS

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
RUN_TIMEOUT_S = 300


@dataclass(frozen=True)
class Mutant:
    """One article label of one locale, changed in the portal's catalog."""

    locale: str
    english: str
    label: str

    @property
    def mutated(self) -> str:
        # A plausible drift: the product renamed the control, the docs did not follow.
        return f"{self.label} (new)"

    def __str__(self) -> str:
        return f"{self.locale} {self.english!r}: {self.label!r} -> {self.mutated!r}"


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
        return (
            f"[{self.mutant.locale}]" in self.output
            and f"the article says {self.mutant.label!r}" in self.output
            and f"the UI shows {self.mutant.mutated!r}" in self.output
        )


def all_mutants(locales: list[str] | None = None) -> list[Mutant]:
    """A mutant per label per locale, in article order."""
    mutants = []
    for path in sorted(ARTICLES.glob("*.md")):
        if locales and path.stem not in locales:
            continue
        for label in load_article(path).labels:
            mutants.append(Mutant(path.stem, label.english, label.localized))
    return mutants


def write_catalogs(mutant: Mutant | None, destination: Path) -> Path:
    """A copy of the portal's catalogs with the mutant's one msgstr changed."""
    shutil.copytree(PACKAGE_TRANSLATIONS, destination)
    if mutant is None:
        return destination
    po = destination / mutant.locale.replace("-", "_") / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    message = catalog.get(mutant.english)
    if message is None:
        raise LookupError(f"{po}: no msgid {mutant.english!r} to mutate")
    message.string = mutant.mutated
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0)
    return destination


def run_locale(locale: str, translations: Path, *extra: str) -> subprocess.CompletedProcess:
    """That locale's scenarios against a portal using ``translations``."""
    command = [
        sys.executable, "-m", "pytest", "features", "--locale", locale,
        "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist",
        "--e2e-trace", "off", "--e2e-expect-timeout", "2000", "-q", "--no-header", *extra,
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
    args = parser.parse_args(argv)
    mutants = all_mutants(args.locale)
    if not args.all and not args.locale:
        parser.error("choose --all or --locale L")
    outcomes = sweep(mutants, args.workers)
    for outcome in outcomes:
        print(f"{'killed  ' if outcome.killed else 'SURVIVED'}  {outcome.mutant}")
    survivors = [o for o in outcomes if not o.killed]
    print(f"\nmutation score: {len(outcomes) - len(survivors)}/{len(outcomes)} killed")
    for outcome in survivors:
        print(f"\n--- survivor {outcome.mutant} (exit {outcome.returncode}) ---")
        print(outcome.output[-3000:])
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
