"""The portal's locale per request and what templates render with it.

Negotiates the locale (``?lang=``, the language cookie, Accept-Language) before each request,
remembers an explicit ``?lang=`` in a cookie, and gives templates the translator, the text
direction, locale-aware money and dates, and the left navigation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency
from flask import Response, g, request
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from mock_portal.context import catalogs
from mock_portal.i18n import N_, PSEUDO_LOCALES, Translator
from mock_portal.i18n import babel_locale as locale_data

LANG_COOKIE = "m365_lang"
# Browsers send a handful of languages; a 60 KB header must not cost a parse per request.
MAX_ACCEPT_LANGUAGE = 512
MAX_LANGUAGE_PREFERENCES = 10

# The left navigation: (endpoint key, English label). Billing is a group.
NAV_TOP = [("home", N_("Home")), ("users", N_("Users")), ("teams", N_("Teams & groups"))]
NAV_BILLING = [
    ("products", N_("Your products")),
    ("licenses", N_("Licenses")),
    ("bills", N_("Bills & payments")),
    ("payment-methods", N_("Payment methods")),
]
NAV_BOTTOM = [("settings", N_("Settings"))]


def language_preferences() -> list[str]:
    """The first few Accept-Language tags, from a bounded prefix of the header."""
    header = request.headers.get("Accept-Language", "")[:MAX_ACCEPT_LANGUAGE]
    accepted = parse_accept_header(header, LanguageAccept)
    return [tag for tag, _quality in accepted][:MAX_LANGUAGE_PREFERENCES]


def choose_locale() -> None:
    override = request.args.get("lang") or request.cookies.get(LANG_COOKIE)
    g.negotiated = catalogs().negotiate(language_preferences(), override)
    g.locale = g.negotiated.locale
    g._ = Translator(catalogs(), g.locale)


def remember_lang(response: Response) -> Response:
    lang = request.args.get("lang")
    if lang and len(lang) <= 35:
        response.set_cookie(LANG_COOKIE, lang, samesite="Lax", httponly=True)
    return response


def babel_locale() -> Locale:
    """CLDR data of the request's locale (pseudo-locales are formatted as en-US)."""
    return locale_data(g.locale)


def text_direction(locale: Locale) -> str:
    """'rtl' for a right-to-left script (Arabic, Hebrew, Persian, …) per CLDR, else 'ltr'."""
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def money(amount: Decimal, currency: str) -> str:
    return format_currency(amount, currency, locale=babel_locale())


def long_date(day: dt.date) -> str:
    return format_date(day, format="long", locale=babel_locale())


def template_globals() -> dict:
    return {
        "_": g._,
        "locale": g.locale,
        "negotiated": g.negotiated,
        "text_direction": PSEUDO_LOCALES.get(g.locale) or text_direction(babel_locale()),
        "csrf_token": g.get("csrf_token", ""),
        "nav_top": NAV_TOP,
        "nav_billing": NAV_BILLING,
        "nav_bottom": NAV_BOTTOM,
        "money": money,
        "long_date": long_date,
    }
