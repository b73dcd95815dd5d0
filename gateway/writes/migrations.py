"""The write store's schema, as numbered migrations for each database.

A store applies, at open, every migration newer than the highest recorded in
`write_store_migrations`, each in its own transaction with its record; PostgreSQL takes an
advisory lock first so that replicas starting together apply each migration once. A migration
is never edited once released: a change is a new one.

Times are Unix seconds in a double on both databases, so that both stores share their logic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sqlite: str
    postgres: str


_OUTBOX = """
CREATE TABLE outbox (
    id {id_column},
    kind TEXT NOT NULL,
    ordering_key TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at DOUBLE PRECISION NOT NULL,
    lease_until DOUBLE PRECISION,
    lease_token TEXT,
    last_error TEXT,
    created_at DOUBLE PRECISION NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL
);
CREATE INDEX outbox_runnable ON outbox (state, due_at);
CREATE INDEX outbox_in_line ON outbox (ordering_key, id);
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    response TEXT,
    started_at DOUBLE PRECISION NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_expiry ON idempotency_keys (expires_at);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "outbox and idempotency keys",
        sqlite=_OUTBOX.format(id_column="INTEGER PRIMARY KEY AUTOINCREMENT"),
        postgres=_OUTBOX.format(id_column="BIGSERIAL PRIMARY KEY"),
    ),
)

LEDGER_TABLE = """
CREATE TABLE IF NOT EXISTS write_store_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at DOUBLE PRECISION NOT NULL
)
"""


__all__ = ["LEDGER_TABLE", "MIGRATIONS", "Migration"]
