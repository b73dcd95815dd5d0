"""Reads JSON request bodies with Intercom's 400 for anything that is not a JSON object."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .errors import bad_request


async def read_json(request: web.Request) -> dict[str, Any]:
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise bad_request(f"There was a problem in the JSON you submitted: {exc}") from None
    if not isinstance(body, dict):
        raise bad_request("There was a problem in the JSON you submitted: expected a JSON object")
    return body


__all__ = ["read_json"]
