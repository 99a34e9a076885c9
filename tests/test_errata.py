"""Errata: every file is well-formed, none is stale, and a listed defect is what the verdict
classifier finds for that label (so an erratum can never cover a different finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles import SETTLE_BALANCE_2021, SPECS, load_copy, with_other_versions
from core.article import ArticleSpec, load_article
from core.errata import ErrataError, load_errata, stale
from core.pseudo import is_pseudo
from core.verdict import ARTICLE_DEFECT, UI_DIFFERS, Verdict, judge
from tests.catalog_verdicts import catalog_verdicts

ARTICLES = SETTLE_BALANCE_2021.articles
ERRATA = SETTLE_BALANCE_2021.errata
# Every (article version, locale) with an errata file.
COPIES = [
    pytest.param(spec, path.stem, id=f"{spec.id}-{path.stem}")
    for spec in SPECS
    for path in sorted(spec.errata.glob("*.yaml"))
]


def article_defects(spec: ArticleSpec, locale: str) -> set[tuple[str, str, str]]:
    """(unit, English label, UI words) of every label whose article the classifier blames,
    judged against the words the portal's catalog shows for it."""
    return {
        (label.unit_id, label.english, ui)
        for label, ui, verdict in catalog_verdicts(locale, spec)
        if verdict.verdict == ARTICLE_DEFECT
    }


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.id)
def test_errata_exist_for_the_defective_locales(spec: ArticleSpec) -> None:
    """An errata file for exactly the copies whose article the portal's words show defects in."""
    real = [locale for locale in spec.locales() if not is_pseudo(locale)]
    listed = sorted(path.stem for path in spec.errata.glob("*.yaml"))
    assert [locale for locale in real if article_defects(spec, locale)] == listed


@pytest.mark.parametrize(("spec", "locale"), COPIES)
def test_each_article_defect_has_its_erratum(spec: ArticleSpec, locale: str) -> None:
    """Every defect the catalog's words reveal is listed, with the words the catalog holds (an
    erratum naming other UI words than the portal shows would cover nothing)."""
    listed = {(e.unit, e.english, e.ui) for e in load_errata(locale, spec.errata)}
    assert article_defects(spec, locale) == listed


@pytest.mark.parametrize(("spec", "locale"), COPIES)
def test_errata_are_current_and_agree_with_the_classifier(spec: ArticleSpec, locale: str) -> None:
    # Judged as a run judges: with the other versions' copies in this locale as evidence.
    article = with_other_versions(load_copy(spec, locale))
    errata = load_errata(locale, spec.errata)
    assert stale(errata, article) == []
    labels = {(label.unit_id, label.english): label for label in article.labels}
    for erratum in errata:
        verdict = judge(article, labels[(erratum.unit, erratum.english)], erratum.ui)
        assert (verdict.verdict, verdict.kind) == (ARTICLE_DEFECT, erratum.kind), erratum


def test_a_fixed_article_makes_its_erratum_stale(tmp_path: Path) -> None:
    text = (ARTICLES / "tr-TR.md").read_text(encoding="utf-8")
    fixed = tmp_path / "tr-TR.md"
    fixed.write_text(text.replace("Kaydet'e **tıklayın.**", "**Kaydet**'e tıklayın."), "utf-8")
    problems = stale(load_errata("tr-TR", ERRATA), load_article(fixed, SETTLE_BALANCE_2021))
    assert any(
        "'Save'" in problem and "fixed: remove the erratum" in problem for problem in problems
    )


def test_erratum_covers_only_its_own_finding() -> None:
    erratum = load_errata("tr-TR", ERRATA)[-1]
    same = Verdict(ARTICLE_DEFECT, erratum.kind)
    assert erratum.covers(erratum.unit, erratum.english, erratum.ui, same)
    assert not erratum.covers(erratum.unit, erratum.english, erratum.ui + " (new)", same)
    assert not erratum.covers(erratum.unit, erratum.english, erratum.ui, Verdict(UI_DIFFERS))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("locale: xx-XX\nerrata: []\n", "field 'locale' must be 'tr-TR'"),
        ("locale: tr-TR\nerrata: {}\n", "field 'errata' must be a list"),
        ("locale: tr-TR\nerrata:\n- unit: a\n", "errata[0].english is missing"),
        (
            "locale: tr-TR\nerrata:\n- {unit: a, english: b, ui: c, kind: bold, ticket: t, "
            "accepted_by: q}\n",
            "errata[0].kind is 'bold'",
        ),
        ("locale: [unclosed\n", "cannot read errata"),
    ],
)
def test_bad_errata_name_the_file_and_field(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "tr-TR.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ErrataError, match=message.replace("[", r"\[").replace("]", r"\]")) as error:
        load_errata("tr-TR", tmp_path)
    assert "tr-TR.yaml" in str(error.value)
