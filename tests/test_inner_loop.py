"""The inner loop stays lean: a ``--locale`` run binds only that locale's features, the
browser starts while the portal is imported, one scenario skips its locale's audit, and a
features-only run never imports Hypothesis (its pytest plugin would, in every summary).

Speed itself is measured by ``bench/benchmark.py``, never by a timed test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from articles import SPECS
from tests.test_sharding import scenario_count

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import sys, pytest; "
    "code = pytest.main(['features', '--locale', 'nl-NL', '--collect-only', '-q', "
    "'-p', 'no:randomly', '-p', 'no:cacheprovider']); "
    "print('hypothesis imported:', 'hypothesis' in sys.modules); sys.exit(code)"
)


def probe() -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_locale_run_binds_only_that_locale() -> None:
    output = probe()
    expected = sum(scenario_count(spec, ["nl-NL"]) for spec in SPECS)
    assert f"{expected} tests collected" in output and "deselected" not in output, output
    assert all("_nlnl_" in line for line in output.splitlines() if "::" in line)


def test_a_features_only_run_never_imports_hypothesis() -> None:
    assert "hypothesis imported: False" in probe()


def test_one_scenario_starts_the_browser_first_and_skips_the_locale_audit() -> None:
    """Playwright's driver starts before the portal fixture runs (the portal's import runs in
    the background meanwhile); pytest-playwright's base_url is the suite's portal; the
    localization audit of a locale is not run for one of its scenarios, and the run says so."""
    command = [sys.executable, "-m", "pytest", "features", "--locale", "nl-NL"]
    command += [
        "-k",
        "cancel and 2021",
        "--setup-show",
        "-q",
        "-p",
        "no:randomly",
        "-p",
        "no:cacheprovider",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    setups = [line.split()[2] for line in result.stdout.splitlines() if "SETUP    S" in line]
    assert setups.index("playwright") < setups.index("portal"), setups
    assert "base_url (fixtures used: portal)" in result.stdout
    assert "localization checks not run for nl-NL" in result.stdout
