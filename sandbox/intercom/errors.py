"""Intercom's `error.list` bodies, raised by handlers as `IntercomError` and rendered by the middleware."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .responses import json_response, request_id

USER_NOT_FOUND = "User Not Found"
RESOURCE_NOT_FOUND = "Resource Not Found"


class IntercomError(Exception):
    """An API error: HTTP status, Intercom error `code` and message."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field

    def body(self, rid: str) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.field is not None:
            error["field"] = self.field
        return {"type": "error.list", "request_id": rid, "errors": [error]}

    def response(self, headers: dict[str, str] | None = None) -> web.Response:
        rid = request_id()
        return json_response(self.body(rid), status=self.status, headers=headers, rid=rid)


def bad_request(message: str) -> IntercomError:
    return IntercomError(400, "bad_request", message)


def parameter_invalid(message: str, field: str | None = None) -> IntercomError:
    return IntercomError(400, "parameter_invalid", message, field)


def parameter_not_found(message: str) -> IntercomError:
    return IntercomError(400, "parameter_not_found", message)


def user_not_found() -> IntercomError:
    return IntercomError(404, "not_found", USER_NOT_FOUND)


def resource_not_found() -> IntercomError:
    return IntercomError(404, "not_found", RESOURCE_NOT_FOUND)


def admin_not_found() -> IntercomError:
    return IntercomError(404, "admin_not_found", "Admin not found")


def conflict(existing_id: str) -> IntercomError:
    return IntercomError(
        409, "conflict", f"A contact matching those details already exists with id={existing_id}"
    )


def unauthorized() -> web.Response:
    return IntercomError(401, "unauthorized", "Access Token Invalid").response()


def version_invalid() -> web.Response:
    return IntercomError(
        400, "intercom_version_invalid", "The requested version could not be found"
    ).response()


def unavailable(request: web.Request) -> web.StreamResponse:
    """503 for `down` and `hang` faults."""
    return IntercomError(
        503, "service_unavailable", "Sorry, the API service is temporarily unavailable"
    ).response()


def server_error(request: web.Request) -> web.StreamResponse:
    """500 for injected errors."""
    return IntercomError(500, "server_error", "An unexpected error occurred").response()


__all__ = [
    "IntercomError",
    "admin_not_found",
    "bad_request",
    "conflict",
    "parameter_invalid",
    "parameter_not_found",
    "resource_not_found",
    "server_error",
    "unauthorized",
    "unavailable",
    "user_not_found",
    "version_invalid",
]
