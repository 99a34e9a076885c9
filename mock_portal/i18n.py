"""Localization of the mock portal: gettext catalogs read straight from ``.po`` files.

``translations/<ll_CC>/LC_MESSAGES/messages.po`` is the single source of truth (msgid = the
English string); nothing is compiled into ``.mo`` files. A new locale is a new ``.po`` file.
``MOCK_PORTAL_TRANSLATIONS`` points the portal at another translations folder (the mutation
self-check uses it to run the suite against a changed copy of the catalogs).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po
from markupsafe import Markup, escape

PACKAGE_TRANSLATIONS = Path(__file__).parent / "translations"
DEFAULT_LOCALE = "en-US"
TRANSLATIONS_ENV = "MOCK_PORTAL_TRANSLATIONS"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


class CatalogError(ValueError):
    """A catalog that cannot be loaded; the message names the file."""


def to_tag(folder: str) -> str:
    """'fr_FR' (catalog folder) -> 'fr-FR' (BCP 47, as HTTP and Playwright write it)."""
    return folder.replace("_", "-")


def translations_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The translations folder: explicit argument, else the env override, else the package's."""
    chosen = explicit or os.environ.get(TRANSLATIONS_ENV) or PACKAGE_TRANSLATIONS
    return Path(chosen)


def load_po(path: Path) -> Catalog:
    """Read one ``.po`` file, naming it in any error."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except (OSError, PoFileError, UnicodeDecodeError, ValueError) as error:
        raise CatalogError(f"{path}: cannot read catalog: {error}") from error


@dataclass(frozen=True)
class Negotiated:
    """The locale a request is served in, and what was asked for when it had to fall back."""

    locale: str
    requested: str | None = None

    @property
    def fell_back(self) -> bool:
        return self.requested is not None


class Catalogs:
    """Every locale's messages, loaded once."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._messages: dict[str, dict[str, str]] = {}
        for po in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
            folder = po.parent.parent.name
            try:
                Locale.parse(folder)
            except (ValueError, UnknownLocaleError) as error:
                raise CatalogError(f"{po}: folder {folder!r} is not a locale") from error
            catalog = load_po(po)
            self._messages[to_tag(folder)] = {
                str(message.id): str(message.string)
                for message in catalog
                if message.id and message.string and not message.fuzzy
            }
        if DEFAULT_LOCALE not in self._messages:
            raise CatalogError(f"{directory}: no {DEFAULT_LOCALE} catalog (en_US/LC_MESSAGES)")

    @property
    def locales(self) -> list[str]:
        return sorted(self._messages)

    def gettext(self, locale: str, message: str) -> str:
        """The translation of ``message`` in ``locale``, or the English msgid if it has none."""
        return self._messages.get(locale, {}).get(message, message)

    def has(self, locale: str, message: str) -> bool:
        return message in self._messages.get(locale, {})

    def negotiate(self, requested: Iterable[str], override: str | None) -> Negotiated:
        """Pick a locale from ``?lang=`` or the Accept-Language preferences, in order."""
        wanted = [override] if override else list(requested)
        for tag in wanted:
            match = self._match(tag)
            if match:
                return Negotiated(match)
        first = next((tag for tag in wanted if tag and tag != "*"), None)
        return Negotiated(DEFAULT_LOCALE, first)

    def _match(self, tag: str) -> str | None:
        lowered = tag.lower().replace("_", "-")
        by_lower = {locale.lower(): locale for locale in self._messages}
        if lowered in by_lower:
            return by_lower[lowered]
        language = lowered.split("-")[0]
        return next((loc for low, loc in by_lower.items() if low.split("-")[0] == language), None)


class Translator:
    """The ``_()`` of one request: translate, then %-format with escaped arguments."""

    def __init__(self, catalogs: Catalogs, locale: str) -> None:
        self.catalogs = catalogs
        self.locale = locale

    def __call__(self, message: str, **values: object) -> Markup:
        # The msgstr is text, not HTML: escape it; a Markup value (a link) is kept as HTML.
        text = escape(self.catalogs.gettext(self.locale, message))
        return text % values if values else text

    def plain(self, message: str) -> str:
        return self.catalogs.gettext(self.locale, message)
