"""The tenant model of the mock portal: saved cards, subscriptions, charges, the tenant itself
and ``Payment``, a validated settle request applied to it.

``TenantStore`` (``mock_portal.store``) owns every ``Tenant`` and changes them under its lock;
pages render deep copies.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from mock_portal import money


def new_id() -> str:
    return secrets.token_hex(6)


@dataclass
class Card:
    id: str
    brand: str
    last4: str
    expires: str
    holder: str


@dataclass
class Subscription:
    id: str
    name: str
    licenses: int
    assigned: int
    balance: Decimal
    renews: dt.date

    @property
    def past_due(self) -> bool:
        return self.balance > 0


@dataclass
class Charge:
    id: str
    subscription_id: str
    amount: Decimal
    currency: str
    card_id: str


@dataclass
class Tenant:
    id: str
    admin_name: str
    owns_card: bool
    currency: str
    subscriptions: list[Subscription]
    cards: list[Card]
    card_on_file: str
    release: str  # the UI release its admin center shows (mock_portal.releases)
    charges: list[Charge] = field(default_factory=list)

    def card(self, card_id: str) -> Card | None:
        return next((card for card in self.cards if card.id == card_id), None)

    def saved_card(self, card_id: str) -> Card:
        """A card the tenant is known to hold (the card on file, a charged card): cards are
        never removed, so the id always names one of ``cards``."""
        card = self.card(card_id)
        assert card is not None, f"tenant {self.id} has no card {card_id}"
        return card

    def subscription(self, subscription_id: str) -> Subscription | None:
        return next((sub for sub in self.subscriptions if sub.id == subscription_id), None)

    def to_json(self) -> dict:
        """The tenant as the API returns it (no full card numbers, no secrets)."""
        return {
            "id": self.id,
            "release": self.release,
            "admin": {"name": self.admin_name, "owns_card": self.owns_card},
            "currency": self.currency,
            "balance": {"amount": str(self.balance), "currency": self.currency},
            "subscriptions": [
                {
                    "id": sub.id,
                    "name": sub.name,
                    "balance": str(sub.balance),
                    "past_due": sub.past_due,
                }
                for sub in self.subscriptions
            ],
            "cards": [
                asdict(card) | {"on_file": card.id == self.card_on_file} for card in self.cards
            ],
            "charges": [
                {
                    "id": charge.id,
                    "subscription": charge.subscription_id,
                    "amount": str(charge.amount),
                    "currency": charge.currency,
                    "card": self.saved_card(charge.card_id).last4,
                }
                for charge in self.charges
            ],
        }

    @property
    def balance(self) -> Decimal:
        return sum((sub.balance for sub in self.subscriptions), money.zero(self.currency))


@dataclass(frozen=True)
class Payment:
    """A validated settle request: which card to charge and what to change first."""

    choice: str  # "expiry" | "other" | "new"
    new_expiry: str = ""
    other_card: str = ""
    number: str = ""
    holder: str = ""
    expires: str = ""


def default_subscriptions(balance: Decimal, currency: str, today: dt.date) -> list[Subscription]:
    """The products of a tenant: one past due, two in good standing."""
    renews = today.replace(day=1) + dt.timedelta(days=40)
    paid = money.zero(currency)
    return [
        Subscription(new_id(), "Microsoft 365 Business Standard", 25, 23, balance, renews),
        Subscription(new_id(), "Microsoft 365 E3", 10, 10, paid, renews),
        Subscription(new_id(), "Microsoft Defender for Office 365 (Plan 1)", 25, 12, paid, renews),
    ]
