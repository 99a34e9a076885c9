"""Binds every generated feature to pytest: one test per scenario and locale.

The generator puts the locale in each scenario's title ("Cancel leaves the balance outstanding
(nl-NL)"), so pytest-bdd's own test names are unique and carry it:
``test_cancel_leaves_the_balance_outstanding_nl_nl``.
"""

from pytest_bdd import scenarios

scenarios(".")
