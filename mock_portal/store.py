"""In-memory tenants of the mock portal and their credentials: ``TenantStore``.

Every test creates its own tenant, so tenants never share state. All reads and writes go
through ``TenantStore`` under one lock, which is what keeps a double Save (or two pages saving
at once) to a single charge: the checks that depend on the tenant's state (is it still past
due, which card is on file) run under that same lock as the charge. Pages render copies.

The tenant model is in ``mock_portal.tenants``, the API's setup validation in
``mock_portal.tenant_setup`` and the kinds of credentials in ``mock_portal.credentials``; the
names the app and the tests use are re-exported here.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
import time
from collections.abc import Callable

from mock_portal import money, payments
from mock_portal.credentials import Credentials, LinkSpent, Session, SigninLink, TooManyLinks
from mock_portal.i18n import N_
from mock_portal.security import digest, new_secret
from mock_portal.tenant_setup import SetupError
from mock_portal.tenant_setup import parse_setup as parse_setup  # for the app and the tests
from mock_portal.tenants import Card, Charge, Payment, Tenant, default_subscriptions, new_id

MAX_TENANTS = 5000
SIGNIN_LINK_TTL_S = 600.0
SESSION_TTL_S = 8 * 3600.0
# Outstanding sign-in links per tenant: enough for many browsers, bounded for memory.
MAX_LINKS_PER_TENANT = 100


class SettleError(ValueError):
    """A settle request that cannot be carried out: the form field and a catalog msgid."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class TenantGone(LookupError):
    """The tenant was deleted (e.g. by the test's cleanup) while a request was using it."""


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
            release=setup["release"],
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
