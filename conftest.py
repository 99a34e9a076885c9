"""Root conftest: registers the suite's fixture plugins and its shared step modules."""

pytest_plugins = [
    "fixtures.record",
    "fixtures.run_state",
    "fixtures.lean",
    "fixtures.locale",
    "fixtures.sharding",
    "fixtures.portal",
    "fixtures.browser",
    "fixtures.video",
    "fixtures.preflight",
    "fixtures.pages",
    "fixtures.verdicts",
    "fixtures.reporting",
    "fixtures.l10n",
    "steps.tenant_steps",
    "steps.navigation_steps",
    "steps.payment_steps",
    "steps.outcome_steps",
    "steps.bills_steps",
]
