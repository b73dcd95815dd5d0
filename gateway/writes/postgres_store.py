"""The write store in PostgreSQL: for replicas on several machines sharing one outbox.

Claims select runnable entries `FOR UPDATE SKIP LOCKED`, so concurrent workers each take
different entries without waiting on each other; a row another worker has just leased fails the
re-checked condition and is skipped. Statements are the SQLite store's (`gateway.writes.sql`),
renumbered for asyncpg.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import asyncpg
import orjson

from gateway.models.work import Work

from . import sql
from .idempotency import Begun, InFlight, Mismatch, Proceed, Replay
from .migrations import LEDGER_TABLE, MIGRATIONS
from .outbox import Depth, Entry, OutboxUnavailable, State
from .rows import ENTRY_COLUMNS, entry, new_token, short_error, work_row

R = TypeVar("R")
if TYPE_CHECKING:  # generic only in the stubs
    from asyncpg.pool import PoolConnectionProxy

    Db: TypeAlias = PoolConnectionProxy[asyncpg.Record]
else:
    Db = asyncpg.Connection

MIGRATION_LOCK = 0x6367_7772  # any constant shared by every replica: pg_advisory_xact_lock's key
CONNECT_TIMEOUT_S = 5.0
COMMAND_TIMEOUT_S = 10.0

_CLAIM = (
    f"WITH picked AS ({sql.SELECT_RUNNABLE} FOR UPDATE SKIP LOCKED)"
    " UPDATE outbox SET state = 'leased', lease_until = ?, lease_token = ?, attempts = attempts + 1,"
    " updated_at = ? FROM picked WHERE outbox.id = picked.id RETURNING "
    + ", ".join(f"outbox.{column.strip()}" for column in ENTRY_COLUMNS.split(","))
)


def _changed(status: str) -> int:
    """The row count of asyncpg's command status (`UPDATE 3`, `INSERT 0 1`)."""
    return int(status.rsplit(" ", 1)[-1])


