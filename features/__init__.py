"""The article model, the Gherkin feature generator and the generated per-locale features.

`python -m features.generate` writes `features/<locale>/settle_balance.feature`;
`test_settle_balance.py` binds them to pytest-bdd.
"""
