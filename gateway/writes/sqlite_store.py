"""The write store in one SQLite file: the default, shared by every process of one machine.

WAL lets workers read while one writes; every write is a `BEGIN IMMEDIATE` transaction, so
claims from several processes queue on the file's write lock and never see each other's entries
half-leased. `synchronous = FULL`: what is acknowledged to a vendor survives a power cut too.
sqlite3 blocks, so each call runs in a thread, one at a time per store.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import orjson

from gateway.models.work import Work

from . import sql
from .idempotency import Begun, InFlight, Mismatch, Proceed, Replay
from .migrations import LEDGER_TABLE, MIGRATIONS
from .outbox import Depth, Entry, OutboxUnavailable, State
from .rows import entry, new_token, short_error, work_row

P = ParamSpec("P")
R = TypeVar("R")

STORE_FILE = "writes.sqlite3"
"""The store's file name in the gateway's state directory (`server.state_dir`)."""
BUSY_TIMEOUT_S = 5.0


class SqliteWriteStore:
    """The outbox and the idempotency keys in the SQLite file at `path`.

    ```python
    store = SqliteWriteStore(Path(".commerce-gateway") / STORE_FILE)
    await store.open()
    await store.record([Work("erp.order", "order:1", "shopify:evt-1", {"id": 1})])
    ```
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    async def open(self) -> None:
        try:
            self._connection = await asyncio.to_thread(_connect, self.path)
        except (sqlite3.Error, OSError) as exc:
            raise OutboxUnavailable(f"cannot open the write store {self.path}: {exc}") from exc

    async def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            await asyncio.to_thread(connection.close)

    # -- outbox --

    async def record(self, work: Sequence[Work]) -> int:
        if not work:
            return 0
        now = self._clock()
        rows = [work_row(item, now) for item in work]
        return await self._write(lambda db: sum(db.execute(sql.INSERT_WORK, row).rowcount for row in rows))

    async def claim(self, *, limit: int, lease_s: float, kinds: Sequence[str] | None = None) -> list[Entry]:
        now = self._clock()
        kind_filter = f"AND o.kind IN ({sql.placeholders(len(kinds))})" if kinds else ""
        statement = sql.SELECT_RUNNABLE.format(kinds=kind_filter)

        def lease(db: sqlite3.Connection) -> list[Entry]:
            ids = [row[0] for row in db.execute(statement, (now, now, *(kinds or ()), limit)).fetchall()]
            leased = []
            for rid in ids:
                db.execute(sql.LEASE, (now + lease_s, new_token(), now, rid))
                leased.append(entry(db.execute(sql.SELECT_ENTRY, (rid,)).fetchone()))
            return leased

        return await self._write(lease)

    async def complete(self, entry: Entry, follow_ups: Sequence[Work] = ()) -> bool:
        now = self._clock()
        rows = [work_row(item, now) for item in follow_ups]

        def settle(db: sqlite3.Connection) -> bool:
            if db.execute(sql.COMPLETE, (now, entry.id, entry.lease_token)).rowcount != 1:
                return False
            for row in rows:
                db.execute(sql.INSERT_WORK, row)
            return True

        return await self._write(settle)

    async def release(self, entry: Entry, *, error: str, due_at: float) -> bool:
        now = self._clock()
        values = (due_at, short_error(error), now, entry.id, entry.lease_token)
        return await self._write(lambda db: db.execute(sql.RELEASE, values).rowcount == 1)

    async def bury(self, entry: Entry, *, error: str) -> bool:
        now = self._clock()
        values = (short_error(error), now, entry.id, entry.lease_token)
        return await self._write(lambda db: db.execute(sql.BURY, values).rowcount == 1)

    async def entries(
        self,
        *,
        states: Sequence[State] = ("pending", "leased", "dead"),
        kind: str | None = None,
        limit: int = 100,
    ) -> list[Entry]:
        statement = sql.SELECT_ENTRIES.format(
            states=sql.placeholders(len(states)), kind="AND kind = ?" if kind else ""
        )
        values = (*states, *([kind] if kind else []), limit)
        return await self._read(lambda db: [entry(row) for row in db.execute(statement, values).fetchall()])

    async def retry(self, ids: Sequence[int]) -> int:
        if not ids:
            return 0
        now = self._clock()
        statement = sql.RETRY.format(ids=sql.placeholders(len(ids)))
        return await self._write(lambda db: db.execute(statement, (now, now, *ids)).rowcount)

    async def drop(self, ids: Sequence[int]) -> int:
        if not ids:
            return 0
        statement = sql.DROP.format(ids=sql.placeholders(len(ids)))
        return await self._write(lambda db: db.execute(statement, tuple(ids)).rowcount)

    async def depth(self) -> Depth:
        def count(db: sqlite3.Connection) -> Depth:
            by_state = {state: int(n) for state, n in db.execute(sql.COUNT_BY_STATE).fetchall()}
            (oldest,) = db.execute(sql.OLDEST_PENDING).fetchone()
            return Depth(by_state, None if oldest is None else float(oldest))

        return await self._read(count)

    async def purge_done(self, *, older_than: float) -> int:
        return await self._write(lambda db: db.execute(sql.PURGE_DONE, (older_than,)).rowcount)

    # -- idempotency keys --

    async def begin(self, scope: str, key: str, fingerprint: str, *, stale_after_s: float) -> Begun:
        now = self._clock()
        expires = now + max(stale_after_s, 1.0) * 2

        def begin(db: sqlite3.Connection) -> Begun:
            if db.execute(sql.BEGIN_KEY, (scope, key, fingerprint, now, expires)).rowcount == 1:
                return Proceed()
            first, response, _started = db.execute(sql.SELECT_KEY, (scope, key, now)).fetchone()
            if first != fingerprint:
                return Mismatch()
            if response is not None:
                return Replay(orjson.loads(response))
            took_over = db.execute(sql.TAKE_OVER_KEY, (now, expires, scope, key, now - stale_after_s))
            return Proceed() if took_over.rowcount == 1 else InFlight()

        return await self._write(begin)

    async def finish(self, scope: str, key: str, response: Mapping[str, Any], *, keep_s: float) -> None:
        now = self._clock()
        body = orjson.dumps(dict(response)).decode()
        await self._write(lambda db: db.execute(sql.FINISH_KEY, (body, now + keep_s, scope, key)).rowcount)

    async def abandon(self, scope: str, key: str) -> None:
        await self._write(lambda db: db.execute(sql.ABANDON_KEY, (scope, key)).rowcount)

    async def purge_keys(self) -> int:
        now = self._clock()
        return await self._write(lambda db: db.execute(sql.PURGE_KEYS, (now,)).rowcount)

    # -- plumbing --

    async def _read(self, call: Callable[[sqlite3.Connection], R]) -> R:
        return await self._run(lambda db: call(db))

    async def _write(self, call: Callable[[sqlite3.Connection], R]) -> R:
        def transaction(db: sqlite3.Connection) -> R:
            # IMMEDIATE takes the write lock up front: a claim never reads entries another
            # process is leasing at the same moment.
            db.execute("BEGIN IMMEDIATE")
            try:
                result = call(db)
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
            return result

        return await self._run(transaction)

    async def _run(self, call: Callable[[sqlite3.Connection], R]) -> R:
        connection = self._connection
        if connection is None:
            raise OutboxUnavailable("the write store is not open")

        def locked() -> R:
            with self._lock:
                return call(connection)

        try:
            return await asyncio.to_thread(locked)
        except (sqlite3.Error, OSError) as exc:
            raise OutboxUnavailable(f"the write store did not answer: {exc}") from exc


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        _migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute(LEDGER_TABLE)
        (current,) = connection.execute(
            "SELECT COALESCE(MAX(version), 0) FROM write_store_migrations"
        ).fetchone()
        for migration in MIGRATIONS:
            if migration.version > current:
                for statement in filter(str.strip, migration.sqlite.split(";")):
                    connection.execute(statement)
                connection.execute(
                    "INSERT INTO write_store_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, time.time()),
                )
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


__all__ = ["STORE_FILE", "SqliteWriteStore"]
