"""JSON responses as Intercom writes them, each with its request id."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import orjson
from aiohttp import web

REQUEST_ID_HEADER = "X-Request-Id"


def request_id() -> str:
    return str(uuid.uuid4())


def json_response(
    data: Any, *, status: int = 200, headers: Mapping[str, str] | None = None, rid: str | None = None
) -> web.Response:
    response = web.Response(
        body=orjson.dumps(data), status=status, content_type="application/json", charset="utf-8"
    )
    response.headers[REQUEST_ID_HEADER] = rid or request_id()
    if headers:
        response.headers.update(headers)
    return response


__all__ = ["REQUEST_ID_HEADER", "json_response", "request_id"]
