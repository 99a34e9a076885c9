"""Small security helpers of the mock portal: secret digests, masking, Host names, JSON depth.

Nothing here knows about Flask; ``app.py`` and ``server.py`` wire these into requests.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets
from collections.abc import Iterable

# Host names a loopback-only portal answers to. A browser on the same machine writes one of
# these; anything else in the Host header is a DNS-rebinding or Host-injection attempt.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# Wildcard binds: listening "everywhere" is beyond loopback too.
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::"})
SECRET_PARAM_RE = re.compile(r"(?i)\b(token|csrf_token|api_key)=([^&\s\"']+)")
MASK = "***"


def new_secret() -> str:
    """A fresh unguessable token (192 bits), URL-safe."""
    return secrets.token_urlsafe(24)


def digest(secret: str) -> str:
    """What the store keeps instead of a secret: lookups by digest need no scan and leak no
    timing about the secret itself, and a dump of the store holds no usable token."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def same_secret(given: str, expected_digest: str) -> bool:
    """Constant-time comparison of a presented secret with a stored digest."""
    return secrets.compare_digest(digest(given), expected_digest)


def mask_secrets(text: str) -> str:
    """``text`` (a request line, a URL) with every token-like query value replaced by ***."""
    return SECRET_PARAM_RE.sub(lambda match: f"{match[1]}={MASK}", text)


def host_name(host_header: str) -> str:
    """The host of a Host header without its port, lower-cased: '[::1]:80' -> '::1'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def is_loopback(host: str) -> bool:
    """True for a bind address or name that only this machine can reach."""
    name = host_name(host) if host.startswith("[") else host.lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def allowed_host_names(extra: Iterable[str]) -> frozenset[str]:
    """The Host names the portal answers to: loopback names plus the given ones."""
    return LOOPBACK_HOSTS | ({host_name(host) for host in extra} - {""})


def json_too_deep(raw: bytes, limit: int) -> bool:
    """True when the JSON text nests arrays/objects deeper than ``limit``.

    Checked on the raw bytes before parsing, because the parser itself recurses and a few KB
    of brackets raise RecursionError (a 500) inside it.
    """
    depth = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # closing quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return False