class PostgresWriteStore:
    """The outbox and the idempotency keys in the PostgreSQL database at `dsn`."""

    def __init__(self, dsn: str, *, pool_size: int = 4, clock: Callable[[], float] = time.time) -> None:
        self.dsn = dsn
        self._pool_size = pool_size
        self._clock = clock
        self._pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        try:
            self._pool = await asyncpg.create_pool(
                self.dsn,
                min_size=1,
                max_size=self._pool_size,
                timeout=CONNECT_TIMEOUT_S,
                command_timeout=COMMAND_TIMEOUT_S,
            )
            async with self._pool.acquire() as connection, connection.transaction():
                await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                await connection.execute(LEDGER_TABLE)
                current = await connection.fetchval(
                    "SELECT COALESCE(MAX(version), 0) FROM write_store_migrations"
                )
                for migration in MIGRATIONS:
                    if migration.version > current:
                        await connection.execute(migration.postgres)
                        await connection.execute(
                            "INSERT INTO write_store_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                            migration.version,
                            migration.name,
                            time.time(),
                        )
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError) as exc:
            await self.close()
            raise OutboxUnavailable(f"cannot open the write store at PostgreSQL: {exc}") from exc

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    # -- outbox --

    async def record(self, work: Sequence[Work]) -> int:
        if not work:
            return 0
        now = self._clock()
        statement = sql.numbered(sql.INSERT_WORK)

        async def insert(db: Db) -> int:
            return sum([_changed(await db.execute(statement, *work_row(item, now))) for item in work])

        return await self._transaction(insert)

    async def claim(self, *, limit: int, lease_s: float, kinds: Sequence[str] | None = None) -> list[Entry]:
        now = self._clock()
        kind_filter = f"AND o.kind IN ({sql.placeholders(len(kinds))})" if kinds else ""
        statement = sql.numbered(_CLAIM.format(kinds=kind_filter))
        values = (now, now, *(kinds or ()), limit, now + lease_s, new_token(), now)
        rows = await self._transaction(lambda db: db.fetch(statement, *values))
        return sorted((entry(tuple(row)) for row in rows), key=lambda e: (e.due_at, e.id))

    async def complete(self, entry: Entry, follow_ups: Sequence[Work] = ()) -> bool:
        now = self._clock()

        async def settle(db: Db) -> bool:
            done = await db.execute(sql.numbered(sql.COMPLETE), now, entry.id, entry.lease_token)
            if _changed(done) != 1:
                return False
            for item in follow_ups:
                await db.execute(sql.numbered(sql.INSERT_WORK), *work_row(item, now))
            return True

        return await self._transaction(settle)

    async def release(self, entry: Entry, *, error: str, due_at: float) -> bool:
        values = (due_at, short_error(error), self._clock(), entry.id, entry.lease_token)
        return await self._count(sql.RELEASE, values) == 1

    async def bury(self, entry: Entry, *, error: str) -> bool:
        values = (short_error(error), self._clock(), entry.id, entry.lease_token)
        return await self._count(sql.BURY, values) == 1

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
        rows = await self._transaction(lambda db: db.fetch(sql.numbered(statement), *values))
        return [entry(tuple(row)) for row in rows]

    async def retry(self, ids: Sequence[int]) -> int:
        if not ids:
            return 0
        now = self._clock()
        return await self._count(sql.RETRY.format(ids=sql.placeholders(len(ids))), (now, now, *ids))

    async def drop(self, ids: Sequence[int]) -> int:
        if not ids:
            return 0
        return await self._count(sql.DROP.format(ids=sql.placeholders(len(ids))), tuple(ids))

    async def depth(self) -> Depth:
        async def count(db: Db) -> Depth:
            by_state = {row[0]: int(row[1]) for row in await db.fetch(sql.COUNT_BY_STATE)}
            oldest = await db.fetchval(sql.OLDEST_PENDING)
            return Depth(by_state, None if oldest is None else float(oldest))

        return await self._transaction(count)

    async def purge_done(self, *, older_than: float) -> int:
        return await self._count(sql.PURGE_DONE, (older_than,))

    # -- idempotency keys --

    async def begin(self, scope: str, key: str, fingerprint: str, *, stale_after_s: float) -> Begun:
        now = self._clock()
        expires = now + max(stale_after_s, 1.0) * 2

        async def begin(db: Db) -> Begun:
            inserted = await db.execute(sql.numbered(sql.BEGIN_KEY), scope, key, fingerprint, now, expires)
            if _changed(inserted) == 1:
                return Proceed()
            row = await db.fetchrow(sql.numbered(sql.SELECT_KEY), scope, key, now)
            if row is None:  # expired between the two statements: rare, and a retry settles it
                return InFlight()
            if row[0] != fingerprint:
                return Mismatch()
            if row[1] is not None:
                return Replay(orjson.loads(row[1]))
            took_over = await db.execute(
                sql.numbered(sql.TAKE_OVER_KEY), now, expires, scope, key, now - stale_after_s
            )
            return Proceed() if _changed(took_over) == 1 else InFlight()

        return await self._transaction(begin)

    async def finish(self, scope: str, key: str, response: Mapping[str, Any], *, keep_s: float) -> None:
        body = orjson.dumps(dict(response)).decode()
        await self._count(sql.FINISH_KEY, (body, self._clock() + keep_s, scope, key))

    async def abandon(self, scope: str, key: str) -> None:
        await self._count(sql.ABANDON_KEY, (scope, key))

    async def purge_keys(self) -> int:
        return await self._count(sql.PURGE_KEYS, (self._clock(),))

    # -- plumbing --

    async def _count(self, statement: str, values: Sequence[Any]) -> int:
        return await self._transaction(lambda db: _status_count(db.execute(sql.numbered(statement), *values)))

    async def _transaction(self, call: Callable[[Db], Awaitable[R]]) -> R:
        if self._pool is None:
            raise OutboxUnavailable("the write store is not open")
        try:
            async with self._pool.acquire() as connection, connection.transaction():
                return await call(connection)
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError) as exc:
            raise OutboxUnavailable(f"the write store did not answer: {exc}") from exc


async def _status_count(status: Awaitable[str]) -> int:
    return _changed(await status)


__all__ = ["PostgresWriteStore"]
