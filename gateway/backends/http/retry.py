"""When a failed call may be tried again, and how long to wait first.

Only idempotent calls are retried: a POST that timed out may have created an order, so trying it again
could create a second one. Reads sent over POST (a GraphQL query, a search) say so with
`idempotent=True`. Waits use full-jitter exponential backoff, so concurrent calls that failed together
do not come back together, and honour the vendor's `Retry-After`.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# RFC 9110 idempotent methods: repeating them has the effect of sending them once.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Answers that mean "not now" rather than "no": rate limited, or a gateway or backend in trouble.
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})


def is_idempotent(method: str, idempotent: bool | None) -> bool:
    """The caller's word if given, else what the HTTP method promises."""
    if idempotent is not None:
        return idempotent
    return method.upper() in IDEMPOTENT_METHODS


def parse_retry_after(value: str | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a `Retry-After` header (delay-seconds or HTTP-date), None if absent or bad."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            # RFC 9110 HTTP-dates are always GMT, even when written without the zone.
            return None
        return max(0.0, when.timestamp() - now())
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


@dataclass(slots=True)
class RetryPolicy:
    """How many attempts a call gets and how long to wait between them.

    ```python
    policy = RetryPolicy(retries=2, backoff_s=0.05, max_backoff_s=1.0)
    delay = policy.delay(attempt=1, retry_after=None, remaining_s=4.2)  # None: give up now
    ```
    """

    retries: int
    backoff_s: float
    max_backoff_s: float
    jitter: Callable[[], float] = field(default=random.random)

    def attempts(self, method: str, idempotent: bool | None) -> int:
        """Attempts allowed for a call: one unless it is idempotent."""
        return 1 + self.retries if is_idempotent(method, idempotent) else 1

    def delay(self, attempt: int, *, retry_after: float | None, remaining_s: float) -> float | None:
        """Seconds to wait after failed attempt number `attempt` (from 1), or None to stop retrying.

        A vendor's `Retry-After` is obeyed as given: retrying earlier would only earn another refusal
        and use up the quota, so when it is longer than `max_backoff_s` or than the time left before
        the call's deadline, the call gives up at once and the caller sees the rate limit.
        """
        if retry_after is not None:
            wait = retry_after
            if wait > self.max_backoff_s:
                return None
        else:
            ceiling = min(self.max_backoff_s, self.backoff_s * 2 ** (attempt - 1))
            wait = ceiling * self.jitter()
        # An attempt needs time too: waiting up to the deadline would leave none for it.
        if wait >= remaining_s:
            return None
        return wait


__all__ = ["IDEMPOTENT_METHODS", "RETRYABLE_STATUSES", "RetryPolicy", "is_idempotent", "parse_retry_after"]
