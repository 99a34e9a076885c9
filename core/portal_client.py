"""The portal's tenant API over HTTP: create a tenant, read its state back, delete it.

The suite reaches the system under test only through HTTP (this client) and the browser; the
state comes back as typed records, so an outcome check reads ``state.charges``, never a dict
by string keys.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

API_TIMEOUT = 10


class PortalError(RuntimeError):
    """The portal's API answered with an error or not at all."""


@dataclass(frozen=True)
class TenantHandle:
    """A tenant created for one test: its id, API credential and one-time sign-in URL."""

    id: str
    token: str
    signin_url: str

    def __repr__(self) -> str:
        # Shown as a step parameter in reports: never the credential or the sign-in link.
        return f"TenantHandle(id={self.id!r}, token=***, signin_url=***)"


@dataclass(frozen=True)
class CardState:
    """A saved card as the API reports it (never the full number)."""

    id: str
    brand: str
    last4: str
    expires: str
    holder: str
    on_file: bool


@dataclass(frozen=True)
class ChargeState:
    """One charge the portal made."""

    amount: str
    currency: str
    card: str  # last four digits
    subscription: str = ""


@dataclass(frozen=True)
class SubscriptionState:
    """A subscription and whether it is past due."""

    id: str
    past_due: bool


@dataclass(frozen=True)
class TenantState:
    """What the portal recorded for a tenant: balance, cards, charges."""

    balance: str
    currency: str
    cards: tuple[CardState, ...]
    charges: tuple[ChargeState, ...]
    subscriptions: tuple[SubscriptionState, ...] = ()

    @property
    def card_on_file(self) -> CardState:
        return next(card for card in self.cards if card.on_file)

    def card(self, last4: str) -> CardState | None:
        return next((card for card in self.cards if card.last4 == last4), None)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TenantState:
        try:
            return cls(
                balance=str(data["balance"]["amount"]),
                currency=str(data["balance"]["currency"]),
                cards=tuple(
                    CardState(
                        str(c["id"]),
                        str(c["brand"]),
                        str(c["last4"]),
                        str(c["expires"]),
                        str(c["holder"]),
                        bool(c["on_file"]),
                    )
                    for c in data["cards"]
                ),
                charges=tuple(
                    ChargeState(
                        str(c["amount"]),
                        str(c["currency"]),
                        str(c["card"]),
                        str(c.get("subscription", "")),
                    )
                    for c in data["charges"]
                ),
                subscriptions=tuple(
                    SubscriptionState(str(s["id"]), bool(s["past_due"]))
                    for s in data.get("subscriptions", ())
                ),
            )
        except (KeyError, TypeError) as error:
            raise PortalError(
                f"tenant state: unexpected shape ({error!r}): {data!r:.300}"
            ) from error


class PortalClient:
    """The portal's base URL and a small client for its tenant API."""

    def __init__(self, base_url: str, api_key: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key  # needed to create tenants on a portal bound beyond loopback

    def __repr__(self) -> str:
        return f"PortalClient({self.base_url})"

    def _call(
        self, method: str, path: str, body: dict[str, Any] | None = None, token: str = ""
    ) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=API_TIMEOUT) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:500]
            raise PortalError(f"{method} {path} -> HTTP {error.code}: {detail}") from error
        except (urllib.error.URLError, OSError) as error:
            raise PortalError(
                f"{method} {self.base_url}{path}: portal unreachable: {error}"
            ) from error
        result = json.loads(raw) if raw else {}
        if not isinstance(result, dict):
            raise PortalError(f"{method} {path}: expected a JSON object, got {result!r:.200}")
        return result

    def health(self) -> dict[str, Any]:
        return self._call("GET", "/api/health")

    def create_tenant(self, setup: dict[str, Any]) -> TenantHandle:
        created = self._call("POST", "/api/tenants", setup, token=self.api_key or "")
        return TenantHandle(created["id"], created["token"], self.base_url + created["signin_path"])

    def signin_url(self, tenant: TenantHandle) -> str:
        """Another one-time sign-in URL (the one in the handle works once)."""
        link = self._call("POST", f"/api/tenants/{tenant.id}/signin-links", {}, token=tenant.token)
        return self.base_url + str(link["signin_path"])

    def state(self, tenant: TenantHandle) -> TenantState:
        return TenantState.from_json(
            self._call("GET", f"/api/tenants/{tenant.id}", token=tenant.token)
        )

    def delete(self, tenant: TenantHandle) -> None:
        self._call("DELETE", f"/api/tenants/{tenant.id}", token=tenant.token)
