from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from gateway.writes.postgres_store import PostgresWriteStore
from gateway.writes.sqlite_store import STORE_FILE, SqliteWriteStore
from gateway.writes.store import WriteStore
from tests.postgres import postgres_schema


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["sqlite", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> AsyncIterator[WriteStore]:
    if request.param == "sqlite":
        sqlite = SqliteWriteStore(tmp_path / STORE_FILE, clock=clock)
        await sqlite.open()
        yield sqlite
        await sqlite.close()
        return
    async with postgres_schema() as dsn:
        postgres = PostgresWriteStore(dsn, clock=clock)
        await postgres.open()
        yield postgres
        await postgres.close()
