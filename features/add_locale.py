"""Add a locale in one command: ``python -m features.add_locale path/to/article.md``.

1. checks the article: front matter, which article version it is (each one in ``articles``
   checks its own identity), and that its file name is its ``ms.contentlocale`` (``de-DE.md``);
2. places it at ``articles/<version>/locales/<locale>.md`` (``--force`` replaces one);
3. generates ``features/<locale>/<the version's feature>``;
4. creates the portal's catalog ``mock_portal/translations/<ll_CC>/LC_MESSAGES/messages.po``
   from ``messages.pot`` with Babel (headers as ``pybabel init`` writes them: Language,
   Plural-Forms; the project's localization team as translator, team and bug address, so
   the catalog lint finds no template placeholder in a new catalog), pre-filling the labels
   the article names, **marked fuzzy**: they are the article's words, not yet the UI's — a
   translator confirms or corrects each;
5. prints the label table with any diagnostics.

Several articles at once (``python -m features.add_locale ../shared/articles-2021/*.md``):
each is added in turn; an article already in place with the same content is taken as it is
(its feature regenerated, its catalog kept), so a folder of copies can be given whole.

What is left to a person: translating the catalog (and clearing the fuzzy flags).
The catalog is never overwritten: an existing one is reported and kept.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from articles import recognise
from core.article import Article, ArticleError, ArticleSpec
from core.paths import FEATURES, ROOT
from features.generate import build, display_path, feature_path, report, write_atomically

TRANSLATIONS = ROOT / "mock_portal" / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
PROJECT, VERSION = "mock_portal", "1.0"
# Who answers for the catalogs (the headers every catalog of the portal carries).
L10N_ADDRESS = "l10n@settle-balance-e2e.invalid"
L10N_TEAM = f"settle-balance-e2e localization <{L10N_ADDRESS}>"


def catalog_path(locale: str, translations: Path = TRANSLATIONS) -> Path:
    """Where the portal reads ``locale``'s strings (``de-DE`` -> ``de_DE/LC_MESSAGES``)."""
    return translations / locale.replace("-", "_") / "LC_MESSAGES" / "messages.po"


def new_catalog(locale: str, template: Path = TEMPLATE) -> Catalog:
    """A catalog for ``locale`` from the template, as ``pybabel init`` makes it."""
    try:
        babel_locale = Locale.parse(locale, sep="-")
    except (ValueError, UnknownLocaleError) as error:
        raise ArticleError(f"{locale!r} is not a locale Babel knows: {error}") from error
    with template.open("rb") as handle:
        catalog = read_po(handle, locale=babel_locale)
    catalog.locale = babel_locale
    catalog.project, catalog.version = PROJECT, VERSION
    catalog.copyright_holder = PROJECT
    catalog.revision_date = datetime.now(UTC)
    catalog.msgid_bugs_address = L10N_ADDRESS
    catalog.last_translator = L10N_TEAM
    catalog.language_team = f"{locale} <{L10N_ADDRESS}>"
    catalog.header_comment = catalog.header_comment.replace(
        "FIRST AUTHOR <EMAIL@ADDRESS>", L10N_TEAM
    )
    catalog.fuzzy = False
    return catalog


def prefill_labels(catalog: Catalog, article: Article) -> list[str]:
    """Put the article's labels in as fuzzy suggestions; returns the msgids filled."""
    filled = []
    for label in article.slotted.values():
        message = catalog.get(label.english)
        if message is None or not label.localized:
            continue
        message.string = label.localized
        message.flags.add("fuzzy")
        message.user_comments.append("from the article's bold label: check against the UI")
        filled.append(label.english)
    return filled


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write a .po file atomically (nothing half-written on failure)."""
    temp = path.with_name(f".{path.name}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with temp.open("wb") as handle:
            write_po(handle, catalog, width=100)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


def target_folder(spec: ArticleSpec) -> Path:
    """Where the copies of article version ``spec`` live."""
    return spec.articles


def check_article(source: Path) -> Article:
    """The article, refused with a clear message when it cannot be added."""
    article = recognise(source)
    locale = article.meta.locale
    if source.stem != locale:
        raise ArticleError(
            f"{source}: its ms.contentlocale is {locale!r}: name the file {locale}.md"
        )
    return article


def add_locale(source: Path, force: bool = False, translations: Path | None = None) -> str:
    """Do all of it; returns what was done, as lines for the terminal."""
    translations = translations or TRANSLATIONS
    article = check_article(source)
    locale = article.meta.locale
    spec = article.spec
    target = target_folder(spec) / f"{locale}.md"
    same = target.exists() and target.read_bytes() == source.read_bytes()
    if target.exists() and not same and not force:
        raise ArticleError(
            f"{display_path(target)} exists already with other content (use --force to replace it)"
        )
    outcome = build(source, spec)
    if outcome.feature is None:
        raise ArticleError(outcome.error or f"{source}: no feature could be generated")
    done = []
    if same:
        done.append(f"kept: {display_path(target)} (same content)")
    else:
        shutil.copyfile(source, target)
        done.append(f"placed: {display_path(target)}")
    feature = feature_path(FEATURES, locale, spec)
    write_atomically(feature, build(target, spec).feature or "")
    done.append(f"generated: {display_path(feature)}")
    po = catalog_path(locale, translations)
    if po.exists():
        done.append(f"kept: {display_path(po)} exists (not overwritten)")
    else:
        catalog = new_catalog(locale)
        filled = prefill_labels(catalog, article)
        write_catalog(po, catalog)
        done.append(
            f"created: {display_path(po)} "
            f"({len(filled)} labels pre-filled, fuzzy: {', '.join(filled)})"
        )
        done.append("left to a translator: every empty msgstr, then clear the fuzzy flags")
    return "\n".join([*done, "", report([outcome])])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m features.add_locale", description=__doc__)
    parser.add_argument(
        "articles",
        type=Path,
        nargs="+",
        metavar="article",
        help="localized article(s), <locale>.md",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing article")
    args = parser.parse_args(argv)
    status = 0
    for article in args.articles:
        try:
            print(add_locale(article, force=args.force))
        except ArticleError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
