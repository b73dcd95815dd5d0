"""The outbox: work recorded durably, then claimed, run and settled by workers in any process.

Every entry moves `pending` → `leased` → `done`, or back to `pending` with a later `due_at` when
its step failed and may be retried, or to `dead` with the reason once it has failed
`max_attempts` times or for good. Done entries stay as the ledger of what was delivered until
they are purged.

A claim is a lease: a worker that dies (`kill -9`) leaves its entries leased until `lease_until`
passes, and another worker then claims them again. Each claim gets a fresh `lease_token`; a
worker settles an entry only while the token is still its own, so one that outlived its lease
cannot settle what another has taken over.

Entries sharing an `ordering_key` run one at a time in the order they were recorded: an entry is
claimable only when no older entry of its key is pending or leased. Dead entries do not hold the
key: an operator's retry (`commerce-gateway outbox retry`) puts them back in line.

Two stores keep it: `SqliteOutbox` (the default: one file every process of a machine shares) and
`PostgresOutbox` (replicas on several machines; claims use `FOR UPDATE SKIP LOCKED`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from gateway.models.work import Work

State = Literal["pending", "leased", "done", "dead"]
STATES: tuple[State, ...] = ("pending", "leased", "done", "dead")


class OutboxUnavailable(Exception):
    """The outbox's database cannot be reached: nothing was recorded or settled."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded step, as a worker or an operator sees it."""

    id: int
    kind: str
    ordering_key: str
    dedupe_key: str
    payload: Mapping[str, Any]
    state: State
    attempts: int
    """Claims so far, the current one included."""
    due_at: float
    """Unix time it may next run at."""
    created_at: float
    updated_at: float
    last_error: str | None = None
    lease_token: str | None = None


@dataclass(frozen=True, slots=True)
class Depth:
    """How much is waiting: the operator's first question."""

    by_state: Mapping[str, int]
    oldest_pending_at: float | None


class Outbox(Protocol):
    """What a store of entries offers the webhook endpoint, the mutations, the workers and the CLI."""

    async def open(self) -> None:
        """Connect and bring the schema to the current migration."""
        ...

    async def close(self) -> None: ...

    async def record(self, work: Sequence[Work]) -> int:
        """Record new entries in one transaction; a `dedupe_key` already recorded is kept as it was.

        Returns how many were new.
        """
        ...

    async def claim(self, *, limit: int, lease_s: float, kinds: Sequence[str] | None = None) -> list[Entry]:
        """Lease up to `limit` runnable entries (oldest due first), each under a new token."""
        ...

    async def complete(self, entry: Entry, follow_ups: Sequence[Work] = ()) -> bool:
        """Mark `entry` done and record its follow-ups, together; False when the lease was lost."""
        ...

    async def release(self, entry: Entry, *, error: str, due_at: float) -> bool:
        """Put `entry` back to pending until `due_at`, noting why it failed; False when the lease was lost."""
        ...

    async def bury(self, entry: Entry, *, error: str) -> bool:
        """Dead-letter `entry` with the reason; False when the lease was lost."""
        ...

    async def entries(
        self,
        *,
        states: Sequence[State] = ("pending", "leased", "dead"),
        kind: str | None = None,
        limit: int = 100,
    ) -> list[Entry]:
        """Entries for an operator, oldest first."""
        ...

    async def retry(self, ids: Sequence[int]) -> int:
        """Make these dead or pending entries due now, with a fresh attempt count; returns how many."""
        ...

    async def drop(self, ids: Sequence[int]) -> int:
        """Delete these entries (not leased ones); returns how many."""
        ...

    async def depth(self) -> Depth: ...

    async def purge_done(self, *, older_than: float) -> int:
        """Delete done entries last settled before `older_than` (Unix time); returns how many."""
        ...


__all__ = ["STATES", "Depth", "Entry", "Outbox", "OutboxUnavailable", "State"]
