"""The mutants of the portal's security mutation self-check (``tests.portal_mutation``): each
removes one protection from a file under mock_portal/ and names the tests that must then fail."""

from __future__ import annotations

from dataclasses import dataclass

SECURITY = "tests/test_portal_security.py::"
INPUT = "tests/test_portal_security_input.py::"
SERVER = "tests/test_portal_security_server.py::"
API = "tests/test_portal_api.py::"
CONCURRENCY = "tests/test_portal_concurrency.py::"
RELEASE = "tests/test_portal_release.py::"


@dataclass(frozen=True)
class PortalMutant:
    """One protection removed: in ``file`` (under mock_portal/), ``old`` becomes ``new``."""

    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.name} ({self.file})"


MUTANTS = [
    PortalMutant(
        "banner-escape", "templates/base.html",
        "requested=negotiated.requested)", "requested=negotiated.requested|safe)",
        (INPUT + "test_banner_escapes_the_requested_language",),
    ),
    PortalMutant(
        "store-lock", "store.py",
        "self._lock = threading.Lock()", 'self._lock = __import__("contextlib").nullcontext()',
        (CONCURRENCY + "test_settle_checks_and_charges_under_the_store_lock",
         CONCURRENCY + "test_parallel_saves_charge_exactly_once"),
    ),
    PortalMutant(
        "csrf-check", "views.py",
        "    tenant = signed_in_tenant()\n    check_csrf()\n", "    tenant = signed_in_tenant()\n",
        (SECURITY + "test_save_without_the_csrf_token_is_refused_and_charges_nothing",),
    ),
    PortalMutant(
        "csrf-check-2022", "bills.py",
        "    tenant = signed_in_tenant()\n    check_csrf()\n", "    tenant = signed_in_tenant()\n",
        (RELEASE + "test_release_2022_save_without_this_sessions_csrf_token_is_refused",),
    ),
    PortalMutant(
        "release-checked", "tenant_setup.py",
        "        return release_of(value).name", "        return str(value)",
        (RELEASE + "test_an_unknown_release_is_refused_naming_the_field_and_the_allowed_values",),
    ),
    PortalMutant(
        "api-token-check", "api.py",
        "    if store().api_tenant(token) != tenant_id:", "    if False:",
        (API + "test_api_tenant_access_is_by_token",),
    ),
    PortalMutant(
        "body-limit", "server.py",
        '"max_request_body_size": MAX_BODY,', '"max_request_body_size": 1 << 30,',
        (SERVER + "test_chunked_body_over_the_limit_is_a_413",),
    ),
    PortalMutant(
        "json-nesting-limit", "api.py",
        "MAX_JSON_DEPTH = 32", "MAX_JSON_DEPTH = 1_000_000",
        (INPUT + "test_deeply_nested_json_is_a_400_not_a_500",),
    ),
    PortalMutant(
        "any-currency", "money.py",
        "return isinstance(code, str) and code.isascii() and code in CURRENCIES",
        "return isinstance(code, str)",
        (INPUT + "test_currency_must_be_an_iso_4217_code",),
    ),
    PortalMutant(
        "currency-decimals", "money.py",
        "    if amount != amount.quantize(unit):\n        return None\n", "",
        (INPUT + "test_amount_has_at_most_the_currency_decimals",),
    ),
    PortalMutant(
        "reusable-signin-link", "store.py",
        "link.used = True", "link.used = False",
        (SECURITY + "test_signin_link_works_once",),
    ),
    PortalMutant(
        "signin-link-never-expires", "store.py",
        "if link.used or link.expires_at <= now:", "if link.used:",
        (SECURITY + "test_signin_link_expires",),
    ),
    PortalMutant(
        "login-csrf", "views.py",
        'if request.headers.get("Sec-Fetch-Site", "none") not in SIGNIN_FETCH_SITES:',
        "if False:",
        (SECURITY + "test_signin_started_by_another_site_is_refused",),
    ),
    PortalMutant(
        "lax-session-cookie", "views.py",
        'httponly=True, samesite="Strict")', 'httponly=True, samesite="Lax")',
        (SECURITY + "test_session_cookie_is_httponly_strict_and_not_the_api_token",),
    ),
    PortalMutant(
        "host-allow-list", "app.py",
        '    if host_name(request.host) not in current_app.extensions["allowed_hosts"]:',
        "    if False:",
        (SERVER + "test_unknown_host_is_refused",),
    ),
    PortalMutant(
        "token-masking", "security.py",
        'return SECRET_PARAM_RE.sub(lambda match: f"{match[1]}={MASK}", text)', "return text",
        (SECURITY + "test_tokens_are_masked_in_the_access_log",),
    ),
    PortalMutant(
        "remote-bind-opt-in", "server.py",
        "    if not allow_remote:\n", "    if False:\n",
        (SERVER + "test_binding_beyond_loopback_needs_the_flag_and_an_api_key",
         SERVER + "test_standalone_portal_refuses_a_remote_bind_without_the_flag"),
    ),
    PortalMutant(
        "deleted-tenant-guard", "store.py",
        "            tenant = self._tenants.get(tenant_id)\n            if tenant is None:\n"
        "                raise TenantGone(tenant_id)\n            subscription",
        "            tenant = self._tenants[tenant_id]\n            subscription",
        (SECURITY + "test_deleted_tenant_cannot_be_settled",
         CONCURRENCY + "test_save_racing_delete_never_500s"),
    ),
    PortalMutant(
        "control-characters-in-names", "payments.py",
        "if not name.strip() or has_control_characters(name):", "if not name.strip():",
        (INPUT + "test_c1_controls_in_the_holder_name_are_refused",),
    ),
    PortalMutant(
        "api-key-for-tenants", "api.py",
        "    if expected is None:\n        return True\n", "    return True\n",
        (SERVER + "test_binding_beyond_loopback_needs_the_flag_and_an_api_key",),
    ),
    PortalMutant(
        "relative-redirects", "app.py",
        "    app.after_request(relative_location)\n", "",
        (SERVER + "test_redirects_are_relative",),
    ),
    PortalMutant(
        "accept-language-bound", "localization.py",
        "[:MAX_LANGUAGE_PREFERENCES]", "",
        (SERVER + "test_long_accept_language_is_bounded",),
    ),
    PortalMutant(
        "header-size-limit", "server.py",
        '"max_request_header_size": 16 * 1024,', '"max_request_header_size": 262144,',
        (SERVER + "test_oversized_headers_are_refused",),
    ),
    PortalMutant(
        "hand-written-rtl-list", "localization.py",
        'locale.character_order == "right-to-left"', 'locale.language in {"ar", "he", "fa", "ur"}',
        (INPUT + "test_text_direction_comes_from_cldr",),
    ),
]  # fmt: skip
