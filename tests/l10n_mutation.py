"""Portal mutants the localization checks must catch (``fixtures.l10n_checks``).

Each mutant changes one thing in a copy of the project (``tests.portal_mutation.copy_project``:
the copy's ``mock_portal`` is the one imported), then runs one scenario of one locale against
it. It is caught when that run fails and its output names the rule and the element:

* the accessibility mutants drop ``<html lang>``, an input's ``<label>``, the errors' alert role;
* the pseudo-locale mutants hard-code a string in a template and give a navigation entry a
  long, unbreakable msgstr (a long German compound in a 240 px navigation).

    python -m tests.l10n_mutation          every mutant, prints "l10n mutants: caught K/N"
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from tests.portal_mutation import Outcome, PortalMutant, evaluate

QPS = "translations/qps_ploc/LC_MESSAGES/messages.po"


@dataclass(frozen=True)
class L10nMutant:
    """A portal mutant, the run that must fail, and what its failure must name."""

    mutant: PortalMutant
    run: tuple[str, ...]
    expected: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.mutant.name


def scenario(locale: str, keyword: str) -> tuple[str, ...]:
    # One scenario is part of a locale: its page states are audited only when asked for.
    # (the 2021 article's scenarios: the 2022 section's share their names)
    return ("features", "--locale", locale, "-k", f"2021 and ({keyword})", "--l10n-checks", "on")


MUTANTS = [
    L10nMutant(
        PortalMutant(
            "drop-html-lang", "templates/base.html",
            '<html lang="{{ locale }}" dir=', "<html dir=", (),
        ),
        scenario("nl-NL", "card_number_that_fails"),
        ("html-lang-is-locale (serious) on html", "html-has-lang (serious)", "page products"),
    ),
    L10nMutant(
        PortalMutant(
            "drop-input-label", "templates/settle_panel.html",
            '<label for="new_expiry">{{ _(field_labels.new_expiry) }}</label>', "", (),
        ),
        scenario("de-DE", "expiration_date_in_the_past"),
        # axe names it label-title-only: the field keeps a title, no visible label
        ("page refusal-new_expiry: label", "(serious) on #new_expiry"),
    ),
    L10nMutant(
        PortalMutant(
            "drop-alert-role", "templates/form_errors.html",
            '<div class="errors" role="alert"', '<div class="errors"', (),
        ),
        scenario("ar-SA", "card_number_that_fails"),
        ("page refusal-number: error-in-alert-region (serious) on #number",),
    ),
    L10nMutant(
        PortalMutant(
            "hard-coded-string", "templates/settle_panel.html",
            '>{{ _("Cancel") }}</a>', ">Cancel</a>", (),
        ),
        scenario("qps-ploc", "cancel_leaves"),
        ("page settle-panel: hard-coded-string (serious) on a[data-testid=cancel-settle]",),
    ),
    L10nMutant(
        PortalMutant(
            "long-msgstr-in-narrow-box", QPS,
            'msgstr "⟦dc801:Þåýɱéñţ ɱéţĥöđš ·⟧"',
            'msgstr "⟦dc801:Þåýɱéñţɱéţĥöđšåđɱîñîšţŕåţîöñšéîñšţéĺĺûñĝéñ ·⟧"', (),
        ),
        scenario("qps-ploc", "card_number_that_fails"),
        ("page products: layout-overflows (serious) on a[data-testid=nav-payment-methods]",),
    ),
]  # fmt: skip


def caught(mutant: L10nMutant, outcome: Outcome) -> bool:
    return outcome.killed and all(text in outcome.output for text in mutant.expected)


def run(mutant: L10nMutant) -> Outcome:
    return evaluate(mutant.mutant, mutant.run)


def main() -> int:
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(run, MUTANTS))
    for mutant, outcome in zip(MUTANTS, outcomes, strict=True):
        print(f"{'caught  ' if caught(mutant, outcome) else 'MISSED  '}  {mutant.name}")
    missed = [m for m, o in zip(MUTANTS, outcomes, strict=True) if not caught(m, o)]
    print(f"\nl10n mutants: caught {len(MUTANTS) - len(missed)}/{len(MUTANTS)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
