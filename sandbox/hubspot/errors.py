"""HubSpot's error bodies, raised by handlers as `HubSpotError` and rendered by the middleware.

Every error shares the shape `{"status":"error","message","correlationId", "category"?, "context"?,
"errors"?}`; the messages below are the ones HubSpot sends for the same situations.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .responses import correlation_id, json_response

AUTH_MESSAGE = (
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find "
    "more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"
)
RESOURCE_NOT_FOUND = "resource not found"
NOT_NUMERIC = "Object not found.  objectId are usually numeric."
BATCH_NOT_FOUND = (
    "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid."
)
CONFLICT_MESSAGE = "Contact already exists. Existing ID: {id}"


class HubSpotError(Exception):
    """An API error with HubSpot's status code and body; the middleware turns it into the response."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        category: str | None = None,
        context: dict[str, list[str]] | None = None,
        errors: list[dict[str, Any]] | None = None,
        sub_category: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.category = category
        self.context = context
        self.errors = errors
        self.sub_category = sub_category

    def body(self, correlation: str) -> dict[str, Any]:
        body: dict[str, Any] = {"status": "error", "message": self.message, "correlationId": correlation}
        if self.context is not None:
            body["context"] = self.context
        if self.errors is not None:
            body["errors"] = self.errors
        if self.category is not None:
            body["category"] = self.category
        if self.sub_category is not None:
            body["subCategory"] = self.sub_category
        return body

    def response(self) -> web.Response:
        correlation = correlation_id()
        return json_response(self.body(correlation), status=self.status, correlation=correlation)


def validation_error(message: str, **kwargs: Any) -> HubSpotError:
    """400 `VALIDATION_ERROR`: a request HubSpot understood but refuses (limits, bad values)."""
    return HubSpotError(400, message, category="VALIDATION_ERROR", **kwargs)


def invalid_json(message: str, *, line: int = 1, column: int = 1) -> HubSpotError:
    """400 for a body the JSON parser rejects; HubSpot's parser errors carry no category."""
    return HubSpotError(400, f"Invalid input JSON on line {line}, column {column}: {message}")


def not_found() -> HubSpotError:
    """404 for an id (or email with `idProperty=email`) that matches no contact."""
    return HubSpotError(404, RESOURCE_NOT_FOUND, category="OBJECT_NOT_FOUND")


def not_numeric(raw_id: str) -> HubSpotError:
    """404 for a non-numeric id sent without `idProperty` (HubSpot's hint that one was forgotten)."""
    return HubSpotError(404, NOT_NUMERIC, category="OBJECT_NOT_FOUND", context={"id": [raw_id]})


def conflict(existing_id: str) -> HubSpotError:
    """409 when a write would give a second contact an email that already exists."""
    return HubSpotError(409, CONFLICT_MESSAGE.format(id=existing_id), category="CONFLICT")


def unauthorized() -> web.Response:
    """401 for a missing or unknown bearer token."""
    return HubSpotError(401, AUTH_MESSAGE, category="INVALID_AUTHENTICATION").response()


def unavailable(request: web.Request) -> web.StreamResponse:
    """503 body for `down` and `hang` faults."""
    return HubSpotError(503, "Service Unavailable").response()


def server_error(request: web.Request) -> web.StreamResponse:
    """500 body for injected errors, as HubSpot answers when one of its services fails."""
    return HubSpotError(500, "internal error").response()


__all__ = [
    "AUTH_MESSAGE",
    "BATCH_NOT_FOUND",
    "HubSpotError",
    "conflict",
    "invalid_json",
    "not_found",
    "not_numeric",
    "server_error",
    "unauthorized",
    "unavailable",
    "validation_error",
]
