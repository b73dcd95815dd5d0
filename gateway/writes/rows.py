"""Rows of the write store's tables as the gateway's values, the same for both databases."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any, cast

import orjson

from gateway.models.work import Work

from .outbox import STATES, Entry, State

ENTRY_COLUMNS = (
    "id, kind, ordering_key, dedupe_key, payload, state, attempts, due_at,"
    " created_at, updated_at, last_error, lease_token"
)

MAX_ERROR_CHARS = 2_000
"""A failure's reason as kept: enough for a vendor's message, never a whole response body."""


def entry(row: Sequence[Any]) -> Entry:
    (
        rid,
        kind,
        ordering_key,
        dedupe_key,
        payload,
        state,
        attempts,
        due_at,
        created,
        updated,
        error,
        token,
    ) = row
    if state not in STATES:
        raise ValueError(f"outbox row {rid} has an unknown state {state!r}")
    return Entry(
        id=int(rid),
        kind=kind,
        ordering_key=ordering_key,
        dedupe_key=dedupe_key,
        payload=cast(Mapping[str, Any], orjson.loads(payload)),
        state=cast(State, state),
        attempts=int(attempts),
        due_at=float(due_at),
        created_at=float(created),
        updated_at=float(updated),
        last_error=error,
        lease_token=token,
    )


def work_row(work: Work, now: float) -> tuple[str, str, str, str, float, float, float]:
    payload = orjson.dumps(dict(work.payload)).decode()
    return (work.kind, work.ordering_key, work.dedupe_key, payload, now, now, now)


def new_token() -> str:
    return uuid.uuid4().hex


def short_error(error: str) -> str:
    return error if len(error) <= MAX_ERROR_CHARS else error[: MAX_ERROR_CHARS - 1] + "…"


__all__ = ["ENTRY_COLUMNS", "MAX_ERROR_CHARS", "entry", "new_token", "short_error", "work_row"]
