"""The credentials of a tenant and the errors of spending them.

Three kinds of secrets, never interchangeable and stored only as SHA-256 digests:
  API token      Bearer credential of the JSON API for one tenant (test setup and checks)
  sign-in link   one-time, expiring; redeemed by a browser for a session
  session        the browser's cookie, with its own CSRF token for state-changing forms

``TenantStore`` (``mock_portal.store``) issues, redeems and revokes them under its lock.
"""

from __future__ import annotations

from dataclasses import dataclass


class LinkSpent(LookupError):
    """A sign-in link that existed but expired or was already used."""


class TooManyLinks(RuntimeError):
    """A tenant asked for more outstanding sign-in links than ``MAX_LINKS_PER_TENANT`` (in
    ``mock_portal.store``)."""


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
