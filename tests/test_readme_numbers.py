"""The README's numbers about the corpus come from the data: how many locales (real, machine-
translated, pseudo), how many match on every label, and the errata table — so adding a locale
or an erratum without updating the README fails here, naming the sentence to write."""

from __future__ import annotations

import re
from collections import Counter

from articles import SETTLE_BALANCE_2021
from core.article import load_article
from core.errata import load_errata
from core.paths import ROOT
from core.pseudo import is_pseudo
from core.verdict import MATCH
from tests.catalog_verdicts import catalog_verdicts

README = (ROOT / "README.md").read_text(encoding="utf-8")
ARTICLES, ERRATA = SETTLE_BALANCE_2021.articles, SETTLE_BALANCE_2021.errata
REAL = [locale for locale in SETTLE_BALANCE_2021.locales() if not is_pseudo(locale)]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_locale_counts() -> None:
    machine = [
        locale
        for locale in REAL
        if load_article(ARTICLES / f"{locale}.md", SETTLE_BALANCE_2021).meta.translationtype == "MT"
    ]
    pseudo = [locale for locale in SETTLE_BALANCE_2021.locales() if is_pseudo(locale)]
    found = re.search(r"\((\d+) locales: (\d+) seeds \+ (\d+) real 2021 copies, (\d+) of", README)
    assert found, "README: the '(N locales: 5 seeds + M real 2021 copies, K of them…' sentence"
    total, seeds, copies, mt = map(int, found.groups())
    assert (total, seeds + copies, mt) == (len(REAL), len(REAL), len(machine))
    assert f"plus {len(pseudo)} pseudo-locales" in flat(README)
    assert f"{5 * len(REAL)} controls ({len(REAL)} locales × 5 labels)" in flat(README)
    assert f"measured on the {len(REAL)} real articles" in flat(README)


def test_the_errata_table() -> None:
    counts = Counter(
        {path.stem: len(load_errata(path.stem, ERRATA)) for path in ERRATA.glob("*.yaml")}
    )
    table = ", ".join(
        f"{locale} {n}" for locale, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    )
    clean = [
        locale
        for locale in REAL
        if all(verdict.verdict == MATCH for _label, _ui, verdict in catalog_verdicts(locale))
    ]
    expected = (
        f"Today (2021 article): {len(clean)} locales match on every label; "
        f"{sum(counts.values())} article defects in {len(counts)} locales are known errata "
        f"({table})."
    )
    assert expected in flat(README), f"README should say: {expected}"
