"""How patient the gateway is with one backend: timeouts, retries, breaker and concurrency."""

from __future__ import annotations

from dataclasses import dataclass

# A connection to a healthy backend takes milliseconds; a second means it is not coming.
DEFAULT_CONNECT_TIMEOUT_S = 1.0
# A whole call, retries and queueing included: longer than this and the GraphQL client has given up.
DEFAULT_TIMEOUT_S = 5.0
# Extra attempts for idempotent calls; more would multiply load on a backend that is struggling.
DEFAULT_RETRIES = 2
# First backoff step; full jitter spreads the retries of concurrent calls over [0, step].
DEFAULT_RETRY_BACKOFF_S = 0.05
# Longest wait between attempts, including a vendor's Retry-After.
DEFAULT_RETRY_MAX_BACKOFF_S = 1.0
# Consecutive failures that open the circuit breaker.
DEFAULT_BREAKER_FAILURES = 5
# Seconds an open breaker fails fast before letting one probe through.
DEFAULT_BREAKER_RESET_S = 10.0
# Calls in flight to one backend at most (Akeneo allows 4 per connection, it sets its own).
DEFAULT_MAX_CONCURRENCY = 32
# Largest successful answer read: a page of a batch read is far below it; a body beyond it is a
# backend (or a proxy) gone wrong, and reading it whole would hold its size in memory per call.
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class BackendSettings:
    """Connection settings for one backend, built from its config section.

    ```python
    settings = BackendSettings(name="akeneo", url="https://pim.example.com", max_concurrency=4)
    ```
    """

    name: str
    url: str
    connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S
    timeout_s: float = DEFAULT_TIMEOUT_S
    retries: int = DEFAULT_RETRIES
    retry_backoff_s: float = DEFAULT_RETRY_BACKOFF_S
    retry_max_backoff_s: float = DEFAULT_RETRY_MAX_BACKOFF_S
    breaker_failures: int = DEFAULT_BREAKER_FAILURES
    breaker_reset_s: float = DEFAULT_BREAKER_RESET_S
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY
    # Pooled connections; None means one per allowed concurrent call, so no call waits for a socket.
    pool_size: int | None = None
    # Successful answers larger than this are refused unread beyond it (a call may set its own cap).
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    def __post_init__(self) -> None:
        problems = [
            f"{field} must be > 0"
            for field in ("connect_timeout_s", "timeout_s", "breaker_reset_s")
            if getattr(self, field) <= 0
        ]
        problems += [
            f"{field} must be >= 0"
            for field in ("retries", "retry_backoff_s", "retry_max_backoff_s")
            if getattr(self, field) < 0
        ]
        problems += [
            f"{field} must be >= 1"
            for field in ("breaker_failures", "max_concurrency", "max_response_bytes")
            if getattr(self, field) < 1
        ]
        if self.pool_size is not None and self.pool_size < 1:
            problems.append("pool_size must be >= 1")
        if not self.url.startswith(("http://", "https://")):
            problems.append("url must start with http:// or https://")
        if problems:
            raise ValueError(f"backend {self.name}: " + "; ".join(problems))

    @property
    def connection_limit(self) -> int:
        """Size of the connection pool."""
        return self.pool_size if self.pool_size is not None else self.max_concurrency


__all__ = [
    "DEFAULT_BREAKER_FAILURES",
    "DEFAULT_BREAKER_RESET_S",
    "DEFAULT_CONNECT_TIMEOUT_S",
    "DEFAULT_MAX_CONCURRENCY",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_RETRIES",
    "DEFAULT_RETRY_BACKOFF_S",
    "DEFAULT_RETRY_MAX_BACKOFF_S",
    "DEFAULT_TIMEOUT_S",
    "BackendSettings",
]
