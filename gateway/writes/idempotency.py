"""Idempotency keys: a retried mutation gets its first answer, never a second effect.

A gateway-owned mutation `begin`s its key with a fingerprint of the request (the operation, its
arguments, the caller); the store answers whether to go ahead, replay the answer it kept, or
refuse. Keys are scoped per client, so two clients that happen to pick the same key never meet.

A key begun but never finished (the process died mid-way) is taken over once `stale_after_s`
has passed: the steps of every flow are idempotent by business key in the target systems, so
running them again completes what the first attempt started.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import orjson


@dataclass(frozen=True, slots=True)
class Proceed:
    """The key is new (or its first attempt died): run the mutation, then `finish`."""


@dataclass(frozen=True, slots=True)
class Replay:
    """The same request ran to its end before: answer what it answered."""

    response: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Mismatch:
    """The key was first used for another request."""


@dataclass(frozen=True, slots=True)
class InFlight:
    """The same request is running right now, elsewhere."""


Begun = Proceed | Replay | Mismatch | InFlight


def fingerprint(operation: str, arguments: Mapping[str, Any], caller: str) -> str:
    """A stable digest of what a request asks: equal for a retry, different for any other request."""
    body = orjson.dumps(
        {"operation": operation, "arguments": arguments, "caller": caller},
        option=orjson.OPT_SORT_KEYS,
    )
    return hashlib.sha256(body).hexdigest()


class IdempotencyKeys(Protocol):
    async def begin(self, scope: str, key: str, fingerprint: str, *, stale_after_s: float) -> Begun: ...

    async def finish(self, scope: str, key: str, response: Mapping[str, Any], *, keep_s: float) -> None:
        """Keep the answer for `keep_s` seconds."""
        ...

    async def abandon(self, scope: str, key: str) -> None:
        """Forget a key whose request changed nothing, so that it may be sent again."""
        ...


__all__ = [
    "Begun",
    "IdempotencyKeys",
    "InFlight",
    "Mismatch",
    "Proceed",
    "Replay",
    "fingerprint",
]
