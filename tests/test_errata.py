"""Errata: every file is well-formed, none is stale, and a listed defect is what the verdict
classifier finds for that label (so an erratum can never cover a different finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles import SETTLE_BALANCE_2021
from core.article import load_article
from core.errata import ErrataError, load_errata, stale
from core.verdict import ARTICLE_DEFECT, UI_DIFFERS, Verdict, judge

ARTICLES = SETTLE_BALANCE_2021.articles
ERRATA = SETTLE_BALANCE_2021.errata

LOCALES = sorted(path.stem for path in ERRATA.glob("*.yaml"))


def test_errata_exist_for_the_defective_locales() -> None:
    expected = ["ar-SA", "cs-CZ", "el-GR", "fi-FI", "nb-NO", "pl-PL", "ru-RU", "sv-SE", "th-TH"]
    assert [*expected, "tr-TR"] == LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_errata_are_current_and_agree_with_the_classifier(locale: str) -> None:
    article = load_article(ARTICLES / f"{locale}.md", SETTLE_BALANCE_2021)
    errata = load_errata(locale, ERRATA)
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
