"""The write store: the outbox and the idempotency keys, kept together in one database.

They share a database so that a mutation's answer and the work it leaves can be kept by the
same store, and so that an operator has one thing to back up. `open_write_store` picks the
implementation the config names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .idempotency import IdempotencyKeys
from .outbox import Outbox
from .postgres_store import PostgresWriteStore
from .sqlite_store import STORE_FILE, SqliteWriteStore


class WriteStore(Outbox, IdempotencyKeys, Protocol):
    async def purge_keys(self) -> int:
        """Forget expired idempotency keys; returns how many."""
        ...


def write_store(*, postgres_url: str | None, state_dir: Path) -> WriteStore:
    """PostgreSQL when a URL is configured (replicas), else the SQLite file in the state directory."""
    if postgres_url:
        return PostgresWriteStore(postgres_url)
    return SqliteWriteStore(state_dir / STORE_FILE)


__all__ = ["WriteStore", "write_store"]
