"""The project's own unit and contract tests (generator, portal, fixtures, reporting)."""
