"""`POST /crm/v4/associations/{from}/{to}/batch/read`: contact ↔ company links, up to 1,000 ids per call."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from sandbox.hubspot.bodies import object_list, read_json
from sandbox.hubspot.errors import validation_error
from sandbox.hubspot.responses import json_response
from sandbox.hubspot.state import HUBSPOT
from sandbox.hubspot.timestamps import iso_ms, now

from .objects import COMPANY_NAMES, CONTACT_NAMES, is_known, unknown_type

MAX_INPUTS = 1000
"""Raised from 100 on 2025-02-10."""

# HubSpot-defined association types: the primary link carries a label, the plain one does not.
CONTACT_TO_COMPANY = ({"category": "HUBSPOT_DEFINED", "typeId": 1, "label": "Primary"},
                      {"category": "HUBSPOT_DEFINED", "typeId": 279, "label": None})  # fmt: skip
COMPANY_TO_CONTACT = ({"category": "HUBSPOT_DEFINED", "typeId": 2, "label": "Primary"},
                      {"category": "HUBSPOT_DEFINED", "typeId": 280, "label": None})  # fmt: skip


def _kind(name: str) -> str:
    lowered = name.lower()
    if lowered in CONTACT_NAMES:
        return "contact"
    if lowered in COMPANY_NAMES:
        return "company"
    if is_known(name):
        return lowered.rstrip("s")
    raise unknown_type(name)


async def batch_read_associations(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    started = iso_ms(now())
    source, target = _kind(request.match_info["from_type"]), _kind(request.match_info["to_type"])
    body = await read_json(request, "BatchInputPublicFetchAssociationsBatchRequest", ("inputs",))
    inputs = object_list(body.data, "inputs")
    if len(inputs) > MAX_INPUTS:
        raise validation_error(f"Too many inputs: {len(inputs)}. The maximum batch size is {MAX_INPUTS}.")
    results: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for item in inputs:
        raw = body.check(item, "PublicFetchAssociationsBatchRequest", ("id", "after")).get("id")
        object_id = str(raw).strip() if raw is not None else ""
        targets: list[dict[str, Any]] = []
        if source == "contact" and target == "company":
            contact = state.store.get(object_id)
            if contact is not None and contact.company_id is not None:
                targets = [
                    {"toObjectId": int(contact.company_id), "associationTypes": list(CONTACT_TO_COMPANY)}
                ]
        elif source == "company" and target == "contact":
            targets = [
                {"toObjectId": int(member), "associationTypes": list(COMPANY_TO_CONTACT)}
                for member in state.store.members(object_id)
            ]
        if targets:
            results.append({"from": {"id": object_id}, "to": targets})
        else:
            errors.append(
                {
                    "status": "error",
                    "category": "OBJECT_NOT_FOUND",
                    "subCategory": "crm.associations.NO_ASSOCIATIONS_FOUND",
                    "context": {"fromObjectId": [object_id]},
                    "message": f"No {target} is associated with {source} {object_id}.",
                }
            )
    payload: dict[str, Any] = {"status": "COMPLETE", "results": results}
    if errors:
        payload["numErrors"] = len(errors)
        payload["errors"] = errors
    payload["startedAt"] = started
    payload["completedAt"] = iso_ms(now())
    return json_response(payload, status=207 if errors else 200)


__all__ = ["MAX_INPUTS", "batch_read_associations"]
