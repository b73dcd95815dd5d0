"""The HTTP side both GraphQL endpoints share: reading the request body and writing JSON.

Shopify takes `application/json` (`{"query", "variables", "operationName"}`) or
`application/graphql` (the raw document). A body it cannot read is a 400 with Rails' parameter
error, not a GraphQL error.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

BAD_REQUEST_BODY = {"errors": {"query": "Required parameter missing or invalid"}}
NOT_FOUND_BODY = {"errors": "Not Found"}
SERVER_ERROR_BODY = {"errors": "An unexpected error occurred"}
UNAVAILABLE_BODY = {"errors": "Service Unavailable"}


@dataclass(slots=True)
class GraphQLRequest:
    query: str
    variables: dict[str, Any] = field(default_factory=dict)
    operation_name: str | None = None


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(
        body=orjson.dumps(body),
        status=status,
        content_type="application/json",
        charset="utf-8",
        headers={"X-Request-Id": str(uuid.uuid4()), **(headers or {})},
    )


def bad_request() -> web.Response:
    return json_response(BAD_REQUEST_BODY, 400)


def not_found() -> web.Response:
    return json_response(NOT_FOUND_BODY, 404)


def server_error(request: web.Request) -> web.Response:
    return json_response(SERVER_ERROR_BODY, 500)


def unavailable(request: web.Request) -> web.Response:
    return json_response(UNAVAILABLE_BODY, 503)


async def read_graphql_request(request: web.Request) -> GraphQLRequest | None:
    """The GraphQL request in the body, or None when the body is not one (answer `bad_request`)."""
    raw = await request.read()
    if request.content_type == "application/graphql":
        text = raw.decode("utf-8", errors="replace")
        return GraphQLRequest(text) if text.strip() else None
    try:
        payload = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(payload, dict):
        return None
    query = payload.get("query")
    variables = payload.get("variables")
    operation_name = payload.get("operationName")
    if isinstance(variables, str):  # some clients send the variables JSON-encoded a second time
        try:
            variables = json.loads(variables) if variables.strip() else None
        except ValueError:
            return None
    if not isinstance(query, str) or not query.strip():
        return None
    if variables is not None and not isinstance(variables, dict):
        return None
    if operation_name is not None and not isinstance(operation_name, str):
        return None
    return GraphQLRequest(query, variables or {}, operation_name or None)


__all__ = [
    "BAD_REQUEST_BODY",
    "NOT_FOUND_BODY",
    "SERVER_ERROR_BODY",
    "UNAVAILABLE_BODY",
    "GraphQLRequest",
    "bad_request",
    "json_response",
    "not_found",
    "read_graphql_request",
    "server_error",
    "unavailable",
]
