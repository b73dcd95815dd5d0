"""`POST /contacts/search`: HubSpot's filter DSL with offset paging (see `filters`)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from gateway.backends.hubspot.sandbox.bodies import read_json
from gateway.backends.hubspot.sandbox.filters import SEARCH_FIELDS, parse_search, run_search
from gateway.backends.hubspot.sandbox.responses import json_response
from gateway.backends.hubspot.sandbox.state import HUBSPOT
from gateway.backends.hubspot.sandbox.views import property_names, simple_object


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
