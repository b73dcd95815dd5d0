"""The SQLite store of seen event ids: expiry, a bounded file, a file shared by processes, a busy file.

The processes are real ones (multiprocessing, spawned) opening the same file, as uvicorn's workers do.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
from collections.abc import AsyncIterator, Callable
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from gateway.webhooks.dedupe import StoreUnavailable
from gateway.webhooks.sqlite_seen import PURGE_BATCH, SEEN_FILE, SqliteSeenEvents

TTL_S = 60.0
SPAWN = multiprocessing.get_context("spawn")
RACED_IDS = [f"hubspot:{n}" for n in range(50)]
"""What every racing process marks, one id a transaction, so their writes interleave."""


class Clock:
    """A wall clock the test moves."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "state" / SEEN_FILE


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def store(path: Path, clock: Clock) -> AsyncIterator[SqliteSeenEvents]:
    opened = await SqliteSeenEvents.open(path, ttl_s=TTL_S, clock=clock)
    yield opened
    await opened.close()


def rows(path: Path) -> list[tuple[str, str]]:
    """The (vendor, event id) rows on disk, read with a connection of the test's own."""
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute("SELECT vendor, event_id FROM webhook_seen").fetchall())


def _mark(path: str, event_ids: list[str]) -> None:
    async def mark() -> None:
        store = await SqliteSeenEvents.open(Path(path))
        try:
            await store.mark_seen(event_ids)
        finally:
            await store.close()

    asyncio.run(mark())


def _assert_unseen(path: str, asked: list[str], expected: list[str]) -> None:
    async def ask() -> list[str]:
        store = await SqliteSeenEvents.open(Path(path))
        try:
            return await store.unseen(asked)
        finally:
            await store.close()

    assert asyncio.run(ask()) == expected


def _race(path: str, start: Barrier) -> None:
    """Open the file with the others, then mark every raced id (and look) as fast as possible."""

    async def race() -> None:
        store = await SqliteSeenEvents.open(Path(path))
        try:
            start.wait()
            for event_id in RACED_IDS:
                await store.unseen([event_id])
                await store.mark_seen([event_id])
        finally:
            await store.close()

    asyncio.run(race())


def run_in_processes(*targets: tuple[Callable[..., None], tuple[object, ...]]) -> list[int | None]:
    """Run each (function, args) in a process of its own, all at once; their exit codes."""
    processes = [SPAWN.Process(target=target, args=args) for target, args in targets]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    return [process.exitcode for process in processes]


async def test_the_file_and_its_directory_are_created_in_wal_mode(
    path: Path, store: SqliteSeenEvents
) -> None:
    with sqlite3.connect(path) as connection:
        (mode,) = connection.execute("PRAGMA journal_mode").fetchone()

    assert mode == "wal"


async def test_rows_are_keyed_by_vendor_and_event_id(path: Path, store: SqliteSeenEvents) -> None:
    await store.mark_seen(["shopify:7f3c", "hubspot:3816279341", "hubspot:3816279341"])

    assert rows(path) == [("hubspot", "3816279341"), ("shopify", "7f3c")]


async def test_an_id_is_seen_until_its_ttl_has_passed(store: SqliteSeenEvents, clock: Clock) -> None:
    await store.mark_seen(["akeneo:e-1"])

    clock.now += TTL_S - 1
    assert await store.unseen(["akeneo:e-1"]) == []
    clock.now += 1
    assert await store.unseen(["akeneo:e-1"]) == ["akeneo:e-1"]


async def test_marking_again_keeps_an_id_for_a_new_ttl(store: SqliteSeenEvents, clock: Clock) -> None:
    await store.mark_seen(["intercom:notif_1"])
    clock.now += TTL_S - 1
    await store.mark_seen(["intercom:notif_1"])

    clock.now += TTL_S - 1
    assert await store.unseen(["intercom:notif_1"]) == []


