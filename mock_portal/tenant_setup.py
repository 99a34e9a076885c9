"""Validation of the tenant setup the JSON API receives: ``parse_setup`` turns it into the
fields of a new tenant or raises ``SetupError`` naming the offending field.

``"release"`` (optional) picks the UI release the tenant's admin center shows; without it the
server's default applies (``create_app(ui_release=...)``, ``--ui-release``).
"""

from __future__ import annotations

from mock_portal import money, payments
from mock_portal.releases import DEFAULT_RELEASE, UnknownRelease, release_of
from mock_portal.tenants import Card, new_id


class SetupError(ValueError):
    """Invalid tenant setup sent to the API; the message names the field."""


DEFAULT_CARDS = [
    {"number": "4242424242424242", "expires": "04/2027", "holder": "Alex Wilber", "on_file": True},
    {"number": "5555555555554444", "expires": "11/2028", "holder": "Alex Wilber"},
]


def parse_setup(data: object, default_release: str = DEFAULT_RELEASE) -> dict:
    """Validate an API tenant setup; raise ``SetupError`` naming the offending field.

    ``default_release``: the UI release of a tenant whose setup names none.
    """
    if not isinstance(data, dict):
        raise SetupError("body: expected a JSON object")
    unknown = set(data) - {"admin", "balance", "cards", "release"}
    if unknown:
        raise SetupError(f"body: unknown field(s) {sorted(unknown)}")
    release = _release(data.get("release", default_release))
    admin = _object(data.get("admin", {}), "admin")
    name = admin.get("name", "Alex Wilber")
    if (
        not isinstance(name, str)
        or not name.strip()
        or len(name) > 100
        or payments.has_control_characters(name)
    ):
        raise SetupError(
            "admin.name: expected a non-empty string of at most 100 characters, no control"
            " characters"
        )
    owns_card = admin.get("owns_card", True)
    if not isinstance(owns_card, bool):
        raise SetupError("admin.owns_card: expected true or false")
    balance = _object(data.get("balance", {}), "balance")
    currency = balance.get("currency", "USD")
    if not money.is_currency(currency):
        raise SetupError("balance.currency: expected an ISO 4217 code such as 'USD'")
    amount = money.parse_amount(balance.get("amount", "129.00"), currency)
    if amount is None:
        raise SetupError(
            f'balance.amount: expected a positive amount in {currency} such as "129.00",'
            f" with at most {money.decimals(currency)} decimals"
        )
    cards = data.get("cards", DEFAULT_CARDS)
    if not isinstance(cards, list) or not 1 <= len(cards) <= 10:
        raise SetupError("cards: expected a list of 1 to 10 cards")
    parsed = [_card(card, f"cards[{index}]") for index, card in enumerate(cards)]
    on_file = [card_id for card_id, is_on_file in parsed if is_on_file]
    if len(on_file) != 1:
        raise SetupError('cards: exactly one card must have "on_file": true')
    return {
        "release": release,
        "admin_name": name.strip(),
        "owns_card": owns_card,
        "amount": amount,
        "currency": currency,
        "cards": [card for card, _ in parsed],
        "card_on_file": on_file[0].id,
    }


def _object(value: object, name: str) -> dict:
    if not isinstance(value, dict):
        raise SetupError(f"{name}: expected a JSON object")
    return value


def _release(value: object) -> str:
    try:
        return release_of(value).name
    except UnknownRelease as error:
        raise SetupError(f"release: {error}") from None


def _card(value: object, name: str) -> tuple[Card, bool]:
    card = _object(value, name)
    number = card.get("number")
    if not isinstance(number, str) or payments.card_number_error(number):
        raise SetupError(f"{name}.number: not a valid card number")
    expires = card.get("expires")
    if not isinstance(expires, str) or payments.parse_expiry(expires) is None:
        raise SetupError(f"{name}.expires: expected MM/YYYY")
    holder = card.get("holder", "")
    if not isinstance(holder, str) or payments.holder_error(holder):
        raise SetupError(f"{name}.holder: expected a non-empty name of at most 100 characters")
    on_file = card.get("on_file", False)
    if not isinstance(on_file, bool):
        raise SetupError(f"{name}.on_file: expected true or false")
    digits = payments.digits_of(number)
    brand = payments.brand_of(digits) or ""
    return Card(new_id(), brand, digits[-4:], payments.format_expiry(expires), holder), on_file
