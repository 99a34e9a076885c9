"""Security mutation self-check of the portal: does removing one protection fail a named test?

Each mutant removes exactly one of the portal's protections (an escape, the store lock, the
CSRF check, an auth check, a server limit, …) in a copy of the project, then runs the
regression tests named for it against that copy. A mutant is killed when those tests fail; a
surviving mutant is a protection no test guards. The unmutated copy must pass the same tests
first, so a kill means the mutation, not a broken setup.

    python -m tests.portal_mutation            every mutant, prints "portal mutants: killed K/N"
    python -m tests.portal_mutation --only csrf-check --only store-lock
    python -m tests.mutation --portal           the same (make mutate runs it)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_TIMEOUT_S = 300
# Not part of the project a test run needs: environments, caches, results.
NOT_COPIED = shutil.ignore_patterns(
    ".venv", ".git", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis",
    ".ruff_cache", "allure-results", "reports", "test-results", "*.egg-info",
)  # fmt: skip
SECURITY = "tests/test_portal_security.py::"
CONCURRENCY = "tests/test_portal_concurrency.py::"


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
        (SECURITY + "test_banner_escapes_the_requested_language",),
    ),
    PortalMutant(
        "store-lock", "store.py",
        "self._lock = threading.Lock()", 'self._lock = __import__("contextlib").nullcontext()',
        (CONCURRENCY + "test_settle_checks_and_charges_under_the_store_lock",
         CONCURRENCY + "test_parallel_saves_charge_exactly_once"),
    ),
    PortalMutant(
        "csrf-check", "app.py",
        "    tenant = signed_in_tenant()\n    check_csrf()\n", "    tenant = signed_in_tenant()\n",
        (SECURITY + "test_save_without_the_csrf_token_is_refused_and_charges_nothing",),
    ),
    PortalMutant(
        "api-token-check", "app.py",
        "    if store().api_tenant(token) != tenant_id:", "    if False:",
        ("tests/test_portal.py::test_api_tenant_access_is_by_token",),
    ),
    PortalMutant(
        "body-limit", "server.py",
        '"max_request_body_size": MAX_BODY,', '"max_request_body_size": 1 << 30,',
        (SECURITY + "test_chunked_body_over_the_limit_is_a_413",),
    ),
    PortalMutant(
        "json-nesting-limit", "app.py",
        "MAX_JSON_DEPTH = 32", "MAX_JSON_DEPTH = 1_000_000",
        (SECURITY + "test_deeply_nested_json_is_a_400_not_a_500",),
    ),
    PortalMutant(
        "any-currency", "money.py",
        "return isinstance(code, str) and code.isascii() and code in CURRENCIES",
        "return isinstance(code, str)",
        (SECURITY + "test_currency_must_be_an_iso_4217_code",),
    ),
    PortalMutant(
        "currency-decimals", "money.py",
        "    if amount != amount.quantize(unit):\n        return None\n", "",
        (SECURITY + "test_amount_has_at_most_the_currency_decimals",),
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
        "login-csrf", "app.py",
        'if request.headers.get("Sec-Fetch-Site", "none") not in SIGNIN_FETCH_SITES:',
        "if False:",
        (SECURITY + "test_signin_started_by_another_site_is_refused",),
    ),
    PortalMutant(
        "lax-session-cookie", "app.py",
        'httponly=True, samesite="Strict")', 'httponly=True, samesite="Lax")',
        (SECURITY + "test_session_cookie_is_httponly_strict_and_not_the_api_token",),
    ),
    PortalMutant(
        "host-allow-list", "app.py",
        '    if host_name(request.host) not in current_app.extensions["allowed_hosts"]:',
        "    if False:",
        (SECURITY + "test_unknown_host_is_refused",),
    ),
    PortalMutant(
        "token-masking", "security.py",
        'return SECRET_PARAM_RE.sub(lambda match: f"{match[1]}={MASK}", text)', "return text",
        (SECURITY + "test_tokens_are_masked_in_the_access_log",),
    ),
    PortalMutant(
        "remote-bind-opt-in", "server.py",
        "    if not allow_remote:\n", "    if False:\n",
        (SECURITY + "test_binding_beyond_loopback_needs_the_flag_and_an_api_key",
         SECURITY + "test_standalone_portal_refuses_a_remote_bind_without_the_flag"),
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
        (SECURITY + "test_c1_controls_in_the_holder_name_are_refused",),
    ),
    PortalMutant(
        "api-key-for-tenants", "app.py",
        "    if expected is None:\n        return True\n", "    return True\n",
        (SECURITY + "test_binding_beyond_loopback_needs_the_flag_and_an_api_key",),
    ),
    PortalMutant(
        "relative-redirects", "app.py",
        "    app.after_request(relative_location)\n", "",
        (SECURITY + "test_redirects_are_relative",),
    ),
    PortalMutant(
        "accept-language-bound", "app.py",
        "[:MAX_LANGUAGE_PREFERENCES]", "",
        (SECURITY + "test_long_accept_language_is_bounded",),
    ),
    PortalMutant(
        "header-size-limit", "server.py",
        '"max_request_header_size": 16 * 1024,', '"max_request_header_size": 262144,',
        (SECURITY + "test_oversized_headers_are_refused",),
    ),
    PortalMutant(
        "hand-written-rtl-list", "app.py",
        'locale.character_order == "right-to-left"', 'locale.language in {"ar", "he", "fa", "ur"}',
        (SECURITY + "test_text_direction_comes_from_cldr",),
    ),
]  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    mutant: PortalMutant | None
    returncode: int
    output: str

    @property
    def killed(self) -> bool:
        # 1: tests ran and failed. 2-5 (collection error, usage, no tests) prove nothing.
        return self.mutant is not None and self.returncode == 1


def copy_project(mutant: PortalMutant | None, destination: Path) -> Path:
    """The project copied to ``destination`` with the mutant's one change applied."""
    shutil.copytree(ROOT, destination, ignore=NOT_COPIED)
    if mutant is None:
        return destination
    source = destination / "mock_portal" / mutant.file
    text = source.read_text(encoding="utf-8")
    if text.count(mutant.old) != 1:
        raise LookupError(f"mutant {mutant.name}: {mutant.old!r} is not once in {mutant.file}")
    source.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")
    return destination


