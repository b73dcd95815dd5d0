"""Akeneo's error bodies and the middleware that renders them.

Akeneo answers every failure with `{"code": <http status>, "message": "..."}`, plus `errors` (a list
of violations) for validation failures and `_links.documentation.href` for the "documented" 422s.
Routing failures keep Symfony's wording (`No route found for "GET http://…"`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web

from .responses import json_response

log = logging.getLogger("sandbox.akeneo")

DOCUMENTATION = "http://api.akeneo.com/documentation/"
"""Base of the `_links.documentation.href` Akeneo adds to pagination errors."""
API_REFERENCE = "http://api.akeneo.com/api-reference.html#"
"""Base of the `_links.documentation.href` Akeneo adds to payload format errors."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class AkeneoError(Exception):
    """An error answered with Akeneo's JSON body; raise it from any handler."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        documentation: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors
        self.documentation = documentation
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.status, "message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        if self.documentation is not None:
            body["_links"] = {"documentation": {"href": self.documentation}}
        return body

    def response(self) -> web.Response:
        return json_response(self.body(), status=self.status, headers=self.headers)


def documented(message: str, operation: str) -> AkeneoError:
    """A payload format error, worded and linked as Akeneo's `DocumentedHttpException` (422)."""
    return AkeneoError(
        422,
        f"{message} Check the expected format on the API documentation.",
        documentation=API_REFERENCE + operation,
    )


def violations(errors: list[dict[str, Any]]) -> AkeneoError:
    """A validation failure listing each violation, as Akeneo's `ViolationHttpException` (422)."""
    return AkeneoError(422, "Validation failed.", errors=errors)


def unavailable(request: web.Request) -> web.Response:
    return json_response({"code": 503, "message": "Service Unavailable"}, status=503)


def server_error(request: web.Request) -> web.Response:
    return json_response({"code": 500, "message": "Internal Server Error"}, status=500)


def too_many_requests(retry_after_s: int) -> web.Response:
    return json_response(
        {"code": 429, "message": "Too Many Requests"},
        status=429,
        headers={"Retry-After": str(retry_after_s)},
    )


async def read_json(request: web.Request) -> Any:
    """The request's JSON body; malformed JSON is Akeneo's 400."""
    raw = await request.read()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise AkeneoError(400, "Invalid json message received") from exc


def _routing_error(request: web.Request, exc: web.HTTPException) -> AkeneoError:
    target = f"{request.method} {request.url.origin()}{request.path}"
    if isinstance(exc, web.HTTPMethodNotAllowed):
        allowed = ", ".join(sorted(exc.allowed_methods))
        return AkeneoError(405, f'No route found for "{target}": Method Not Allowed (Allow: {allowed})')
    return AkeneoError(404, f'No route found for "{target}"')


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Render routing failures, `AkeneoError` and unexpected exceptions as Akeneo bodies."""
    routing = request.match_info.http_exception
    if routing is not None:
        return _routing_error(request, routing).response()
    try:
        return await handler(request)
    except AkeneoError as exc:
        return exc.response()
    except web.HTTPException:
        raise
    except Exception:  # a bug in the emulator must still answer like the vendor, never with a traceback
        log.exception("akeneo emulator failed on %s %s", request.method, request.path)
        return server_error(request)


__all__ = [
    "API_REFERENCE",
    "DOCUMENTATION",
    "AkeneoError",
    "documented",
    "error_middleware",
    "read_json",
    "server_error",
    "too_many_requests",
    "unavailable",
    "violations",
]
