"""The feature generator: determinism, atomic writes, --check, --strict, --report, speed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser

from articles import SETTLE_BALANCE_2021
from features import generate
from features.gherkin import quote

FEATURE_NAME = SETTLE_BALANCE_2021.feature_name

ARTICLES = SETTLE_BALANCE_2021.articles

ROOT = Path(__file__).parent.parent
FEATURES = ROOT / "features"


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    return articles, tmp_path / "out"


def run(articles: Path, out: Path, *extra: str) -> int:
    article = ["--article", SETTLE_BALANCE_2021.id]
    return generate.main([*article, "--articles", str(articles), "--out", str(out), *extra])


def test_committed_features_are_up_to_date() -> None:
    assert generate.main(["--check"]) == 0


def test_generation_is_deterministic(workspace) -> None:
    articles, out = workspace
    assert run(articles, out) == 0
    first = {p.name: p.read_bytes() for p in out.glob(f"*/{FEATURE_NAME}")}
    shutil.rmtree(out)
    assert run(articles, out) == 0
    second = {p.name: p.read_bytes() for p in out.glob(f"*/{FEATURE_NAME}")}
    assert first == second and len(first) == 1  # all are called settle_balance.feature
    assert sorted(p.parent.name for p in out.glob(f"*/{FEATURE_NAME}")) == sorted(
        p.stem for p in ARTICLES.glob("*.md")
    )


def test_every_feature_parses_as_gherkin_and_has_the_article_branches() -> None:
    for path in sorted(FEATURES.glob(f"*/{FEATURE_NAME}")):
        document: Any = Parser().parse(path.read_text(encoding="utf-8"))
        children = document["feature"]["children"]
        suffix = f" ({path.parent.name}, {SETTLE_BALANCE_2021.id})"
        names = [c["scenario"]["name"].removesuffix(suffix) for c in children if "scenario" in c]
        assert names == [
            "The article's navigation and notice labels are in the admin center",
            "Card owner chooses to change the expiration date, then saves",
            "Card owner chooses to pick a different card, then saves",
            "Card owner chooses to add a new card, then saves",
            "Non-owner chooses to pick a different card, then saves",
            "Non-owner chooses to add a new card, then saves",
            "Non-owner is not offered to change the expiration date",
            "A card number that fails validation is refused",
            "An expiration date in the past is refused",
            "Cancel leaves the balance outstanding",
        ], path


def test_feature_header_and_step_comments() -> None:
    text = (FEATURES / "ja-JP" / FEATURE_NAME).read_text(encoding="utf-8")
    assert "# Source: articles/settle_balance_2021/locales/ja-JP.md" in text
    assert "# ms.locfileid: 44282049" in text
    assert "# ms.openlocfilehash: f51ac76fb75c3386488ae533f8af4e48dfba921e" in text
    assert "# ms.lasthandoff: 05/13/2020" in text
    assert "@locale:ja-JP" in text
    assert "    # 1. **[課金]、[製品]** に移動します。" in text
    assert 'When I go to "課金" > "製品"' in text
    assert 'When I click "残高の決済" next to "サブスクリプションの支払期限が過ぎています"' in text


def test_new_article_is_picked_up_without_code_change(workspace) -> None:
    articles, out = workspace
    text = (articles / "nl-NL.md").read_text(encoding="utf-8").replace("nl-NL", "nl-BE")
    (articles / "nl-BE.md").write_text(text, encoding="utf-8")
    assert run(articles, out, "--locale", "nl-BE") == 0
    assert "@locale:nl-BE" in (out / "nl-BE" / FEATURE_NAME).read_text(encoding="utf-8")


def test_check_names_stale_missing_and_extra(workspace, capsys) -> None:
    articles, out = workspace
    assert run(articles, out) == 0
    stale = out / "fr-FR" / FEATURE_NAME
    stale.write_text(stale.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    (out / "ja-JP" / FEATURE_NAME).unlink()
    (out / "xx-XX").mkdir()
    (out / "xx-XX" / FEATURE_NAME).write_text("Feature: orphan\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert run(articles, out, "--check") == 1
    err = capsys.readouterr().err
    assert "stale: " in err and "fr-FR" in err
    assert "missing: " in err and "ja-JP" in err
    assert "extra (no article): " in err and "xx-XX" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # wrote nothing


def test_unusable_article_is_named_and_others_still_generate(workspace, capsys) -> None:
    articles, out = workspace
    (articles / "xx-XX.md").write_bytes(b"\x00\x01 junk")
    assert run(articles, out) == 1
    err = capsys.readouterr().err
    assert "xx-XX.md: binary data" in err
    assert not (out / "xx-XX").exists()
    assert len(list(out.glob(f"*/{FEATURE_NAME}"))) == len(list(ARTICLES.glob("*.md")))


def test_locale_in_file_name_must_match_front_matter(workspace, capsys) -> None:
    articles, out = workspace
    shutil.copy(articles / "fr-FR.md", articles / "fr-CA.md")
    assert run(articles, out, "--locale", "fr-CA") == 1
    assert "'ms.contentlocale' is 'fr-FR'" in capsys.readouterr().err


def test_strict_fails_on_diagnostics_but_still_writes(workspace, capsys) -> None:
    articles, out = workspace
    path = articles / "nl-NL.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("op **Opslaan**", "op **Op** **slaan**"),
        encoding="utf-8",
    )
    assert run(articles, out, "--locale", "nl-NL") == 0
    assert run(articles, out, "--locale", "nl-NL", "--strict") == 1
    err = capsys.readouterr().err
    assert "24dad-109" in err and "split across two bold runs" in err
    feature = (out / "nl-NL" / FEATURE_NAME).read_text(encoding="utf-8")
    assert "split across two bold runs" in feature.split("@locale")[0]
    assert 'When I click "Op slaan" to save' in feature


def test_failed_write_leaves_no_partial_file(workspace, monkeypatch) -> None:
    articles, out = workspace
    assert run(articles, out, "--locale", "fr-FR") == 0
    target = out / "fr-FR" / FEATURE_NAME
    original = target.read_bytes()

    def crash(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(generate.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        generate.write_atomically(target, "Feature: half\n")
    assert target.read_bytes() == original
    assert [p.name for p in target.parent.iterdir()] == [FEATURE_NAME]  # no temp file left


def test_report_flags_locales_from_another_english_source(capsys) -> None:
    assert generate.main(["--report", "--article", SETTLE_BALANCE_2021.id]) == 0
    out = capsys.readouterr().out
    flagged = [line for line in out.splitlines() if "older/different English source" in line]
    assert len(flagged) == 2  # of all the articles, only the seeds ja-JP and fr-FR
    assert "f51ac76f" in " ".join(flagged) and "0f7c0482" in " ".join(flagged)
    assert "Settle balance" in out and "結算餘額" in out


def test_quote_escapes_for_gherkin() -> None:
    assert quote('say "hi" \\ now') == '"say \\"hi\\" \\\\ now"'
    assert quote("line\nbreak") == '"line break"'


def test_article_that_lost_its_labels_still_yields_a_feature(workspace, capsys) -> None:
    """fi-FI's step 1 lost its labels: the feature is written, the step marked, exit 0;
    --strict still fails. One broken article never blocks the others."""
    articles, out = workspace
    assert run(articles, out) == 0
    feature = (out / "fi-FI" / FEATURE_NAME).read_text(encoding="utf-8")
    assert 'When I go to "" > "-sivustolle"' in feature
    assert "# article defect? 'Billing' -> ''" in feature
    assert "is empty (the article lost it)" in capsys.readouterr().err
    assert run(articles, out, "--locale", "fi-FI", "--strict") == 1


def test_article_that_is_not_this_one_is_refused_by_name(workspace, capsys) -> None:
    articles, out = workspace
    text = (articles / "de-DE.md").read_text(encoding="utf-8")
    (articles / "de-DE.md").write_text(
        text.replace("settle-an-outstanding-balance", "cancel-your-subscription"), encoding="utf-8"
    )
    assert run(articles, out, "--locale", "de-DE") == 1
    err = capsys.readouterr().err
    assert "de-DE.md: not the supported article" in err
    assert "this suite tests 'Settle an outstanding balance'" in err
