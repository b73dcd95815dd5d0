"""`POST /contacts/search`: HubSpot's filter DSL with offset paging (see `filters`)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from sandbox.hubspot.bodies import read_json
from sandbox.hubspot.filters import SEARCH_FIELDS, parse_search, run_search
from sandbox.hubspot.responses import json_response
from sandbox.hubspot.state import HUBSPOT
from sandbox.hubspot.views import property_names, simple_object


async def search(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    body = await read_json(request, "PublicObjectSearchRequest", SEARCH_FIELDS)
    spec = parse_search(body)
    matched = run_search(state.store, spec)
    names = property_names(spec.properties)
    page = matched[spec.after : spec.after + spec.limit]
    payload: dict[str, Any] = {"total": len(matched), "results": [simple_object(c, names) for c in page]}
    end = spec.after + spec.limit
    if end < len(matched):
        payload["paging"] = {"next": {"after": str(end)}}
    return json_response(payload)


__all__ = ["search"]
