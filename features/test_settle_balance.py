"""Binds every generated feature to pytest: one test per scenario, its locale in the test id.

pytest-bdd names tests after scenarios only, and every locale has the same scenarios, so each
test is renamed ``test_<locale>__<scenario>`` (e.g. ``test_fr_FR__cancel_leaves_the_...``).
``scenarios()`` binds into its caller's namespace, which is why the loop is at module level.
"""

from pathlib import Path

from pytest_bdd import scenarios

FEATURES = Path(__file__).parent


def rename_new_tests(namespace: dict, before: set[str], locale: str) -> None:
    """Prefix the tests ``scenarios()`` just added with the feature's locale."""
    prefix = "test_" + locale.replace("-", "_") + "__"
    for name in sorted(set(namespace) - before):
        if name.startswith("test_"):
            test = namespace.pop(name)
            test.__name__ = prefix + name.removeprefix("test_")
            namespace[test.__name__] = test


for _feature in sorted(FEATURES.glob("*/*.feature")):
    _before = set(globals())
    scenarios(str(_feature.relative_to(FEATURES)))
    rename_new_tests(globals(), _before, _feature.parent.name)
