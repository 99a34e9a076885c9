"""In-memory tenants of the mock portal: subscriptions, saved cards, charges.

Every test creates its own tenant, so tenants never share state. All reads and writes go
through ``TenantStore`` under one lock, which is what keeps a double Save (or two pages saving
at once) to a single charge.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from mock_portal import payments
from mock_portal.i18n import N_

MAX_TENANTS = 5000


class SetupError(ValueError):
    """Invalid tenant setup sent to the API; the message names the field."""


class SettleError(ValueError):
    """A settle request that cannot be carried out; the message is a catalog msgid."""


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
    token: str
    admin_name: str
    owns_card: bool
    currency: str
    subscriptions: list[Subscription]
    cards: list[Card]
    card_on_file: str
    charges: list[Charge] = field(default_factory=list)

    def card(self, card_id: str) -> Card | None:
        return next((card for card in self.cards if card.id == card_id), None)

    def subscription(self, subscription_id: str) -> Subscription | None:
        return next((sub for sub in self.subscriptions if sub.id == subscription_id), None)

    def to_json(self) -> dict:
        """The tenant as the API returns it (no full card numbers, no token)."""
        return {
            "id": self.id,
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
                    "card": self.card(charge.card_id).last4,
                }
                for charge in self.charges
            ],
        }

    @property
    def balance(self) -> Decimal:
        return sum((sub.balance for sub in self.subscriptions), Decimal("0.00"))


@dataclass(frozen=True)
class Payment:
    """A validated settle request: which card to charge and what to change first."""

    choice: str  # "expiry" | "other" | "new"
    new_expiry: str = ""
    other_card: str = ""
    number: str = ""
    holder: str = ""
    expires: str = ""


DEFAULT_CARDS = [
    {"number": "4242424242424242", "expires": "04/2027", "holder": "Alex Wilber", "on_file": True},
    {"number": "5555555555554444", "expires": "11/2028", "holder": "Alex Wilber"},
]


def new_id() -> str:
    return secrets.token_hex(6)


def parse_setup(data: object) -> dict:
    """Validate an API tenant setup; raise ``SetupError`` naming the offending field."""
    if not isinstance(data, dict):
        raise SetupError("body: expected a JSON object")
    unknown = set(data) - {"admin", "balance", "cards"}
    if unknown:
        raise SetupError(f"body: unknown field(s) {sorted(unknown)}")
    admin = _object(data.get("admin", {}), "admin")
    name = admin.get("name", "Alex Wilber")
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        raise SetupError("admin.name: expected a non-empty string of at most 100 characters")
    owns_card = admin.get("owns_card", True)
    if not isinstance(owns_card, bool):
        raise SetupError("admin.owns_card: expected true or false")
    balance = _object(data.get("balance", {}), "balance")
    amount = _amount(balance.get("amount", "129.00"))
    currency = balance.get("currency", "USD")
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha()):
        raise SetupError("balance.currency: expected an ISO 4217 code such as 'USD'")
    cards = data.get("cards", DEFAULT_CARDS)
    if not isinstance(cards, list) or not 1 <= len(cards) <= 10:
        raise SetupError("cards: expected a list of 1 to 10 cards")
    parsed = [_card(card, f"cards[{index}]") for index, card in enumerate(cards)]
    on_file = [card_id for card_id, is_on_file in parsed if is_on_file]
    if len(on_file) != 1:
        raise SetupError('cards: exactly one card must have "on_file": true')
    return {
        "admin_name": name.strip(),
        "owns_card": owns_card,
        "amount": amount,
        "currency": currency.upper(),
        "cards": [card for card, _ in parsed],
        "card_on_file": on_file[0].id,
    }


def _object(value: object, name: str) -> dict:
    if not isinstance(value, dict):
        raise SetupError(f"{name}: expected a JSON object")
    return value


def _amount(value: object) -> Decimal:
    try:
        amount = Decimal(str(value)) if isinstance(value, str | int) else None
    except ArithmeticError:
        amount = None
    if (
        amount is None
        or not amount.is_finite()
        or amount <= 0
        or amount > 1_000_000
        or amount != amount.quantize(Decimal("0.01"))
    ):
        raise SetupError('balance.amount: expected a positive amount such as "129.00"')
    return amount.quantize(Decimal("0.01"))


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


def default_subscriptions(balance: Decimal, today: dt.date) -> list[Subscription]:
    """The products of a tenant: one past due, two in good standing."""
    renews = today.replace(day=1) + dt.timedelta(days=40)
    return [
        Subscription(new_id(), "Microsoft 365 Business Standard", 25, 23, balance, renews),
        Subscription(new_id(), "Microsoft 365 E3", 10, 10, Decimal("0.00"), renews),
        Subscription(
            new_id(), "Microsoft Defender for Office 365 (Plan 1)", 25, 12, Decimal("0.00"), renews
        ),
    ]


class TenantStore:
    """All tenants, behind one lock."""

    def __init__(self, today: dt.date | None = None) -> None:
        self._tenants: dict[str, Tenant] = {}
        self._lock = threading.Lock()
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def create(self, setup: dict) -> Tenant:
        tenant = Tenant(
            id=new_id(),
            token=secrets.token_urlsafe(24),
            admin_name=setup["admin_name"],
            owns_card=setup["owns_card"],
            currency=setup["currency"],
            subscriptions=default_subscriptions(setup["amount"], self.today()),
            cards=setup["cards"],
            card_on_file=setup["card_on_file"],
        )
        with self._lock:
            if len(self._tenants) >= MAX_TENANTS:
                raise SetupError("too many tenants: delete the ones you no longer need")
            self._tenants[tenant.id] = tenant
        return tenant

    def get(self, tenant_id: str) -> Tenant | None:
        with self._lock:
            return self._tenants.get(tenant_id)

    def by_token(self, token: str) -> Tenant | None:
        with self._lock:
            return next(
                (t for t in self._tenants.values() if secrets.compare_digest(t.token, token)),
                None,
            )

    def delete(self, tenant_id: str) -> bool:
        with self._lock:
            return self._tenants.pop(tenant_id, None) is not None

    def snapshot(self, tenant_id: str) -> dict | None:
        with self._lock:
            tenant = self._tenants.get(tenant_id)
            return tenant.to_json() if tenant else None

    def settle(self, tenant_id: str, subscription_id: str, payment: Payment) -> Charge | None:
        """Apply ``payment`` and charge the balance once; None if it was already settled."""
        with self._lock:
            tenant = self._tenants[tenant_id]
            subscription = tenant.subscription(subscription_id)
            if subscription is None:
                raise SettleError(N_("This subscription doesn't exist."))
            if not subscription.past_due:
                return None
            card = self._card_to_charge(tenant, payment)
            charge = Charge(
                new_id(), subscription.id, subscription.balance, tenant.currency, card.id
            )
            tenant.charges.append(charge)
            subscription.balance = Decimal("0.00")
            return charge

    def _card_to_charge(self, tenant: Tenant, payment: Payment) -> Card:
        if payment.choice == "expiry":
            if not tenant.owns_card:
                raise SettleError(N_("Only the card owner can change the expiration date."))
            card = tenant.card(tenant.card_on_file)
            card.expires = payments.format_expiry(payment.new_expiry)
            return card
        if payment.choice == "other":
            card = tenant.card(payment.other_card)
            if card is None or card.id == tenant.card_on_file:
                raise SettleError(N_("Choose one of your saved cards."))
        else:
            digits = payments.digits_of(payment.number)
            card = Card(
                new_id(),
                payments.brand_of(digits) or "",
                digits[-4:],
                payments.format_expiry(payment.expires),
                payment.holder.strip(),
            )
            tenant.cards.append(card)
        tenant.card_on_file = card.id
        return card