async def test_expired_rows_are_purged_a_batch_at_a_time(
    path: Path, store: SqliteSeenEvents, clock: Clock
) -> None:
    await store.mark_seen([f"hubspot:{n}" for n in range(PURGE_BATCH + 10)])
    clock.now += TTL_S

    await store.mark_seen(["shopify:a"])
    after_one = len(rows(path))
    await store.mark_seen(["shopify:b"])
    after_two = rows(path)

    assert after_one == 10 + 1  # the batch went, ten expired rows wait for the next mark
    assert after_two == [("shopify", "a"), ("shopify", "b")]


async def test_marks_outlive_the_store_that_made_them(path: Path, clock: Clock) -> None:
    first = await SqliteSeenEvents.open(path, ttl_s=TTL_S, clock=clock)
    await first.mark_seen(["shopify:1"])
    await first.close()

    reopened = await SqliteSeenEvents.open(path, ttl_s=TTL_S, clock=clock)
    try:
        assert await reopened.unseen(["shopify:1", "shopify:2"]) == ["shopify:2"]
    finally:
        await reopened.close()


async def test_two_processes_on_one_file_see_each_others_marks(path: Path) -> None:
    store = await SqliteSeenEvents.open(path)
    try:
        await store.mark_seen(["shopify:mine"])

        exits = await asyncio.to_thread(
            run_in_processes,
            (_mark, (str(path), ["hubspot:theirs"])),
            (_assert_unseen, (str(path), ["shopify:mine", "akeneo:none"], ["akeneo:none"])),
        )

        assert exits == [0, 0]
        assert await store.unseen(["hubspot:theirs", "shopify:mine", "intercom:none"]) == ["intercom:none"]
    finally:
        await store.close()


async def test_processes_marking_the_same_ids_at_once_all_succeed_and_keep_one_row_each(
    path: Path,
) -> None:
    # The protocol has no claim: checking and marking are two steps, and racing marks of one id
    # must simply all land (the busy timeout queues the writers) on a single row.
    ready = await SqliteSeenEvents.open(path)  # the schema exists before the race starts
    await ready.close()
    start = SPAWN.Barrier(4)

    exits = await asyncio.to_thread(run_in_processes, *[(_race, (str(path), start))] * 4)

    assert exits == [0, 0, 0, 0]
    assert rows(path) == sorted(("hubspot", event_id.removeprefix("hubspot:")) for event_id in RACED_IDS)


async def test_a_write_blocked_past_the_busy_timeout_is_unavailable_and_reads_go_on(
    path: Path, store: SqliteSeenEvents
) -> None:
    await store.mark_seen(["shopify:1"])
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process's long write holds the lock

        with pytest.raises(StoreUnavailable, match="locked"):
            await store.mark_seen(["shopify:2"])
        assert await store.unseen(["shopify:1", "shopify:2"]) == ["shopify:2"]
    finally:
        other.execute("ROLLBACK")
        other.close()

    await store.mark_seen(["shopify:2"])
    assert await store.unseen(["shopify:2"]) == []


async def test_a_path_that_cannot_be_a_file_is_unavailable_at_open(tmp_path: Path) -> None:
    occupied = tmp_path / "state"
    occupied.write_text("a file where the directory should be")

    with pytest.raises(StoreUnavailable, match="cannot open"):
        await SqliteSeenEvents.open(occupied / SEEN_FILE)


def _open_and_mark(path: str, start: Barrier, event_id: str) -> None:
    """Open a file that may not exist yet at the same moment as the others, then mark one id."""
    start.wait()
    _mark(path, [event_id])


async def test_workers_opening_a_new_file_at_once_all_start(path: Path) -> None:
    # uvicorn's workers start together: the first open of the file (its schema, WAL) is raced too.
    start = SPAWN.Barrier(4)
    ids = [f"shopify:{worker}" for worker in range(4)]

    exits = await asyncio.to_thread(
        run_in_processes, *[(_open_and_mark, (str(path), start, event_id)) for event_id in ids]
    )

    assert exits == [0, 0, 0, 0]
    assert rows(path) == [("shopify", str(worker)) for worker in range(4)]
