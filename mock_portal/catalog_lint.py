"""Lint the portal's catalogs: ``python -m mock_portal.catalog_lint [TRANSLATIONS_DIR]``.

For every ``<ll_CC>/LC_MESSAGES/messages.po``: every msgid of ``messages.pot`` is there and
translated (a msgstr equal to the English msgid only with a translator comment
``intentionally identical``), no fuzzy entry, every ``%(name)s`` placeholder kept exactly,
headers complete (Language matching the folder, Plural-Forms, no template placeholders such
as ``FULL NAME``). Prints one line per problem, naming file and msgid; exit 1 on any.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from mock_portal.i18n import PACKAGE_TRANSLATIONS, PSEUDO_LOCALES, to_tag

PLACEHOLDER_RE = re.compile(r"%\((\w+)\)s|%%|%")
IDENTICAL = "intentionally identical"
TEMPLATE_VALUES = ("FULL NAME", "PROJECT VERSION", "EMAIL@ADDRESS")


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def placeholders(text: str) -> Counter[str]:
    return Counter(match.group(0) for match in PLACEHOLDER_RE.finditer(text))


def message_problems(message: Message, english: bool = False) -> list[str]:
    """What is wrong with one entry of a locale's catalog (English catalogs may equal the
    msgid)."""
    msgid, msgstr = str(message.id), str(message.string or "")
    problems = []
    if message.fuzzy:
        problems.append("fuzzy (review it, then remove the flag)")
    if not msgstr:
        problems.append("untranslated")
    elif msgstr == msgid and not english and not any(IDENTICAL in c for c in message.user_comments):
        problems.append(f"identical to English (add the translator comment '# {IDENTICAL}')")
    elif placeholders(msgstr) != placeholders(msgid):
        problems.append(
            f"placeholders {sorted(placeholders(msgstr))} differ from {sorted(placeholders(msgid))}"
        )
    return problems


def header_problems(catalog: Catalog, folder: str) -> list[str]:
    headers = dict(catalog.mime_headers)
    problems = []
    if not _same_locale(headers.get("Language", ""), folder):
        problems.append(f"header Language is {headers.get('Language')!r}, expected {folder!r}")
    # Babel reads no Plural-Forms for a locale it does not know (the pseudo-locales).
    if not headers.get("Plural-Forms") and to_tag(folder) not in PSEUDO_LOCALES:
        problems.append("header Plural-Forms is missing")
    for name, value in headers.items():
        if any(template in value for template in TEMPLATE_VALUES):
            problems.append(f"header {name} still holds the template value {value!r}")
    return problems


def _same_locale(header: str, folder: str) -> bool:
    """'zh_Hans_CN' (as pybabel init writes it) is the locale of folder 'zh_CN'."""
    if header == folder:  # also a pseudo-locale (qps_ploc), which Babel does not know
        return True
    try:
        return bool(header) and Locale.parse(header) == Locale.parse(folder)
    except (ValueError, UnknownLocaleError):
        return False


def lint(translations: Path) -> list[str]:
    """Every problem of every catalog under ``translations``, as 'file: msgid: problem'."""
    template = read_catalog(translations / "messages.pot")
    wanted = [str(message.id) for message in template if message.id]
    problems = []
    for po in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        catalog = read_catalog(po)
        problems += [f"{po}: {p}" for p in header_problems(catalog, po.parent.parent.name)]
        for msgid in wanted:
            message = catalog.get(msgid)
            if message is None:
                problems.append(f"{po}: {msgid!r}: missing (run pybabel update)")
                continue
            english = po.parent.parent.name.startswith("en_")
            problems += [f"{po}: {msgid!r}: {p}" for p in message_problems(message, english)]
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    translations = Path(args[0]) if args else PACKAGE_TRANSLATIONS
    problems = lint(translations)
    for problem in problems:
        print(problem)
    count = len(list(translations.glob("*/LC_MESSAGES/messages.po")))
    print(f"catalog lint: {count} catalogs, {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
