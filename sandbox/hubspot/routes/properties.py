"""`GET /crm/v3/properties/contacts`: the property catalogue the connector reads at start-up."""

from __future__ import annotations

from aiohttp import web

from sandbox.hubspot.errors import HubSpotError
from sandbox.hubspot.properties import CONTACT_PROPERTIES, PROPERTIES
from sandbox.hubspot.responses import json_response

from .objects import CONTACT_NAMES, is_known, unknown_type


def _check_type(request: web.Request) -> None:
    object_type = request.match_info["object_type"]
    if object_type.lower() in CONTACT_NAMES:
        return
    if not is_known(object_type):
        raise unknown_type(object_type)
    raise HubSpotError(404, "resource not found")


async def list_properties(request: web.Request) -> web.Response:
    _check_type(request)
    if request.query.get("archived", "false").lower() == "true":
        return json_response({"results": []})
    return json_response({"results": [p.to_json(i) for i, p in enumerate(CONTACT_PROPERTIES)]})


async def get_property(request: web.Request) -> web.Response:
    _check_type(request)
    name = request.match_info["name"]
    definition = PROPERTIES.get(name)
    if definition is None:
        raise HubSpotError(
            404, f"Unable to find property {name} for object type CONTACT", category="OBJECT_NOT_FOUND"
        )
    return json_response(definition.to_json(CONTACT_PROPERTIES.index(definition)))


__all__ = ["get_property", "list_properties"]
