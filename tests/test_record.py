"""The scenario record: identity read once from the feature's tags, and the evidence re-run's
isolation — nothing of a scenario's first attempt reaches its second.

Both isolation tests run the real evidence plugin (pytester, in a subprocess: pytest-playwright's
soft-assertion scope cannot nest inside this run's) on a scenario that
fails its first attempt only by what it left on its record: the re-run passes (reported
failed and FLAKY) only when it started from a record of its own. One fills every field of the
record (a field added later is filled too); one is a pytest-bdd scenario whose first attempt
leaves a localization observation that the real l10n plugin fails it on.
"""

from __future__ import annotations

import pytest

from fixtures.record import ScenarioIdentity, ScenarioRecord, identity_from_marks

pytest_plugins = ["pytester"]
PLUGINS = (
    *("-p", "no:randomly", "-p", "no:xdist", "-p", "no:cacheprovider"),
    *("-p", "fixtures.record", "-p", "fixtures.run_state", "-p", "fixtures.locale"),
    *("-p", "fixtures.reporting", "--evidence-rerun"),
    # The re-run's trace grouping would open a browser page; these scenarios need none.
    *("-p", "no:e2e-trace-steps"),
)

EVERY_FIELD = """
import dataclasses
import pytest
from fixtures.record import ScenarioRecord


def left_behind(value):
    if isinstance(value, bool):
        return True
    if isinstance(value, list):
        return [object()]
    if isinstance(value, str):
        return "from attempt 1"
    return object()


@pytest.mark.scenario_identity(locale="nl-NL", article="settle-balance-2021", release="2021")
def test_scenario(scenario_record):
    fresh = ScenarioRecord(scenario_record.identity, attempt=scenario_record.attempt)
    assert scenario_record == fresh, "attempt 2 inherited attempt 1's state"
    if scenario_record.attempt == 1:
        for field in dataclasses.fields(ScenarioRecord):
            if field.name not in ("identity", "attempt"):
                value = getattr(scenario_record, field.name)
                setattr(scenario_record, field.name, left_behind(value))
        raise AssertionError("the first attempt fails")
"""

L10N_FEATURE = """\
@locale:nl-NL @version:settle-balance-2021 @release:2021
Feature: Isolation
  Scenario: A problem seen on the first attempt only
    Then the page shows a clipped label on the first attempt only
"""

L10N_STEPS = """
from pytest_bdd import scenarios, then
from core.l10n_checks import Observation

scenarios("isolation.feature")


@then("the page shows a clipped label on the first attempt only")
def clipped_label_once(scenario_record):
    if scenario_record.attempt == 1:  # what the l10n plugin records when it sees one
        problem = Observation("nl-NL", "products", "layout-clipped", "serious", ("button#save",))
        scenario_record.l10n_observations.append(problem)
"""


def test_the_rerun_starts_from_a_record_of_its_own(plugin_pytester: pytest.Pytester) -> None:
    plugin_pytester.makepyfile(EVERY_FIELD)
    result = plugin_pytester.runpytest_subprocess(*PLUGINS)
    result.stdout.fnmatch_lines(
        ["*re-run with tracing passed: FLAKY*", "*FLAKY (reported failed)*test_scenario*"]
    )
    result.stdout.fnmatch_lines(["*1 failed*"])


def test_no_localization_observation_reaches_the_rerun(plugin_pytester: pytest.Pytester) -> None:
    plugin_pytester.makefile(".feature", isolation=L10N_FEATURE)
    plugin_pytester.makepyfile(L10N_STEPS)
    result = plugin_pytester.runpytest_subprocess(
        *PLUGINS, "-p", "fixtures.l10n", "--l10n-checks", "on"
    )
    output = result.stdout.str()
    assert "layout-clipped" in output, output  # the first attempt failed on it
    result.stdout.fnmatch_lines(["*FLAKY (reported failed)*", "*1 failed*"])
    assert "re-run with tracing failed too" not in output


def test_identity_is_read_from_the_feature_tags() -> None:
    values = {"locale": "tr-TR", "article": "pay-subscription-2022", "release": "2022"}
    assert identity_from_marks(values) == ScenarioIdentity("pay-subscription-2022", "tr-TR", "2022")
    assert identity_from_marks({"article": "settle-balance-2021"}) is None  # not generated
    with pytest.raises(pytest.UsageError, match="no @release: tag"):
        identity_from_marks({"locale": "nl-NL", "article": "settle-balance-2021"}, "t.py::t")


def test_the_feature_tags_reach_the_item_as_its_identity(plugin_pytester: pytest.Pytester) -> None:
    """pytest-bdd applies the feature's tags; the item's identity holds them as values."""
    plugin_pytester.makefile(".feature", isolation=L10N_FEATURE.replace("nl-NL", "tr-TR", 1))
    plugin_pytester.makepyfile(
        L10N_STEPS
        + """

def test_identity(request):
    pass
"""
    )
    plugin_pytester.makeconftest(
        "from fixtures.record import identity_of\n\n"
        "def pytest_collection_modifyitems(items):\n"
        "    for item in items:\n"
        "        print('IDENTITY', item.name, identity_of(item))\n"
    )
    result = plugin_pytester.runpytest_subprocess(*PLUGINS, "--collect-only", "-s")
    result.stdout.fnmatch_lines(
        [
            "IDENTITY test_a_problem_seen_on_the_first_attempt_only ScenarioIdentity("
            "article='settle-balance-2021', locale='tr-TR', release='2021')",
            "IDENTITY test_identity None",
        ]
    )


def test_a_record_knows_its_rerun_and_its_unexplained_findings() -> None:
    record = ScenarioRecord(ScenarioIdentity("settle-balance-2021", "nl-NL", "2021"))
    assert not record.is_rerun and record.findings == [] and record.unexplained == []
    assert ScenarioRecord(record.identity, attempt=2).is_rerun
