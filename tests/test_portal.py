"""The mock portal's localization: every page translated, catalogs complete and clean,
language negotiation and locale-formatted amounts."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from babel import Locale, localedata
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from mock_portal.catalog_lint import lint
from mock_portal.i18n import PACKAGE_TRANSLATIONS, PSEUDO_LOCALES, Catalogs
from tests import portal_client_helpers
from tests.portal_client_helpers import new_tenant, page_in, past_due_id, sign_in

ROOT = Path(__file__).parent.parent
PORTAL = ROOT / "mock_portal"
CATALOG_FILES = sorted(PACKAGE_TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
LOCALES = [p.parent.parent.name.replace("_", "-") for p in CATALOG_FILES]
# Proper nouns and codes that stay as they are in every language.
SAME_IN_EVERY_LANGUAGE = {"Microsoft 365", "Visa", "Mastercard", "MM/YYYY", "CVV"}
TAG_RE = re.compile(r"<[^>]+>")

# The shared fixtures, registered in this module under their own names.
app = portal_client_helpers.app
client = portal_client_helpers.client


def intentionally_identical(locale: str) -> set[str]:
    """Msgids a translator marked '# intentionally identical' in that locale's catalog."""
    po = PACKAGE_TRANSLATIONS / locale.replace("-", "_") / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    return {
        str(m.id) for m in catalog if any("intentionally identical" in c for c in m.user_comments)
    }


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(TAG_RE.sub(" ", page))


def english_msgids() -> set[str]:
    catalog = read_po((PACKAGE_TRANSLATIONS / "en_US" / "LC_MESSAGES" / "messages.po").open("rb"))
    return {str(m.id) for m in catalog if m.id}


def pages_of(client, tenant: dict) -> list[str]:
    sub = past_due_id(client, tenant)
    return [
        "/",
        "/billing/products",
        f"/billing/products?settle={sub}",
        "/section/users",
        "/section/bills",
        "/section/nope",  # 404 page
    ]


def assert_fully_translated(client, urls: list[str], locale: str) -> None:
    """Each page in ``locale``: its language and direction declared, no English msgid shown
    (but proper nouns and what the locale's translator kept on purpose), no fallback."""
    english_only = {
        msgid
        for msgid in english_msgids()
        if "%(" not in msgid
        and msgid not in SAME_IN_EVERY_LANGUAGE
        and msgid not in intentionally_identical(locale)
    }
    direction = PSEUDO_LOCALES.get(locale) or (
        "rtl" if Locale.parse(locale, sep="-").character_order == "right-to-left" else "ltr"
    )
    for url in urls:
        page = page_in(client, url, locale)
        assert f'<html lang="{locale}" dir="{direction}">' in page
        text = visible_text(page)
        leftovers = sorted(
            msgid for msgid in english_only if re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text)
        )
        assert leftovers == [], f"{url} in {locale} shows untranslated strings: {leftovers}"
        assert "locale-fallback" not in page


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en-US"])
def test_every_page_is_fully_translated(client, locale: str) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    assert_fully_translated(client, pages_of(client, tenant), locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_translates_every_msgid(locale: str) -> None:
    catalogs = Catalogs(PACKAGE_TRANSLATIONS)
    for msgid in english_msgids():
        assert catalogs.has(locale, msgid), f"{locale}: no translation for {msgid!r}"
        translated = catalogs.gettext(locale, msgid)
        if locale != "en-US" and translated == msgid:
            allowed = SAME_IN_EVERY_LANGUAGE | intentionally_identical(locale)
            assert msgid in allowed, f"{locale}: {msgid!r} left in English"


@pytest.mark.parametrize("po", CATALOG_FILES, ids=[p.parent.parent.name for p in CATALOG_FILES])
def test_catalogs_compile_cleanly(po: Path) -> None:
    catalog = read_po(po.open("rb"))
    problems = [(m.id, errors) for m, errors in catalog.check()]
    assert problems == []
    write_mo(io.BytesIO(), catalog)


def test_every_msgid_in_the_code_is_in_every_catalog() -> None:
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    used = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(PORTAL), method_map, keywords={"_": None, "N_": None}
        )
        if isinstance(message, str)
    }
    assert len(used) > 40
    for po in CATALOG_FILES:
        ids = {str(m.id) for m in read_po(po.open("rb")) if m.id}
        assert used - ids == set(), f"{po}: missing {sorted(used - ids)}"


def test_catalog_lint_is_clean() -> None:
    """Placeholders kept, nothing untranslated or fuzzy, headers complete (make lint too)."""
    assert lint(PACKAGE_TRANSLATIONS) == []


def test_accept_language_lang_param_and_visible_fallback(client) -> None:
    tenant = new_tenant(client)
    sign_in(client, tenant)
    assert '<html lang="fr-FR"' in page_in(client, "/", "fr-FR,fr;q=0.9")
    assert '<html lang="nl-NL"' in page_in(client, "/", "nl")  # language-only request
    assert '<html lang="ja-JP"' in page_in(client, "/?lang=ja-JP", "fr-FR")
    client.delete_cookie("m365_lang")
    missing = uncatalogued_locale()
    fallback = page_in(client, "/", missing)
    assert '<html lang="en-US"' in fallback
    assert 'data-testid="locale-fallback"' in fallback and missing in fallback


def uncatalogued_locale() -> str:
    """A locale Babel knows in a language the portal has no catalog for (hu-HU was one until it
    got its catalog: taken from the data, not named)."""
    languages = {locale.split("-")[0] for locale in LOCALES}
    tags = (tag.replace("_", "-") for tag in sorted(localedata.locale_identifiers()))
    return next(t for t in tags if re.fullmatch(r"[a-z]{2}-[A-Z]{2}", t) and t[:2] not in languages)


def test_amount_due_is_formatted_for_the_locale(client) -> None:
    tenant = new_tenant(client, balance={"amount": "1234.50", "currency": "EUR"})
    sign_in(client, tenant)
    sub = past_due_id(client, tenant)
    assert "1\u202f234,50\u00a0€" in page_in(client, f"/billing/products?settle={sub}", "fr-FR")
    assert "€1,234.50" in page_in(client, f"/billing/products?settle={sub}", "en-US")
    assert "€\u00a01.234,50" in page_in(client, f"/billing/products?settle={sub}", "nl-NL")
