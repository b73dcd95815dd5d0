"""Errors as clients see them: deliberate ones keep their message and code, bugs are masked.

A deliberate error is a GraphQL error of the request itself (syntax, validation, variables), or an
exception that carries `extensions` with a `code` (backend failures, bad user input). Anything else
is a bug: the client gets "Internal server error." and the traceback goes to the log, never out of
the server.
"""

from __future__ import annotations

import logging
from typing import Any

from graphql import GraphQLError

log = logging.getLogger("gateway.graphql")

MASKED_MESSAGE = "Internal server error."


def is_deliberate(error: GraphQLError) -> bool:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return True
    extensions = getattr(original, "extensions", None)
    return isinstance(extensions, dict) and "code" in extensions


def format_error(error: GraphQLError) -> dict[str, Any]:
    if not is_deliberate(error):
        log.error("unexpected error at %s", error.path, exc_info=error.original_error)
        masked: dict[str, Any] = {"message": MASKED_MESSAGE, "extensions": {"code": "INTERNAL_SERVER_ERROR"}}
        if error.locations:
            masked["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
        if error.path is not None:
            masked["path"] = error.path
        return masked
    formatted = dict(error.formatted)
    if not formatted.get("extensions"):
        formatted.pop("extensions", None)
    return formatted


def request_error(message: str, code: str) -> dict[str, Any]:
    return {"message": message, "extensions": {"code": code}}


__all__ = ["MASKED_MESSAGE", "format_error", "is_deliberate", "request_error"]
