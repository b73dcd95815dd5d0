"""JSON responses the way HubSpot writes them: compact UTF-8 JSON with a correlation id header."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import orjson
from aiohttp import web

CORRELATION_HEADER = "X-HubSpot-Correlation-Id"


def correlation_id() -> str:
    """A fresh id for one request, as HubSpot puts in error bodies and the correlation header."""
    return str(uuid.uuid4())


def json_response(
    data: Any, *, status: int = 200, headers: Mapping[str, str] | None = None, correlation: str | None = None
) -> web.Response:
    """`data` as compact JSON; orjson keeps a 100-contact batch at a fraction of a millisecond."""
    response = web.Response(
        body=orjson.dumps(data), status=status, content_type="application/json", charset="utf-8"
    )
    response.headers[CORRELATION_HEADER] = correlation or correlation_id()
    if headers:
        response.headers.update(headers)
    return response


__all__ = ["CORRELATION_HEADER", "correlation_id", "json_response"]
