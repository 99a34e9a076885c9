"""In-memory tenants of the mock portal: subscriptions, saved cards, charges, credentials.

Every test creates its own tenant, so tenants never share state. All reads and writes go
through ``TenantStore`` under one lock, which is what keeps a double Save (or two pages saving
at once) to a single charge: the checks that depend on the tenant's state (is it still past
due, which card is on file) run under that same lock as the charge. Pages render copies.

Three kinds of secrets, never interchangeable and stored only as SHA-256 digests:
  API token      Bearer credential of the JSON API for one tenant (test setup and checks)
  sign-in link   one-time, expiring; redeemed by a browser for a session
  session        the browser's cookie, with its own CSRF token for state-changing forms
"""

from __future__ import annotations

import copy
import datetime as dt
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from mock_portal import money, payments
from mock_portal.i18n import N_
from mock_portal.security import digest, new_secret

MAX_TENANTS = 5000
SIGNIN_LINK_TTL_S = 600.0
SESSION_TTL_S = 8 * 3600.0
# Outstanding sign-in links per tenant: enough for many browsers, bounded for memory.
MAX_LINKS_PER_TENANT = 100


class SetupError(ValueError):
    """Invalid tenant setup sent to the API; the message names the field."""


class SettleError(ValueError):
    """A settle request that cannot be carried out: the form field and a catalog msgid."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class TenantGone(LookupError):
    """The tenant was deleted (e.g. by the test's cleanup) while a request was using it."""


class LinkSpent(LookupError):
    """A sign-in link that existed but expired or was already used."""


class TooManyLinks(RuntimeError):
    """A tenant asked for more outstanding sign-in links than ``MAX_LINKS_PER_TENANT``."""


@dataclass(frozen=True)
class Credentials:
    """What creating a tenant hands out, once: its id, API token and first sign-in link."""

    tenant_id: str
    api_token: str
    signin_token: str


@dataclass
class SigninLink:
    tenant_id: str
    expires_at: float
    used: bool = False


@dataclass(frozen=True)
class Session:
    tenant_id: str
    expires_at: float


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


def default_subscriptions(balance: Decimal, currency: str, today: dt.date) -> list[Subscription]:
    """The products of a tenant: one past due, two in good standing."""
    renews = today.replace(day=1) + dt.timedelta(days=40)
    paid = money.zero(currency)
    return [
        Subscription(new_id(), "Microsoft 365 Business Standard", 25, 23, balance, renews),
        Subscription(new_id(), "Microsoft 365 E3", 10, 10, paid, renews),
        Subscription(new_id(), "Microsoft Defender for Office 365 (Plan 1)", 25, 12, paid, renews),
    ]


class TenantStore:
    """All tenants and their credentials, behind one lock."""

    def __init__(
        self, today: dt.date | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._tenants: dict[str, Tenant] = {}
        self._api_tokens: dict[str, str] = {}  # digest -> tenant id
        self._links: dict[str, SigninLink] = {}  # digest -> link
        self._sessions: dict[str, Session] = {}  # digest -> session
        self._lock = threading.Lock()
        self._today = today
        self._clock = clock

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # --- tenants --------------------------------------------------------------------------

    def create(self, setup: dict) -> Credentials:
        """A new tenant from a parsed setup, with its API token and a first sign-in link."""
        tenant = Tenant(
            id=new_id(),
            admin_name=setup["admin_name"],
            owns_card=setup["owns_card"],
            currency=setup["currency"],
            subscriptions=default_subscriptions(setup["amount"], setup["currency"], self.today()),
            cards=setup["cards"],
            card_on_file=setup["card_on_file"],
        )
        api_token = new_secret()
        with self._lock:
            if len(self._tenants) >= MAX_TENANTS:
                raise SetupError("too many tenants: delete the ones you no longer need")
            self._tenants[tenant.id] = tenant
            self._api_tokens[digest(api_token)] = tenant.id
            signin_token = self._new_link(tenant.id)
        return Credentials(tenant.id, api_token, signin_token)

    def exists(self, tenant_id: str) -> bool:
        with self._lock:
            return tenant_id in self._tenants

    def view(self, tenant_id: str) -> Tenant | None:
        """A copy of the tenant: pages render it while other requests change the original."""
        with self._lock:
            tenant = self._tenants.get(tenant_id)
            return copy.deepcopy(tenant) if tenant else None

    def snapshot(self, tenant_id: str) -> dict | None:
        with self._lock:
            tenant = self._tenants.get(tenant_id)
            return tenant.to_json() if tenant else None

    def delete(self, tenant_id: str) -> bool:
        """Remove a tenant with every credential of it (open sessions end at once)."""
        with self._lock:
            if self._tenants.pop(tenant_id, None) is None:
                return False
            self._api_tokens = {k: v for k, v in self._api_tokens.items() if v != tenant_id}
            self._links = {k: v for k, v in self._links.items() if v.tenant_id != tenant_id}
            self._sessions = {k: v for k, v in self._sessions.items() if v.tenant_id != tenant_id}
            return True

    # --- credentials ----------------------------------------------------------------------

    def api_tenant(self, api_token: str) -> str | None:
        """The id of the tenant this API token belongs to."""
        with self._lock:
            return self._api_tokens.get(digest(api_token))

    def issue_signin_link(self, tenant_id: str) -> str:
        """Another one-time sign-in token for the tenant (e.g. for a second browser)."""
        with self._lock:
            if tenant_id not in self._tenants:
                raise TenantGone(tenant_id)
            return self._new_link(tenant_id)

    def _new_link(self, tenant_id: str) -> str:
        # Caller holds the lock.
        now = self._clock()
        self._links = {k: v for k, v in self._links.items() if v.expires_at > now}
        if sum(link.tenant_id == tenant_id for link in self._links.values()) >= (
            MAX_LINKS_PER_TENANT
        ):
            raise TooManyLinks(tenant_id)
        token = new_secret()
        self._links[digest(token)] = SigninLink(tenant_id, now + SIGNIN_LINK_TTL_S)
        return token

    def redeem_signin_link(self, token: str) -> str | None:
        """Spend a sign-in token: the session token of a new session.

        None when the link never existed; ``LinkSpent`` when it expired or was already used.
        """
        with self._lock:
            link = self._links.get(digest(token))
            if link is None or link.tenant_id not in self._tenants:
                return None
            now = self._clock()
            if link.used or link.expires_at <= now:
                raise LinkSpent(link.tenant_id)
            link.used = True  # kept until it expires, so a replay gets the "used" message
            session_token = new_secret()
            self._sessions[digest(session_token)] = Session(link.tenant_id, now + SESSION_TTL_S)
            return session_token

    def signed_in(self, session_token: str) -> Tenant | None:
        """A copy of the session's tenant; None when signed out, expired or deleted."""
        with self._lock:
            session = self._sessions.get(digest(session_token))
            if session is None or session.expires_at <= self._clock():
                return None
            tenant = self._tenants.get(session.tenant_id)
            return copy.deepcopy(tenant) if tenant else None

    # --- the charge -----------------------------------------------------------------------

    def settle(self, tenant_id: str, subscription_id: str, payment: Payment) -> Charge | None:
        """Apply ``payment`` and charge the balance once; None if it was already settled.

        Everything that depends on the tenant's current state is checked here, under the lock:
        checked outside it, a concurrent Save could change the card on file in between and a
        request that settled nothing would claim an error while the balance was paid.
        """
        with self._lock:
            tenant = self._tenants.get(tenant_id)
            if tenant is None:
                raise TenantGone(tenant_id)
            subscription = tenant.subscription(subscription_id)
            if subscription is None:
                raise SettleError("choice", N_("This subscription doesn't exist."))
            if not subscription.past_due:
                return None
            card = self._card_to_charge(tenant, payment)
            charge = Charge(
                new_id(), subscription.id, subscription.balance, tenant.currency, card.id
            )
            tenant.charges.append(charge)
            subscription.balance = money.zero(tenant.currency)
            return charge

    def _card_to_charge(self, tenant: Tenant, payment: Payment) -> Card:
        if payment.choice == "expiry":
            if not tenant.owns_card:
                raise SettleError(
                    "choice", N_("Only the card owner can change the expiration date.")
                )
            on_file = tenant.saved_card(tenant.card_on_file)
            on_file.expires = payments.format_expiry(payment.new_expiry)
            return on_file
        if payment.choice == "other":
            card = tenant.card(payment.other_card)
            if card is None or card.id == tenant.card_on_file:
                raise SettleError("other_card", N_("Choose one of your saved cards."))
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
