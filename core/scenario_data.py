"""The scenarios' test data, one source for the generator, the steps and the benchmark.

English and numeric only, identical in every locale: the cards a tenant has saved, the balance
it owes, the new card and dates the scenarios enter, and the invalid ones they must be refused.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SavedCard:
    """A card saved for the tenant (as the Background's table lists it)."""

    brand: str
    number: str
    expires: str
    holder: str
    on_file: bool

    @property
    def last4(self) -> str:
        return self.number[-4:]


BALANCE_AMOUNT, BALANCE_CURRENCY = "129.00", "USD"
ADMIN_NAME = "Alex Wilber"
SAVED_CARDS = (
    SavedCard("Visa", "4242424242424242", "04/2027", ADMIN_NAME, True),
    SavedCard("Mastercard", "5555555555554444", "11/2028", ADMIN_NAME, False),
)
CARD_ON_FILE = next(card for card in SAVED_CARDS if card.on_file)
OTHER_CARD = next(card for card in SAVED_CARDS if not card.on_file)
NEW_CARD_NUMBER, NEW_CARD_EXPIRY, NEW_CARD_HOLDER, NEW_CARD_CVV = (
    "4000 0566 5566 5556",
    "08/2031",
    "Megan Bowen",
    "737",
)
NEW_CARD_LAST4 = NEW_CARD_NUMBER.replace(" ", "")[-4:]
NEW_EXPIRY = "12/2035"
BAD_CARD_NUMBER = "4000 0566 5566 5557"  # fails the Luhn check
PAST_EXPIRY = "01/2020"


def tenant_setup(owns_card: bool) -> dict[str, object]:
    """The portal API's tenant setup for these data (what the Background describes)."""
    return {
        "balance": {"amount": BALANCE_AMOUNT, "currency": BALANCE_CURRENCY},
        "cards": [
            {
                "number": card.number,
                "expires": card.expires,
                "holder": card.holder,
                "on_file": card.on_file,
            }
            for card in SAVED_CARDS
        ],
        "admin": {"name": ADMIN_NAME, "owns_card": owns_card},
    }
