"""The localization checks catch each portal mutant, naming rule, page and element
(``tests.l10n_mutation``): dropped ``lang``, input label and alert role; a hard-coded string
and a long msgstr in a narrow box in the pseudo-locale. The unmutated copy passes the same
scenarios, so a catch means the mutation."""

from __future__ import annotations

import pytest

from tests.l10n_mutation import MUTANTS, L10nMutant, caught, run
from tests.portal_mutation import ROOT, evaluate

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda mutant: mutant.name)
def test_mutant_is_caught_with_the_element_named(mutant: L10nMutant) -> None:
    outcome = run(mutant)
    assert caught(mutant, outcome), outcome.output[-4000:]


def test_unmutated_portal_passes_the_same_scenarios() -> None:
    keywords = " or ".join(sorted({m.run[4] for m in MUTANTS}))
    locales = ",".join(sorted({m.run[2] for m in MUTANTS}))
    outcome = evaluate(None, ("features", "--locale", locales, "-k", keywords))
    assert outcome.returncode == 0, outcome.output[-4000:]


def test_every_mutant_applies_once() -> None:
    for mutant in MUTANTS:
        text = (ROOT / "mock_portal" / mutant.mutant.file).read_text(encoding="utf-8")
        assert text.count(mutant.mutant.old) == 1, mutant.name
