"""Concurrent requests against the portal served by waitress over HTTP (real threads, real
sockets): parallel Saves charge once, Save racing DELETE never answers 500, a double submit
is one charge, and tenants never see each other's charges."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial

import pytest

from core.portal_client import PortalClient
from mock_portal import create_app
from mock_portal.store import Payment, TenantStore, parse_setup
from tests.portal_http import (
    Reply,
    another_browser,
    live_portal,
    other_card,
    past_due,
    run_together,
    signed_in,
)

TODAY = dt.date(2026, 11, 22)
PARALLEL_SAVES = 50
RACE_ROUNDS = 30
# Switch threads far more often than the default 5 ms, so that a check-then-act without the
# store lock is actually interleaved within a test run.
SWITCH_INTERVAL_S = 1e-6


@pytest.fixture(scope="module")
def live() -> Iterator[PortalClient]:
    with live_portal(create_app(store=TenantStore(today=TODAY))) as running:
        yield PortalClient(running.url)


@pytest.fixture
def busy_switching() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def form_for(option: str, live: PortalClient, tenant) -> dict:
    """A valid Save of each way to pay."""
    if option == "expiry":
        return {"choice": "expiry", "new_expiry": "09/2030"}
    if option == "other":
        return {"choice": "other", "other_card": other_card(live, tenant)}
    return {"choice": "new", "number": "5555 5555 5555 4444", "holder": "Megan Bowen",
            "expires": "08/2031", "cvv": "123"}  # fmt: skip


@pytest.mark.parametrize("option", ["expiry", "other", "new"])
def test_parallel_saves_charge_exactly_once(live: PortalClient, busy_switching, option) -> None:
    tenant, browser = signed_in(live)
    sub = past_due(live, tenant)
    browser.open_settle_panel(sub)
    form = form_for(option, live, tenant)
    replies = run_together([partial(browser.save, sub, form)] * PARALLEL_SAVES)
    assert Counter(reply.status for reply in replies) == {303: PARALLEL_SAVES}
    state = live.state(tenant)
    assert [charge.amount for charge in state.charges] == ["129.00"]
    assert state.balance == "0.00"
    if option == "new":  # one new card, not one per request
        assert len(state.cards) == 3


def test_two_pages_picking_a_different_card_both_see_success(
    live: PortalClient, busy_switching
) -> None:
    """The race of issue 13: the second page must not say "Nothing was charged" (422) while
    the first one's charge exists."""
    statuses: Counter = Counter()
    for _ in range(RACE_ROUNDS):
        tenant, first = signed_in(live)
        second = another_browser(live, tenant)
        sub = past_due(live, tenant)
        form = {"choice": "other", "other_card": other_card(live, tenant)}
        for page in (first, second):
            page.open_settle_panel(sub)
        replies = run_together([partial(page.save, sub, form) for page in (first, second)])
        statuses.update(reply.status for reply in replies)
        assert len(live.state(tenant).charges) == 1
        live.delete(tenant)
    assert statuses == {303: 2 * RACE_ROUNDS}


def test_save_racing_delete_never_500s(live: PortalClient, busy_switching) -> None:
    statuses: Counter = Counter()
    for _ in range(RACE_ROUNDS):
        tenant, browser = signed_in(live)
        sub = past_due(live, tenant)
        browser.open_settle_panel(sub)
        form = {"choice": "other", "other_card": other_card(live, tenant)}
        save_and_delete: list[Callable[[], Reply | None]] = [
            partial(browser.save, sub, form),
            partial(live.delete, tenant),
        ]
        save, _deleted = run_together(save_and_delete)
        assert isinstance(save, Reply)
        statuses[save.status] += 1
    assert set(statuses) <= {303, 401}, statuses


def test_double_submit_charges_once(live: PortalClient) -> None:
    tenant, browser = signed_in(live)
    sub = past_due(live, tenant)
    browser.open_settle_panel(sub)
    form = {"choice": "other", "other_card": other_card(live, tenant)}
    first, second = browser.save(sub, form), browser.save(sub, form)
    assert (first.status, second.status) == (303, 303)
    assert first.headers["Location"] == second.headers["Location"]
    assert first.headers["Location"].startswith("/billing/products?settled=")
    assert len(live.state(tenant).charges) == 1


def test_tenants_stay_isolated_under_concurrent_saves(live: PortalClient) -> None:
    sessions = []
    for _ in range(8):
        tenant, browser = signed_in(live)
        sub = past_due(live, tenant)
        browser.open_settle_panel(sub)
        sessions.append((tenant, browser, sub, form_for("other", live, tenant)))
    calls = [
        partial(browser.save, sub, form)
        for _tenant, browser, sub, form in sessions
        for _ in range(2)
    ]
    assert {reply.status for reply in run_together(calls)} == {303}
    for tenant, _browser, sub, _form in sessions:
        charges = live.state(tenant).charges
        assert [charge.subscription for charge in charges] == [sub]


def test_settle_checks_and_charges_under_the_store_lock(monkeypatch) -> None:
    """Deterministic half of the races above: which card is on file, whether the balance is
    still due and the charge itself are all decided while the store lock is held (thread
    interleavings on a 2-core machine are too rare to catch a missing lock every run)."""
    store = TenantStore(today=TODAY)
    created = store.create(parse_setup({}))
    tenant = store.view(created.tenant_id)
    assert tenant is not None
    held: list[bool] = []
    choose_card = TenantStore._card_to_charge

    def recording(self, tenant, payment):
        held.append(self._lock.locked())
        return choose_card(self, tenant, payment)

    monkeypatch.setattr(TenantStore, "_card_to_charge", recording)
    other = next(card.id for card in tenant.cards if card.id != tenant.card_on_file)
    sub = next(s.id for s in tenant.subscriptions if s.past_due)
    assert store.settle(created.tenant_id, sub, Payment(choice="other", other_card=other))
    assert held == [True]
