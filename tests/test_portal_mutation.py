"""A sample of the portal's security mutation self-check (all of it: `make mutate`): removing
the banner's escaping or the CSRF check fails the test named for it."""

from __future__ import annotations

import pytest

from tests.portal_mutation import (
    MUTANTS,
    ROOT,
    PortalMutant,
    baseline,
    copy_is_imported,
    evaluate,
)

pytestmark = pytest.mark.slow
SAMPLE = ("banner-escape", "csrf-check")


def sample() -> list[PortalMutant]:
    return [mutant for mutant in MUTANTS if mutant.name in SAMPLE]


def test_mutants_run_against_the_copy() -> None:
    assert copy_is_imported()


@pytest.mark.parametrize("mutant", sample(), ids=lambda mutant: mutant.name)
def test_removed_protection_is_caught(mutant: PortalMutant) -> None:
    outcome = evaluate(mutant, mutant.tests)
    assert outcome.killed, outcome.output[-3000:]


def test_unmutated_portal_passes_the_sampled_tests() -> None:
    outcome = baseline(sample())
    assert outcome.returncode == 0, outcome.output[-3000:]


def test_every_mutant_names_existing_tests() -> None:
    assert len(MUTANTS) >= 8
    assert len({mutant.name for mutant in MUTANTS}) == len(MUTANTS)
    for mutant in MUTANTS:
        assert mutant.tests, mutant
        for test in mutant.tests:
            path, name = test.split("::")
            assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), test
        assert mutant.old in (ROOT / "mock_portal" / mutant.file).read_text(encoding="utf-8")
