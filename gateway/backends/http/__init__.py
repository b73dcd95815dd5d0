"""The HTTP plumbing every connector shares: session, deadline, retries, breaker, cap, metrics."""

from __future__ import annotations

from gateway.backends.http.breaker import BreakerState, CircuitBreaker
from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendError,
    BackendRateLimited,
    BackendRequestError,
    BackendTimeout,
    BackendUnavailable,
    BreakerOpen,
)
from gateway.backends.http.metrics import BackendMetrics, MetricsRegistry
from gateway.backends.http.response import BackendResponse
from gateway.backends.http.settings import BackendSettings

__all__ = [
    "BackendAuthError",
    "BackendBadResponse",
    "BackendClient",
    "BackendError",
    "BackendMetrics",
    "BackendRateLimited",
    "BackendRequestError",
    "BackendResponse",
    "BackendSettings",
    "BackendTimeout",
    "BackendUnavailable",
    "BreakerOpen",
    "BreakerState",
    "CircuitBreaker",
    "MetricsRegistry",
]