def run_tests(project: Path, tests: tuple[str, ...]) -> subprocess.CompletedProcess:
    """The named tests, run in the copy: its mock_portal is first on sys.path (the cwd)."""
    command = [
        sys.executable, "-m", "pytest", *tests, "-x", "-q", "--no-header",
        "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist",
    ]  # fmt: skip
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def evaluate(mutant: PortalMutant | None, tests: tuple[str, ...]) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="portal-mutant-") as scratch:
        project = copy_project(mutant, Path(scratch) / "project")
        result = run_tests(project, tests)
    return Outcome(mutant, result.returncode, result.stdout + result.stderr)


def copy_is_imported() -> bool:
    """Guard against testing the original: the copy's mock_portal is the one imported."""
    with tempfile.TemporaryDirectory(prefix="portal-mutant-") as scratch:
        project = copy_project(None, Path(scratch) / "project")
        probe = subprocess.run(
            [sys.executable, "-c", "import mock_portal; print(mock_portal.__file__)"],
            cwd=project, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        return probe.stdout.strip().startswith(str(project))


def sweep(mutants: list[PortalMutant], workers: int = 2) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda mutant: evaluate(mutant, mutant.tests), mutants))


def baseline(mutants: list[PortalMutant]) -> Outcome:
    """Every named test on the unmutated copy: must pass for kills to mean anything."""
    tests = tuple(dict.fromkeys(test for mutant in mutants for test in mutant.tests))
    return evaluate(None, tests)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.portal_mutation", description=__doc__)
    parser.add_argument("--only", action="append", help="only the mutant with this name")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="list the mutants and their tests")
    args = parser.parse_args(argv)
    mutants = [m for m in MUTANTS if not args.only or m.name in args.only]
    if args.list or not mutants:
        for mutant in mutants or MUTANTS:
            print(f"{mutant}: {', '.join(mutant.tests)}")
        return 0 if mutants else 2
    if not copy_is_imported():
        print("error: the copied project's mock_portal is not the one imported", file=sys.stderr)
        return 2
    unmutated = baseline(mutants)
    if unmutated.returncode != 0:
        print("error: the named tests fail without any mutant:\n" + unmutated.output[-3000:])
        return 2
    outcomes = sweep(mutants, args.workers)
    for outcome in outcomes:
        print(f"{'killed  ' if outcome.killed else 'SURVIVED'}  {outcome.mutant}")
    survivors = [outcome for outcome in outcomes if not outcome.killed]
    print(f"\nportal mutants: killed {len(outcomes) - len(survivors)}/{len(outcomes)}")
    for outcome in survivors:
        print(f"\n--- survivor {outcome.mutant} (exit {outcome.returncode}) ---")
        print(outcome.output[-3000:])
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
