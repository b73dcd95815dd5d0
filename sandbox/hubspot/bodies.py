"""Reads request bodies and query strings with HubSpot's answers to malformed input.

HubSpot deserialises bodies with Jackson, which refuses syntax errors and unknown fields with a
400 whose message starts `Invalid input JSON on line L, column C:`; query parameters it does not
know are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .errors import invalid_json, validation_error


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


@dataclass(frozen=True, slots=True)
class JsonBody:
    """A parsed request body and its text, kept to point at the offending field like Jackson does."""

    data: dict[str, Any]
    text: str

    def position(self, fragment: str) -> dict[str, int]:
        """Line and column of `fragment` in the body, as Jackson reports them."""
        line, column = _position(self.text, max(0, self.text.find(fragment)))
        return {"line": line, "column": column}

    def check(self, obj: object, model: str, fields: Iterable[str]) -> dict[str, Any]:
        """`obj` as a JSON object of class `model`: unknown fields are refused, as HubSpot's parser does."""
        if not isinstance(obj, dict):
            raise invalid_json(f"Cannot deserialize value of type `{model}` from {_json_kind(obj)} value")
        known = set(fields)
        for key in obj:
            if key not in known:
                listed = ", ".join(f'"{name}"' for name in sorted(known))
                raise invalid_json(
                    f'Unrecognized field "{key}" (class {model}), not marked as ignorable '
                    f"({len(known)} known properties: {listed})",
                    **self.position(json.dumps(key)),
                )
        return obj


async def read_json(request: web.Request, model: str, fields: Iterable[str]) -> JsonBody:
    """The body as a JSON object whose keys all belong to `model` (the HubSpot input class)."""
    raw = await request.read()
    text = raw.decode("utf-8", errors="replace")
    if not text.strip():
        raise invalid_json("No content to map due to end-of-input")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise invalid_json(exc.msg, line=exc.lineno, column=exc.colno) from None
    body = JsonBody({}, text)
    return JsonBody(body.check(data, model, fields), text)


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "Array"
    if isinstance(value, str):
        return "String"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int | float):
        return "Number"
    return "Null"


def string_list(body: dict[str, Any], key: str) -> list[str] | None:
    """An optional list of strings (`properties`, `propertiesWithHistory`); None when absent."""
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid_json(
            f"Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` for {key}"
        )
    return value


def object_list(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """A required list of objects (`inputs`, `filterGroups`)."""
    value = body.get(key)
    if value is None:
        raise validation_error(f"Invalid input JSON: {key} must not be null")
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise invalid_json(
            f"Cannot deserialize value of type `java.util.ArrayList` from {_json_kind(value)} value for {key}"
        )
    return value


def query_list(request: web.Request, name: str) -> list[str] | None:
    """A list query parameter, comma-separated, repeated, or both; None when absent."""
    values = request.query.getall(name, [])
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def query_bool(request: web.Request, name: str) -> bool:
    return request.query.get(name, "false").strip().lower() == "true"


def query_int(request: web.Request, name: str, default: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise validation_error(f"Unable to process JSON: {name} must be an integer, got '{raw}'") from None


__all__ = ["JsonBody", "object_list", "query_bool", "query_int", "query_list", "read_json", "string_list"]
