"""Binds the generated features to pytest: one test per scenario and locale.

The generator puts the locale in each scenario's title ("Cancel leaves the balance outstanding
(nl-NL)"), so pytest-bdd's own test names are unique and carry it:
``test_cancel_leaves_the_balance_outstanding_nl_nl``. Only the features of the ``--locale``s
asked for are bound (all of them without ``--locale``; see ``fixtures.run_state``).
"""

from pytest_bdd import scenarios

from fixtures.run_state import bound_feature_dirs

scenarios(*bound_feature_dirs())
