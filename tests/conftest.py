"""Fixtures the project's own tests share.

``plugin_pytester``: a pytester for the suite's plugins run on tiny test files: the marker a
generated scenario's identity travels in is registered, and a subprocess run
(``runpytest_subprocess``) imports the plugins from this checkout as this run does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INI = "[pytest]\nmarkers =\n    scenario_identity(**values): the scenario's identity\n"


@pytest.fixture
def plugin_pytester(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeini(INI)
    return pytester
