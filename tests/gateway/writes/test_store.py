"""Both write stores keep the outbox's and the idempotency keys' promises, on real databases."""

from __future__ import annotations

from gateway.models.work import Work
from gateway.writes.idempotency import InFlight, Mismatch, Proceed, Replay
from gateway.writes.store import WriteStore
from tests.gateway.writes.conftest import Clock


def work(n: int, key: str = "order:1", kind: str = "erp.order") -> Work:
    return Work(kind, key, f"event-{n}", {"n": n})


async def test_a_dedupe_key_is_recorded_once(store: WriteStore) -> None:
    assert await store.record([work(1), work(2)]) == 2
    assert await store.record([work(1), work(3)]) == 1
    assert [e.payload["n"] for e in await store.entries()] == [1, 2, 3]


async def test_one_key_runs_one_entry_at_a_time_in_recorded_order(store: WriteStore) -> None:
    await store.record([work(1, "a"), work(2, "a"), work(3, "b")])
    first = await store.claim(limit=10, lease_s=30)
    assert [(e.ordering_key, e.payload["n"]) for e in first] == [("a", 1), ("b", 3)]
    assert await store.claim(limit=10, lease_s=30) == []
    assert await store.complete(first[0])
    (second,) = await store.claim(limit=10, lease_s=30)
    assert second.payload["n"] == 2
    assert second.attempts == 1


async def test_follow_ups_are_recorded_with_the_completion(store: WriteStore) -> None:
    await store.record([work(1)])
    (entry,) = await store.claim(limit=1, lease_s=30)
    assert await store.complete(entry, [Work("crm.order_stats", "customer:a@x", "crm:1", {"order": 1})])
    assert await store.complete(entry, [work(9)]) is False  # settled once only
    (follow_up,) = await store.claim(limit=5, lease_s=30)
    assert follow_up.kind == "crm.order_stats"
    assert [e.dedupe_key for e in await store.entries(states=("done",))] == ["event-1"]


async def test_a_lapsed_lease_is_claimed_again_and_the_old_holder_cannot_settle(
    store: WriteStore, clock: Clock
) -> None:
    await store.record([work(1)])
    (stale,) = await store.claim(limit=1, lease_s=30)
    assert await store.claim(limit=1, lease_s=30) == []
    clock.now += 31
    (taken_over,) = await store.claim(limit=1, lease_s=30)
    assert taken_over.id == stale.id
    assert taken_over.attempts == 2
    assert await store.complete(stale) is False
    assert await store.release(stale, error="late", due_at=clock.now) is False
    assert await store.complete(taken_over)


async def test_a_released_entry_waits_until_due_and_holds_its_key(store: WriteStore, clock: Clock) -> None:
    await store.record([work(1), work(2)])
    (entry,) = await store.claim(limit=5, lease_s=30)
    assert await store.release(entry, error="CRM answered 503", due_at=clock.now + 10)
    assert await store.claim(limit=5, lease_s=30) == []  # the second waits behind the first
    clock.now += 10
    (again,) = await store.claim(limit=5, lease_s=30)
    assert again.id == entry.id
    assert again.attempts == 2
    (pending,) = list(await store.entries(states=("leased",)))
    assert pending.last_error == "CRM answered 503"


async def test_dead_letters_free_their_key_and_come_back_on_retry(store: WriteStore) -> None:
    await store.record([work(1), work(2)])
    (entry,) = await store.claim(limit=5, lease_s=30)
    assert await store.bury(entry, error="unknown SKU")
    (next_one,) = await store.claim(limit=5, lease_s=30)
    assert next_one.payload["n"] == 2
    (dead,) = await store.entries(states=("dead",))
    assert dead.last_error == "unknown SKU"
    assert await store.retry([dead.id]) == 1
    assert await store.complete(next_one)
    (revived,) = await store.claim(limit=5, lease_s=30)
    assert revived.id == dead.id
    assert revived.attempts == 1


async def test_drop_spares_leased_entries(store: WriteStore) -> None:
    await store.record([work(1, "a"), work(2, "b")])
    leased = (await store.claim(limit=1, lease_s=30))[0]
    ids = [e.id for e in await store.entries()]
    assert await store.drop(ids) == 1
    assert [e.id for e in await store.entries()] == [leased.id]


async def test_claims_filter_by_kind(store: WriteStore) -> None:
    await store.record([work(1, "a", kind="erp.order"), work(2, "b", kind="chat.order_note")])
    assert [e.kind for e in await store.claim(limit=5, lease_s=30, kinds=["chat.order_note"])] == [
        "chat.order_note"
    ]


async def test_depth_and_purge(store: WriteStore, clock: Clock) -> None:
    await store.record([work(1, "a"), work(2, "b")])
    (entry, _) = await store.claim(limit=5, lease_s=30)
    await store.complete(entry)
    depth = await store.depth()
    assert depth.by_state == {"done": 1, "leased": 1}
    assert depth.oldest_pending_at == clock.now
    clock.now += 100
    assert await store.purge_done(older_than=clock.now) == 1


async def test_idempotency_key_replays_refuses_and_takes_over(store: WriteStore, clock: Clock) -> None:
    assert await store.begin("web", "k1", "fp-a", stale_after_s=30) == Proceed()
    assert await store.begin("web", "k1", "fp-a", stale_after_s=30) == InFlight()
    assert await store.begin("web", "k1", "fp-b", stale_after_s=30) == Mismatch()
    assert await store.begin("app", "k1", "fp-b", stale_after_s=30) == Proceed()  # scoped per client
    await store.finish("web", "k1", {"returnRequest": {"userErrors": []}}, keep_s=3600)
    assert await store.begin("web", "k1", "fp-a", stale_after_s=30) == Replay(
        {"returnRequest": {"userErrors": []}}
    )
    # The other client's attempt died mid-way: after the stale delay the key may be run again.
    clock.now += 31
    assert await store.begin("app", "k1", "fp-b", stale_after_s=30) == Proceed()
    await store.abandon("app", "k1")
    assert await store.begin("app", "k1", "fp-c", stale_after_s=30) == Proceed()
    clock.now += 3600
    assert await store.purge_keys() >= 1
    assert await store.begin("web", "k1", "fp-z", stale_after_s=30) == Proceed()
