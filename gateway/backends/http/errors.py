"""What can go wrong talking to a backend, as the gateway reports it.

Every error names its backend (`service`) and carries a gateway `code` that reaches GraphQL clients in
`extensions`. Messages are safe to show and to log: they name the backend, the method and the path, and
at most a short vendor message — never a URL with credentials, a token, a query string or a body.
"""

from __future__ import annotations

from typing import ClassVar


class BackendError(Exception):
    """A backend call failed; `code` says how, `service` says which backend."""

    code: ClassVar[str] = "BACKEND_ERROR"
    # Whether the failure says something about the backend's health (readiness) rather than about the
    # request the gateway made.
    unhealthy: ClassVar[bool] = True

    def __init__(self, service: str, message: str) -> None:
        super().__init__(f"{service}: {message}")
        self.service = service

    @property
    def extensions(self) -> dict[str, str]:
        """What a GraphQL error's `extensions` says about this failure."""
        return {"code": self.code, "service": self.service}


class BackendUnavailable(BackendError):
    """The backend cannot be reached or answered 5xx, or its circuit breaker is open."""

    code = "BACKEND_UNAVAILABLE"

    def __init__(self, service: str, message: str, *, status: int | None = None) -> None:
        super().__init__(service, message)
        self.status = status


class BreakerOpen(BackendUnavailable):
    """The backend's circuit breaker is open: the call was refused without any I/O."""


class BackendTimeout(BackendError):
    """The backend did not answer within the call's deadline."""

    code = "BACKEND_TIMEOUT"


class BackendRateLimited(BackendError):
    """The backend refused the call for its rate limit; `retry_after` is its advice, in seconds."""

    code = "BACKEND_RATE_LIMITED"
    unhealthy = False

    def __init__(self, service: str, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(service, message)
        self.retry_after = retry_after


class BackendBadResponse(BackendError):
    """The backend answered something the connector cannot use: not JSON, or not the expected shape."""

    code = "BACKEND_BAD_RESPONSE"


class BackendAuthError(BackendError):
    """The backend refused the gateway's credentials (401/403): a configuration problem, never retried."""

    code = "BACKEND_AUTH"

    def __init__(self, service: str, message: str, *, status: int) -> None:
        super().__init__(service, message)
        self.status = status


class BackendRequestError(BackendError):
    """The backend refused the request itself (another 4xx); `vendor_message` says why, briefly."""

    code = "BACKEND_REQUEST_REFUSED"
    unhealthy = False

    def __init__(self, service: str, message: str, *, status: int, vendor_message: str | None = None) -> None:
        super().__init__(service, message)
        self.status = status
        self.vendor_message = vendor_message


__all__ = [
    "BackendAuthError",
    "BackendBadResponse",
    "BackendError",
    "BackendRateLimited",
    "BackendRequestError",
    "BackendTimeout",
    "BackendUnavailable",
    "BreakerOpen",
]
