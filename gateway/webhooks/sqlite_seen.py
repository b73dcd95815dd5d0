"""Event ids remembered in a SQLite file: every worker on the machine shares it, a restart keeps it.

The default store of a gateway without Redis (`gateway.webhooks.dedupe` says what a store
promises). One row per (vendor, event id) with the Unix time it expires at; wall-clock time, not a
monotonic clock, because the rows outlive the process (and the machine's uptime).

Several worker processes open the same file: WAL lets readers go on while one of them writes, and
the busy timeout makes a writer wait its turn instead of failing at once. sqlite3 blocks, so every
call runs in a thread (`asyncio.to_thread`), one at a time per store behind a lock, since one
connection cannot hold two transactions at once.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ParamSpec, TypeVar

from .dedupe import SEEN_TTL_S, StoreUnavailable

P = ParamSpec("P")
R = TypeVar("R")

SEEN_FILE = "webhook-seen.sqlite3"
"""The store's file name in the gateway's state directory (`server.state_dir`)."""
BUSY_TIMEOUT_S = 2.0
"""How long a write waits for other processes' (a busy machine's workers queue); within the five
seconds or so a vendor waits for a reply."""
PURGE_BATCH = 500
"""Expired rows deleted per `mark_seen` at most: more than a delivery adds, so the file stays bounded."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS webhook_seen (
    vendor TEXT NOT NULL,
    event_id TEXT NOT NULL,
    expires_at REAL NOT NULL,
    PRIMARY KEY (vendor, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS webhook_seen_expiry ON webhook_seen (expires_at);
"""

SELECT_LIVE = "SELECT 1 FROM webhook_seen WHERE vendor = ? AND event_id = ? AND expires_at > ?"
# Seen again, an id is kept for the TTL from now, as Redis's SET EX and the memory store do.
UPSERT = """
INSERT INTO webhook_seen (vendor, event_id, expires_at) VALUES (?, ?, ?)
ON CONFLICT (vendor, event_id) DO UPDATE SET expires_at = excluded.expires_at
"""
PURGE = """
DELETE FROM webhook_seen WHERE (vendor, event_id) IN (
    SELECT vendor, event_id FROM webhook_seen WHERE expires_at <= ? ORDER BY expires_at LIMIT ?
)
"""


def split_event_id(event_id: str) -> tuple[str, str]:
    """`shopify:123` as (`shopify`, `123`): connectors prefix each id with their vendor's name."""
    vendor, separator, rest = event_id.partition(":")
    return (vendor, rest) if separator else ("", event_id)


class SqliteSeenEvents:
    """Event ids kept in one SQLite file for the TTL, shared by the processes that open it.

    ```python
    seen = await SqliteSeenEvents.open(Path(".commerce-gateway") / SEEN_FILE)
    fresh = await seen.unseen(["shopify:1", "shopify:2"])
    ...  # apply the delivery
    await seen.mark_seen(fresh)
    await seen.close()
    ```
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        ttl_s: float = SEEN_TTL_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ttl_s = ttl_s
        self._connection = connection
        self._clock = clock
        self._lock = threading.Lock()

    @classmethod
    async def open(
        cls, path: Path, ttl_s: float = SEEN_TTL_S, clock: Callable[[], float] = time.time
    ) -> SqliteSeenEvents:
        """The store in the file at `path`, created with its directory when missing.

        Raises `StoreUnavailable` when the file cannot be opened or written (a read-only or full
        disk): the gateway should not start promising deduplication it cannot keep.
        """
        try:
            connection = await asyncio.to_thread(_connect, path)
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailable(f"cannot open the webhook event store {path}: {exc}") from exc
        return cls(connection, ttl_s, clock)

    async def unseen(self, event_ids: Sequence[str]) -> list[str]:
        distinct = list(dict.fromkeys(event_ids))
        if not distinct:
            return []
        return await self._run(self._unseen, distinct, self._clock())

    async def mark_seen(self, event_ids: Sequence[str]) -> None:
        if not event_ids:
            return
        await self._run(self._mark_seen, list(event_ids), self._clock())

    async def close(self) -> None:
        await asyncio.to_thread(self._close)

    async def _run(self, call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await asyncio.to_thread(call, *args, **kwargs)
        except (sqlite3.Error, OSError) as exc:
            # "database is locked" past the busy timeout, a full or read-only disk: the vendor retries.
            raise StoreUnavailable(f"the webhook event store did not answer: {exc}") from exc

    def _unseen(self, distinct: list[str], now: float) -> list[str]:
        with self._lock:
            # fetchall runs each statement to its end, so no read transaction stays open between them.
            return [
                event_id
                for event_id in distinct
                if not self._connection.execute(SELECT_LIVE, (*split_event_id(event_id), now)).fetchall()
            ]

    def _mark_seen(self, event_ids: list[str], now: float) -> None:
        expires = now + self.ttl_s
        rows = [(*split_event_id(event_id), expires) for event_id in event_ids]
        with self._lock:
            # IMMEDIATE takes the write lock up front, so waiting for it is the busy timeout's job
            # rather than a deadlock found halfway through.
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                self._connection.executemany(UPSERT, rows)
                self._connection.execute(PURGE, (now, PURGE_BATCH))
            except BaseException:
                # SQLite ends some failed transactions itself (a full disk): roll back only an open one.
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _close(self) -> None:
        with self._lock:
            self._connection.close()


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Autocommit (isolation_level None): transactions are the explicit BEGIN IMMEDIATE above; the
    # connection is used from to_thread's worker threads, one at a time behind the store's lock.
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        connection.execute("PRAGMA journal_mode = WAL")
        # NORMAL keeps every commit across a crash or a kill of the process; only a power cut may
        # lose the last ones, whose repeats then apply again (harmless: effects are idempotent).
        # FULL would hold the write lock over an fsync per delivery, which the other workers wait on.
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.executescript(SCHEMA)
    except BaseException:
        connection.close()
        raise
    return connection


__all__ = ["BUSY_TIMEOUT_S", "PURGE_BATCH", "SEEN_FILE", "SqliteSeenEvents", "split_event_id"]
