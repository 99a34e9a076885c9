"""The run state: which (article, locale) pairs a run keeps and completes, asked of one owner,
and what the xdist controller learns from its workers through the one merge path."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SCENARIOS = """
import pytest

@pytest.mark.scenario_identity(locale="nl-NL", article="settle-balance-2021", release="2021")
def test_a_settle_nl():
    pass

@pytest.mark.scenario_identity(locale="nl-NL", article="pay-subscription-2022", release="2022")
def test_b_pay_nl():
    pass

@pytest.mark.scenario_identity(locale="fr-FR", article="settle-balance-2021", release="2021")
def test_c_settle_fr():
    pass

def test_d_not_a_scenario():
    pass
"""

# Leaves out the 2022 article's nl-NL scenario the way any selection does (pytest_deselected),
# in whichever process collects; prints what the run state answers where the run ends.
CONFTEST = """
from fixtures.run_state import run_state

def pytest_collection_modifyitems(config, items):
    dropped = [item for item in items if "pay_nl" in item.name]
    config.hook.pytest_deselected(items=dropped)
    items[:] = [item for item in items if item not in dropped]

def pytest_terminal_summary(terminalreporter, config):
    state = run_state(config)
    terminalreporter.write_line(f"KEPT {sorted(state.kept)}")
    terminalreporter.write_line(f"COMPLETE ARTICLES {sorted(state.complete_articles())}")
    terminalreporter.write_line(f"COMPLETE LOCALES {sorted(state.complete_locales())}")
    terminalreporter.write_line(f"FULL {state.is_full_run()} WORKER {state.is_worker()}")
"""
PLUGINS = ("-p", "no:randomly", "-p", "fixtures.record", "-p", "fixtures.run_state")
KEPT = "KEPT [('settle-balance-2021', 'fr-FR'), ('settle-balance-2021', 'nl-NL')]"


@pytest.mark.parametrize("workers", [(), ("-n", "2")], ids=["serial", "xdist"])
def test_the_run_state_knows_what_was_kept_and_left_out(
    plugin_pytester: pytest.Pytester, workers: tuple[str, ...]
) -> None:
    plugin_pytester.makepyfile(SCENARIOS)
    plugin_pytester.makeconftest(CONFTEST)
    result = plugin_pytester.runpytest_subprocess(*PLUGINS, *workers)
    result.stdout.fnmatch_lines(
        [
            KEPT,
            # The 2021 article ran whole; the 2022 article, left out, is not complete.
            "COMPLETE ARTICLES ['settle-balance-2021']",
            "COMPLETE LOCALES ['fr-FR', 'nl-NL']",
            "FULL False WORKER False",
        ]
    )
    assert "3 passed" in result.stdout.str()
