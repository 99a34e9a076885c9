"""Payment-card rules of the mock portal: card numbers, expiry dates, holder names, CVVs.

Each check returns the English message (a catalog msgid) describing what is wrong, or None.
The callers translate the message; nothing here knows about locales.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from mock_portal.i18n import N_

EXPIRY_RE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\s*$")
MAX_HOLDER = 100

ERROR_CARD_NUMBER = N_("Enter a valid card number.")
ERROR_EXPIRY_FORMAT = N_("Enter the expiration date as MM/YYYY.")
ERROR_EXPIRY_PAST = N_("This card has expired. Enter an expiration date in the future.")
ERROR_HOLDER = N_("Enter the name on the card.")
ERROR_HOLDER_LONG = N_("The name on the card is too long.")
ERROR_CVV = N_("Enter the 3- or 4-digit security code.")


def digits_of(number: str) -> str:
    """The digits of a card number typed with spaces or dashes; '' if anything else is there."""
    compact = re.sub(r"[ \-]", "", number)
    return compact if compact.isascii() and compact.isdigit() else ""


def luhn_ok(digits: str) -> bool:
    """True when ``digits`` passes the Luhn checksum."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def card_number_error(number: str) -> str | None:
    digits = digits_of(number)
    if not 13 <= len(digits) <= 19 or not luhn_ok(digits) or brand_of(digits) is None:
        return ERROR_CARD_NUMBER
    return None


def parse_expiry(text: str) -> tuple[int, int] | None:
    """(month, year) from 'MM/YYYY' (or 'MM/YY'); None when malformed."""
    match = EXPIRY_RE.match(text)
    if not match:
        return None
    month, year = int(match[1]), int(match[2])
    if year < 100:
        year += 2000
    if not 1 <= month <= 12:
        return None
    return month, year


def expiry_error(text: str, today: dt.date | None = None) -> str | None:
    parsed = parse_expiry(text)
    if parsed is None:
        return ERROR_EXPIRY_FORMAT
    today = today or dt.date.today()
    month, year = parsed
    if (year, month) < (today.year, today.month):
        return ERROR_EXPIRY_PAST
    if year > today.year + 25:
        return ERROR_EXPIRY_FORMAT
    return None


def format_expiry(text: str) -> str:
    """Canonical 'MM/YYYY' of a valid expiry."""
    parsed = parse_expiry(text)
    if parsed is None:
        raise ValueError(f"not an expiry date: {text!r}")
    return f"{parsed[0]:02d}/{parsed[1]}"


def has_control_characters(text: str) -> bool:
    """True when ``text`` holds C0/C1 controls (NUL, ESC, U+0085 NEL, …): not part of a name,
    and U+0085 even splits lines in ``str.splitlines`` (logs, CSV exports)."""
    return any(unicodedata.category(char) == "Cc" for char in text)


def holder_error(name: str) -> str | None:
    if not name.strip() or has_control_characters(name):
        return ERROR_HOLDER
    if len(name) > MAX_HOLDER:
        return ERROR_HOLDER_LONG
    return None


def cvv_error(cvv: str) -> str | None:
    value = cvv.strip()
    if not (value.isascii() and value.isdigit() and len(value) in (3, 4)):
        return ERROR_CVV
    return None


def brand_of(digits: str) -> str | None:
    """The brand of a card number (a proper noun, never translated); None if not accepted."""
    if digits.startswith("4"):
        return "Visa"
    if digits[:2] in {"51", "52", "53", "54", "55"} or "2221" <= digits[:4] <= "2720":
        return "Mastercard"
    if digits[:2] in {"34", "37"}:
        return "American Express"
    return None
