"""Currencies and amounts of the mock portal, validated against Babel's CLDR data.

A balance is only accepted in an ISO 4217 currency and with no more decimal digits than that
currency has (JPY none, USD two, BHD three), so the amount charged is exactly the amount the
page shows.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import get_currency_precision, list_currencies

# ISO 4217 codes Babel knows, minus the ones that are not money: XXX "no currency" and XTS
# "reserved for testing".
NOT_MONEY = frozenset({"XXX", "XTS"})
CURRENCIES = frozenset(list_currencies()) - NOT_MONEY
MAX_AMOUNT = Decimal(1_000_000)
# Plain ASCII digits: no exponent, sign, NaN, spaces or look-alike digits (Decimal takes "١٢٣").
AMOUNT_RE = re.compile(r"[0-9]{1,7}(?:\.[0-9]{1,4})?")


def is_currency(code: object) -> bool:
    """True for an upper-case ISO 4217 code such as 'USD' (no look-alike letters)."""
    return isinstance(code, str) and code.isascii() and code in CURRENCIES


def decimals(currency: str) -> int:
    """How many decimal digits ``currency`` has (ISO 4217 minor unit, from CLDR)."""
    return get_currency_precision(currency)


def minor_unit(currency: str) -> Decimal:
    """The smallest amount of ``currency``: 0.01 for USD, 1 for JPY, 0.001 for BHD."""
    return Decimal(1).scaleb(-decimals(currency))


def zero(currency: str) -> Decimal:
    """Zero written with the currency's decimal digits ('0.00' for USD, '0' for JPY)."""
    return Decimal(0).quantize(minor_unit(currency))


def parse_amount(value: object, currency: str) -> Decimal | None:
    """A positive amount of ``currency`` from a string or integer; None when not one.

    Refused: floats (binary rounding), anything but plain ASCII digits, zero or less, more
    than a million, and more decimal digits than the currency has ("1234.56" JPY).
    """
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value)
    if not AMOUNT_RE.fullmatch(text):
        return None
    amount = Decimal(text)
    if not 0 < amount <= MAX_AMOUNT:
        return None
    unit = minor_unit(currency)
    if amount != amount.quantize(unit):
        return None
    return amount.quantize(unit)
