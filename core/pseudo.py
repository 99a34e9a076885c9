"""Pseudo-localization: the pseudo-locales, their locale data, and the pseudo "translation".

A pseudo-locale is English made visibly foreign, so a run in it shows at a glance what did not
go through the catalogs and what does not fit: every string is accented (``Save`` ->
``Ŝåṽé``), about 40 % longer, wrapped in ``⟦…⟧`` and prefixed with a short id of its msgid
(``⟦5a3c1:Ŝåṽé ·⟧``), so a clipped or hard-coded string is found in the catalog at once.

``qps-ploc`` (left to right) and ``qps-plocm`` (mirrored: right to left) are Windows' names.
CLDR has no data for them: numbers, currencies and dates are formatted as en-US, and the text
direction comes from this table, for the suite's oracles (``babel_locale``, ``direction``,
``formatted_amount``).
The brackets are not ASCII ``[…]``: the article model strips those from labels as markup.
"""

from __future__ import annotations

import hashlib
import math
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency

# pseudo-locale -> text direction
PSEUDO_LOCALES = {"qps-ploc": "ltr", "qps-plocm": "rtl"}
DATA_LOCALE = "en-US"
OPEN, CLOSE, ID_SEPARATOR, PAD = "⟦", "⟧", ":", "·"
EXPANSION = 0.4
ID_LENGTH = 5
PLACEHOLDER_RE = re.compile(r"%\(\w+\)s|%%")
# Precomposed (NFC-stable) look-alikes of the ASCII letters.
ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# A pseudo string as it appears in the page (one or more may share a text node).
PSEUDO_RE = re.compile(rf"{OPEN}[0-9a-f]{{{ID_LENGTH}}}{ID_SEPARATOR}[^{OPEN}{CLOSE}]*{CLOSE}")


def is_pseudo(tag: str) -> bool:
    return tag in PSEUDO_LOCALES


def babel_locale(tag: str) -> Locale:
    """Babel's locale for ``tag``; pseudo-locales use en-US data (CLDR does not know them)."""
    return Locale.parse(DATA_LOCALE if is_pseudo(tag) else tag, sep="-")


def direction(tag: str) -> str:
    """'rtl' or 'ltr': the pseudo table, else CLDR's character order (via Babel)."""
    if is_pseudo(tag):
        return PSEUDO_LOCALES[tag]
    return "rtl" if babel_locale(tag).character_order == "right-to-left" else "ltr"


def formatted_amount(amount: str, currency: str, tag: str) -> str:
    """An amount as the locale writes it (CLDR data via Babel, independent of the portal;
    pseudo-locales as en-US)."""
    return format_currency(Decimal(amount), currency, locale=babel_locale(tag))


def short_id(msgid: str) -> str:
    """A short, stable id of a msgid (the first hex digits of its SHA-1)."""
    return hashlib.sha1(msgid.encode("utf-8")).hexdigest()[:ID_LENGTH]


def accent(text: str) -> str:
    """Every ASCII letter accented; ``%(name)s`` placeholders kept as they are."""
    parts = PLACEHOLDER_RE.split(text)
    kept = PLACEHOLDER_RE.findall(text)
    out = [parts[0].translate(ACCENTS)]
    for placeholder, part in zip(kept, parts[1:], strict=True):
        out += [placeholder, part.translate(ACCENTS)]
    return "".join(out)


def padding(text: str) -> str:
    """Filler making the whole pseudo string about 40 % longer than ``text`` (at least 1)."""
    visible = len(PLACEHOLDER_RE.sub("", text))
    overhead = len(OPEN + CLOSE + ID_SEPARATOR) + ID_LENGTH + 1
    return PAD * max(1, math.ceil(visible * EXPANSION) - overhead)


def pseudo_translate(msgid: str) -> str:
    """The pseudo "translation" of one catalog message."""
    return f"{OPEN}{short_id(msgid)}{ID_SEPARATOR}{accent(msgid)} {padding(msgid)}{CLOSE}"


def untranslated_parts(text: str) -> str:
    """What of a visible text is outside every pseudo string (stripped; '' when none).

    Pseudo strings may nest (a link inside a sentence): removed innermost first."""
    while True:
        shorter = PSEUDO_RE.sub(" ", text)
        if shorter == text:
            return " ".join(text.split())
        text = shorter


def hard_coded(text: str) -> str:
    """Words of a visible text that did not come through the catalogs ('' when none).

    Only letters count: digits, amounts and symbols (an icon) are data, not strings."""
    rest = untranslated_parts(text)
    return rest if any(char.isalpha() for char in rest) else ""
