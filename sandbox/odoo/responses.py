"""HTTP responses in Odoo's formats: JSON-2 bodies and errors, werkzeug's HTML error pages, and the
bodies the sandbox control answers with when a fault is injected.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import orjson
from aiohttp import web

from .errors import HTTP_REASONS, HttpError, OdooError

NOT_FOUND_DESCRIPTION = (
    "The requested URL was not found on the server. If you entered the URL manually please check your "
    "spelling and try again."
)
UNAVAILABLE_DESCRIPTION = (
    "The server is temporarily unable to service your request due to maintenance downtime or capacity "
    "problems. Please try again later."
)
SERVER_ERROR_DESCRIPTION = (
    "The server encountered an internal error and was unable to complete your request. Either the server "
    "is overloaded or there is an error in the application."
)
TOO_MANY_REQUESTS_DESCRIPTION = "This user has exceeded an allotted request count. Try again later."


def json_response(value: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    """A JSON body as werkzeug's `make_json_response` sends it."""
    return web.Response(
        body=orjson.dumps(value),
        status=status,
        content_type="application/json",
        charset="utf-8",
        headers=dict(headers or {}),
    )


def error_response(error: OdooError) -> web.Response:
    """A JSON-2 error: the serialized exception with its HTTP status."""
    return json_response(error.body(), status=error.status, headers=error.headers)


def html_error(status: int, description: str, headers: Mapping[str, str] | None = None) -> web.Response:
    """Werkzeug's HTML error page, which Odoo sends when no JSON route handled the request."""
    reason = HTTP_REASONS.get(status, "Error")
    text = html.escape(description).replace("\n", "<br>")
    page = f"<!doctype html>\n<html lang=en>\n<title>{status} {reason}</title>\n<h1>{reason}</h1>\n<p>{text}</p>\n"
    return web.Response(
        text=page, status=status, content_type="text/html", charset="utf-8", headers=dict(headers or {})
    )


def unavailable(request: web.Request) -> web.StreamResponse:
    """The body of an injected outage (`down`, released `hang`): werkzeug's 503 in the JSON-2 error shape."""
    return error_response(HttpError(503, UNAVAILABLE_DESCRIPTION))


def server_error(request: web.Request) -> web.StreamResponse:
    """The body of an injected failure (`error_rate`): werkzeug's 500 in the JSON-2 error shape."""
    return error_response(HttpError(500, SERVER_ERROR_DESCRIPTION))


def too_many_requests(retry_after_s: int) -> web.Response:
    return error_response(
        HttpError(429, TOO_MANY_REQUESTS_DESCRIPTION, headers={"Retry-After": str(retry_after_s)})
    )


__all__ = [
    "NOT_FOUND_DESCRIPTION",
    "error_response",
    "html_error",
    "json_response",
    "server_error",
    "too_many_requests",
    "unavailable",
]
