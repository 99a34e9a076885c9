"""Security mutation self-check of the portal: does removing one protection fail a named test?

Each mutant removes exactly one of the portal's protections (an escape, the store lock, the
CSRF check, an auth check, a server limit, …) in a copy of the project, then runs the
regression tests named for it against that copy. A mutant is killed when those tests fail; a
surviving mutant is a protection no test guards. The unmutated copy must pass the same tests
first, so a kill means the mutation, not a broken setup.

    python -m tests.portal_mutation            every mutant, prints "portal mutants: killed K/N"
    python -m tests.portal_mutation --only csrf-check --only store-lock
    python -m tests.mutation --portal           the same (make mutate runs it)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.mutation_report import report
from tests.portal_mutants import MUTANTS, PortalMutant

ROOT = Path(__file__).resolve().parent.parent
RUN_TIMEOUT_S = 300
# Not part of the project a test run needs: environments, caches, results.
NOT_COPIED = shutil.ignore_patterns(
    ".venv", ".git", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis",
    ".ruff_cache", "allure-results", "reports", "test-results", "*.egg-info",
)  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    mutant: PortalMutant | None
    returncode: int
    output: str

    @property
    def killed(self) -> bool:
        # 1: tests ran and failed. 2-5 (collection error, usage, no tests) prove nothing.
        return self.mutant is not None and self.returncode == 1


def copy_project(mutant: PortalMutant | None, destination: Path) -> Path:
    """The project copied to ``destination`` with the mutant's one change applied."""
    shutil.copytree(ROOT, destination, ignore=NOT_COPIED)
    if mutant is None:
        return destination
    source = destination / "mock_portal" / mutant.file
    text = source.read_text(encoding="utf-8")
    if text.count(mutant.old) != 1:
        raise LookupError(f"mutant {mutant.name}: {mutant.old!r} is not once in {mutant.file}")
    source.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")
    return destination


def run_tests(project: Path, tests: tuple[str, ...]) -> subprocess.CompletedProcess:
    """The named tests, run in the copy: its mock_portal is first on sys.path (the cwd)."""
    command = [
        sys.executable, "-m", "pytest", *tests, "-x", "-q", "--no-header",
        "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist",
    ]  # fmt: skip
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def evaluate(mutant: PortalMutant | None, tests: tuple[str, ...]) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="portal-mutant-") as scratch:
        project = copy_project(mutant, Path(scratch) / "project")
        result = run_tests(project, tests)
    return Outcome(mutant, result.returncode, result.stdout + result.stderr)


def copy_is_imported() -> bool:
    """Guard against testing the original: the copy's mock_portal is the one imported."""
    with tempfile.TemporaryDirectory(prefix="portal-mutant-") as scratch:
        project = copy_project(None, Path(scratch) / "project")
        probe = subprocess.run(
            [sys.executable, "-c", "import mock_portal; print(mock_portal.__file__)"],
            cwd=project, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        return probe.stdout.strip().startswith(str(project))


def sweep(mutants: list[PortalMutant], workers: int = 2) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda mutant: evaluate(mutant, mutant.tests), mutants))


def baseline(mutants: list[PortalMutant]) -> Outcome:
    """Every named test on the unmutated copy: must pass for kills to mean anything."""
    tests = tuple(dict.fromkeys(test for mutant in mutants for test in mutant.tests))
    return evaluate(None, tests)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.portal_mutation", description=__doc__)
    parser.add_argument("--only", action="append", help="only the mutant with this name")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="list the mutants and their tests")
    args = parser.parse_args(argv)
    mutants = [m for m in MUTANTS if not args.only or m.name in args.only]
    if args.list or not mutants:
        for mutant in mutants or MUTANTS:
            print(f"{mutant}: {', '.join(mutant.tests)}")
        return 0 if mutants else 2
    if not copy_is_imported():
        print("error: the copied project's mock_portal is not the one imported", file=sys.stderr)
        return 2
    unmutated = baseline(mutants)
    if unmutated.returncode != 0:
        print("error: the named tests fail without any mutant:\n" + unmutated.output[-3000:])
        return 2
    return report(sweep(mutants, args.workers), "portal mutants: killed {killed}/{total}")


if __name__ == "__main__":
    sys.exit(main())
