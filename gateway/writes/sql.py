"""The write store's statements, in SQLite's placeholders (`?`); PostgreSQL's store renumbers them.

Both databases run the same statements, so the two stores cannot drift apart in what they mean.
"""

from __future__ import annotations

import re

from .rows import ENTRY_COLUMNS

INSERT_WORK = (
    "INSERT INTO outbox (kind, ordering_key, dedupe_key, payload, due_at, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING"
)

# An entry may run when it is due (or its lease ran out) and no older entry of its key is still
# waiting or running: the order of one key's entries is the order they were recorded in.
RUNNABLE = """
    ((o.state = 'pending' AND o.due_at <= ?) OR (o.state = 'leased' AND o.lease_until <= ?))
    AND NOT EXISTS (
        SELECT 1 FROM outbox AS older
        WHERE older.ordering_key = o.ordering_key AND older.id < o.id
          AND older.state IN ('pending', 'leased')
    )
"""

SELECT_RUNNABLE = f"SELECT o.id FROM outbox AS o WHERE {RUNNABLE} {{kinds}} ORDER BY o.due_at, o.id LIMIT ?"

LEASE = (
    "UPDATE outbox SET state = 'leased', lease_until = ?, lease_token = ?, attempts = attempts + 1,"
    " updated_at = ? WHERE id = ?"
)

SELECT_ENTRY = f"SELECT {ENTRY_COLUMNS} FROM outbox WHERE id = ?"

COMPLETE = (
    "UPDATE outbox SET state = 'done', lease_until = NULL, last_error = NULL, updated_at = ?"
    " WHERE id = ? AND state = 'leased' AND lease_token = ?"
)

RELEASE = (
    "UPDATE outbox SET state = 'pending', lease_until = NULL, due_at = ?, last_error = ?, updated_at = ?"
    " WHERE id = ? AND state = 'leased' AND lease_token = ?"
)

BURY = (
    "UPDATE outbox SET state = 'dead', lease_until = NULL, last_error = ?, updated_at = ?"
    " WHERE id = ? AND state = 'leased' AND lease_token = ?"
)

SELECT_ENTRIES = (
    f"SELECT {ENTRY_COLUMNS} FROM outbox WHERE state IN ({{states}}) {{kind}} ORDER BY id LIMIT ?"
)

RETRY = (
    "UPDATE outbox SET state = 'pending', due_at = ?, attempts = 0, updated_at = ?"
    " WHERE id IN ({ids}) AND state IN ('dead', 'pending')"
)

DROP = "DELETE FROM outbox WHERE id IN ({ids}) AND state <> 'leased'"

COUNT_BY_STATE = "SELECT state, COUNT(*) FROM outbox GROUP BY state"

OLDEST_PENDING = "SELECT MIN(created_at) FROM outbox WHERE state IN ('pending', 'leased')"

PURGE_DONE = "DELETE FROM outbox WHERE state = 'done' AND updated_at < ?"

SELECT_KEY = "SELECT fingerprint, response, started_at FROM idempotency_keys WHERE scope = ? AND key = ? AND expires_at > ?"

# A key is begun by inserting it; an expired row of the same key is replaced, a live one kept.
BEGIN_KEY = """
INSERT INTO idempotency_keys (scope, key, fingerprint, response, started_at, expires_at)
VALUES (?, ?, ?, NULL, ?, ?)
ON CONFLICT (scope, key) DO UPDATE SET
    fingerprint = excluded.fingerprint, response = NULL,
    started_at = excluded.started_at, expires_at = excluded.expires_at
WHERE idempotency_keys.expires_at <= excluded.started_at
"""

TAKE_OVER_KEY = (
    "UPDATE idempotency_keys SET started_at = ?, expires_at = ?"
    " WHERE scope = ? AND key = ? AND response IS NULL AND started_at <= ?"
)

FINISH_KEY = "UPDATE idempotency_keys SET response = ?, expires_at = ? WHERE scope = ? AND key = ?"

ABANDON_KEY = "DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND response IS NULL"

PURGE_KEYS = "DELETE FROM idempotency_keys WHERE expires_at <= ?"


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


def numbered(statement: str) -> str:
    """`?` placeholders as PostgreSQL's `$1, $2, ...`, in order."""
    counter = iter(range(1, statement.count("?") + 1))
    return re.sub(r"\?", lambda _: f"${next(counter)}", statement)


__all__ = [name for name in dir() if name.isupper()] + ["numbered", "placeholders"]
