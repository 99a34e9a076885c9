"""A sample of the mutation self-check (the full sweep is `make mutate`): one drifted label per
kind of control fails the suite with a message naming it; the unmutated catalogs pass."""

from __future__ import annotations

import pytest

from tests.mutation import Mutant, all_mutants, evaluate

pytestmark = pytest.mark.slow


def sample() -> list[Mutant]:
    by_label = {(m.locale, m.english): m for m in all_mutants()}
    # A navigation button, the past-due notice (text, not a control) and Save, in three
    # scripts; tr-TR Save: an article defect covered by an erratum must not hide a new drift.
    return [
        by_label[("ja-JP", "Billing")],
        by_label[("lv-LV", "Subscription has a past due payment")],
        by_label[("ar-SA", "Save")],
        by_label[("tr-TR", "Save")],
    ]


@pytest.mark.parametrize("mutant", sample(), ids=str)
def test_drifted_label_is_caught_and_named(mutant: Mutant) -> None:
    outcome = evaluate(mutant, mutant.locale, "-x")
    assert outcome.killed, outcome.output[-3000:]


def test_unmutated_catalogs_pass() -> None:
    # The scenarios that reach every label the sample mutates (navigation, notice, Save).
    outcome = evaluate(None, "nl-NL", "-k", "2021 and (labels_are or card_owner_chooses_to_pick)")
    assert outcome.returncode == 0, outcome.output[-3000:]
    assert "2 passed" in outcome.output
