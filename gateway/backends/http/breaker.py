"""A circuit breaker per backend: stop calling a backend that keeps failing, probe it now and then.

Closed, it counts consecutive failures; at `failures` it opens and refuses every call for `reset_s`.
Then it turns half-open and admits exactly one probe: a success closes it, a failure re-opens it.
Outcomes of calls admitted before the breaker opened are stale and ignored, so a slow success cannot
close a breaker that later failures opened.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass


class BreakerState(enum.Enum):
    """Where the breaker stands."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(frozen=True, slots=True)
class Ticket:
    """Admission of one call; hand it back to `record` with the call's outcome."""

    generation: int
    probe: bool


BreakerObserver = Callable[[BreakerState, BreakerState], None]
"""Called with (old, new) on every state change: metrics and readiness listen here."""


class CircuitBreaker:
    """Fail fast while a backend is down.

    ```python
    breaker = CircuitBreaker(failures=5, reset_s=10.0)
    ticket = breaker.admit()
    if ticket is None:
        raise BackendUnavailable(...)  # open: no I/O at all
    breaker.record(ticket, ok=await call())  # ok=None: the call ended without a verdict
    ```
    """

    def __init__(self, *, failures: int, reset_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._threshold = failures
        self._reset_s = reset_s
        self._clock = clock
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._probing = False
        # Bumped on every state change, so a ticket knows whether its outcome still counts.
        self._generation = 0
        self._observers: list[BreakerObserver] = []

    @property
    def state(self) -> BreakerState:
        """The current state; an open breaker whose reset time has passed reads as half-open."""
        if self._state is BreakerState.OPEN and self._reset_elapsed():
            return BreakerState.HALF_OPEN
        return self._state

    @property
    def consecutive_failures(self) -> int:
        """Failures counted since the last success (while closed)."""
        return self._failures

    def observe(self, observer: BreakerObserver) -> None:
        """Call `observer(old, new)` on every state change."""
        self._observers.append(observer)

    def admit(self) -> Ticket | None:
        """A ticket if the call may go ahead, None if the breaker refuses it."""
        if self._state is BreakerState.OPEN:
            if not self._reset_elapsed():
                return None
            self._move(BreakerState.HALF_OPEN)
        if self._state is BreakerState.HALF_OPEN:
            if self._probing:
                return None
            self._probing = True
            return Ticket(self._generation, probe=True)
        return Ticket(self._generation, probe=False)

    def record(self, ticket: Ticket, *, ok: bool | None) -> None:
        """The outcome of an admitted call: True, False (a failure), or None (cancelled, no verdict)."""
        if ticket.generation != self._generation:
            return
        if ticket.probe:
            self._probing = False
            if ok is True:
                self._failures = 0
                self._move(BreakerState.CLOSED)
            elif ok is False:
                self._open()
            return
        if ok is True:
            self._failures = 0
        elif ok is False:
            self._failures += 1
            if self._failures >= self._threshold:
                self._open()

    def _reset_elapsed(self) -> bool:
        return self._clock() - self._opened_at >= self._reset_s

    def _open(self) -> None:
        self._opened_at = self._clock()
        self._move(BreakerState.OPEN)

    def _move(self, new: BreakerState) -> None:
        old = self._state
        self._state = new
        self._generation += 1
        if new is not BreakerState.HALF_OPEN:
            self._probing = False
        if new is not old:
            for observer in self._observers:
                observer(old, new)


__all__ = ["BreakerObserver", "BreakerState", "CircuitBreaker", "Ticket"]
