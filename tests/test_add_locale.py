"""Adding a locale is one command plus translating: the article is checked and placed, its
feature generated, its catalog created with Babel with the article's labels pre-filled fuzzy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from articles import SETTLE_BALANCE_2021
from core.article import ArticleError
from features import add_locale as command
from mock_portal.catalog_lint import lint

ARTICLES = SETTLE_BALANCE_2021.articles


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the command writes: articles, features and a copy of the portal's template."""
    (tmp_path / "articles").mkdir()
    translations = tmp_path / "translations"
    translations.mkdir()
    shutil.copy(command.TEMPLATE, translations / "messages.pot")
    monkeypatch.setattr(command, "target_folder", lambda spec: tmp_path / "articles")
    monkeypatch.setattr(command, "FEATURES", tmp_path / "features")
    monkeypatch.setattr(command, "TEMPLATE", translations / "messages.pot")
    return tmp_path


def de_at(folder: Path) -> Path:
    """A new locale: the de-DE article as Austria would publish it."""
    text = (ARTICLES / "de-DE.md").read_text(encoding="utf-8")
    path = folder / "de-AT.md"
    path.write_text(text.replace("ms.contentlocale: de-DE", "ms.contentlocale: de-AT"), "utf-8")
    return path


def test_one_command_places_generates_and_creates_the_catalog(project: Path) -> None:
    translations = project / "translations"
    out = command.add_locale(de_at(project), translations=translations)
    assert (project / "articles" / "de-AT.md").exists()
    feature = (project / "features" / "de-AT" / "settle_balance.feature").read_text("utf-8")
    assert 'When I click "Speichern" to save' in feature
    po = translations / "de_AT" / "LC_MESSAGES" / "messages.po"
    catalog = read_po(po.open("rb"))
    save = catalog.get("Save")
    assert save is not None and save.string == "Speichern" and save.fuzzy
    assert dict(catalog.mime_headers)["Language"] == "de_AT"
    assert "Plural-Forms" in dict(catalog.mime_headers)
    assert "Settle balance" in out and "created:" in out
    # What is left to a person shows up in the lint: untranslated and fuzzy entries.
    problems = lint(translations)
    assert any("'Save': fuzzy" in problem for problem in problems)
    assert any("untranslated" in problem for problem in problems)
    # ... and nothing else: the headers are the project's, no template placeholder is left.
    assert [p for p in problems if "header" in p] == []
    assert "EMAIL@ADDRESS" not in po.read_text("utf-8")


def test_the_catalog_is_never_overwritten(project: Path) -> None:
    translations = project / "translations"
    command.add_locale(de_at(project), translations=translations)
    po = translations / "de_AT" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8") + "\n# translated by hand\n", "utf-8")
    out = command.add_locale(project / "articles" / "de-AT.md", translations=translations)
    assert "kept:" in out and po.read_text("utf-8").endswith("# translated by hand\n")


def de_ch(folder: Path) -> Path:
    """A second new locale, for adding several at once."""
    path = folder / "de-CH.md"
    text = de_at(folder).read_text("utf-8")
    path.write_text(text.replace("ms.contentlocale: de-AT", "ms.contentlocale: de-CH"), "utf-8")
    return path


def test_several_articles_in_one_command(project: Path, capsys: pytest.CaptureFixture) -> None:
    translations = project / "translations"
    sources = [de_at(project), project / "de-LI.md", de_ch(project)]
    sources[1].write_text(sources[0].read_text("utf-8"), "utf-8")  # named for another locale
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(command, "TRANSLATIONS", translations)
        assert command.main([str(path) for path in sources]) == 1  # one was refused...
    out, err = capsys.readouterr()
    assert "name the file de-AT.md" in err
    for locale in ("de-AT", "de-CH"):  # ...the others are added all the same
        assert (project / "articles" / f"{locale}.md").exists()
        assert (translations / locale.replace("-", "_") / "LC_MESSAGES" / "messages.po").exists()
        assert f"placed: {project / 'articles' / locale}.md" in out


def test_an_article_already_in_place_is_kept_another_refused(project: Path) -> None:
    """A folder of copies can be given whole: the same article again is no error."""
    translations = project / "translations"
    source = de_at(project)
    command.add_locale(source, translations=translations)
    out = command.add_locale(source, translations=translations)
    assert "kept:" in out and "(same content)" in out and "placed:" not in out
    source.write_text(source.read_text("utf-8").replace("Speichern", "Sichern"), "utf-8")
    with pytest.raises(ArticleError, match="exists already with other content"):
        command.add_locale(source, translations=translations)
    assert "Speichern" in (project / "articles" / "de-AT.md").read_text("utf-8")


def test_a_file_named_for_another_locale_is_refused(project: Path) -> None:
    wrong = project / "de-CH.md"
    shutil.copy(de_at(project), wrong)
    with pytest.raises(ArticleError, match=r"name the file de-AT\.md"):
        command.add_locale(wrong, translations=project / "translations")
    assert not (project / "articles" / "de-AT.md").exists()
