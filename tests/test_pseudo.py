"""The pseudo-locales: the pseudo "translation", the generated catalogs and articles, and the
locale data the suite and the portal use for locales CLDR does not know."""

from __future__ import annotations

import unicodedata

import pytest
from babel.messages.pofile import read_po

from articles import SETTLE_BALANCE_2021
from core.article import Slot, load_article
from core.pseudo import (
    PSEUDO_LOCALES,
    babel_locale,
    direction,
    is_pseudo,
    pseudo_translate,
    short_id,
    untranslated_parts,
)
from features import pseudo
from mock_portal.i18n import PACKAGE_TRANSLATIONS, Catalogs

ARTICLES = SETTLE_BALANCE_2021.articles


def test_pseudo_string_is_accented_longer_bracketed_and_carries_its_id() -> None:
    english = "Subscription has a past due payment"
    text = pseudo_translate(english)
    assert text.startswith(f"⟦{short_id(english)}:Šûƀšçŕîþţîöñ")
    assert text.endswith("⟧")
    assert len(text) >= 1.4 * len(english)
    assert not any(char.isascii() and char.isalpha() for char in text.split(":", 1)[1])
    assert unicodedata.normalize("NFC", text) == text  # labels compare NFC


def test_placeholders_survive() -> None:
    text = pseudo_translate("Amount due: %(amount)s")
    assert "%(amount)s" in text
    assert (text % {"amount": "$1.00"}).count("$1.00") == 1


def test_untranslated_parts_are_what_lies_outside_every_pseudo_string() -> None:
    shown = f"{pseudo_translate('Save')} Cancel {pseudo_translate('Home')}"
    assert untranslated_parts(shown) == "Cancel"
    assert untranslated_parts(pseudo_translate("Signed in as %(name)s") % {"name": "A"}) == ""
    assert untranslated_parts("[Save]") == "[Save]"


def test_locale_data_for_pseudo_locales() -> None:
    assert is_pseudo("qps-ploc") and not is_pseudo("fr-FR")
    assert str(babel_locale("qps-plocm")) == "en_US"
    assert (direction("qps-ploc"), direction("qps-plocm"), direction("ar-SA")) == (
        "ltr",
        "rtl",
        "rtl",
    )
    assert (direction("he-IL"), direction("hu-HU")) == ("rtl", "ltr")  # Hebrew, like Arabic


def test_generated_files_are_up_to_date() -> None:
    assert pseudo.main(["--check"]) == 0


@pytest.mark.parametrize("tag", sorted(PSEUDO_LOCALES))
def test_catalog_translates_every_english_msgid(tag: str) -> None:
    po = PACKAGE_TRANSLATIONS / tag.replace("-", "_") / "LC_MESSAGES" / "messages.po"
    catalog = read_po(po.open("rb"))
    english = pseudo.english_messages()
    assert {str(m.id) for m in catalog if m.id} == set(english)
    assert all(m.string == pseudo_translate(str(m.id)) for m in catalog if m.id)
    assert tag in Catalogs(PACKAGE_TRANSLATIONS).locales


@pytest.mark.parametrize("tag", sorted(PSEUDO_LOCALES))
def test_article_labels_are_the_pseudo_catalogs_strings(tag: str) -> None:
    article = load_article(ARTICLES / f"{tag}.md", SETTLE_BALANCE_2021)
    source = load_article(pseudo.SOURCE_ARTICLE, SETTLE_BALANCE_2021)
    assert article.meta.locale == tag
    assert len(article.steps) == len(source.steps)
    for slot in Slot:
        label = article.label(slot)
        assert label is not None, slot
        assert label.localized == pseudo_translate(label.english), slot
        assert not label.doubts, (slot, label.doubts)


def test_stale_article_is_reported(tmp_path, monkeypatch, capsys) -> None:
    stale = tmp_path / "qps-ploc.md"
    stale.write_text("old", encoding="utf-8")
    monkeypatch.setattr(pseudo, "ARTICLES", tmp_path)
    monkeypatch.setattr(pseudo, "ROOT", tmp_path)
    monkeypatch.setattr(pseudo, "TRANSLATIONS", tmp_path / "translations")
    assert pseudo.main(["--check"]) == 1
    assert "qps-ploc.md: stale or missing" in capsys.readouterr().out
    assert stale.read_text(encoding="utf-8") == "old"
