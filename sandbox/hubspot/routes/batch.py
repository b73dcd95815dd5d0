"""`/contacts/batch/read` and `/contacts/batch/update`: up to 100 contacts per call, 207 on partial misses."""

from __future__ import annotations

from collections import Counter
from typing import Any

from aiohttp import web

from sandbox.hubspot import notifications
from sandbox.hubspot.bodies import object_list, query_bool, read_json, string_list
from sandbox.hubspot.errors import BATCH_NOT_FOUND, validation_error
from sandbox.hubspot.lookup import check_id_property, find
from sandbox.hubspot.responses import json_response
from sandbox.hubspot.state import HUBSPOT
from sandbox.hubspot.store import Contact
from sandbox.hubspot.timestamps import iso_ms, now
from sandbox.hubspot.validation import check_properties
from sandbox.hubspot.views import property_names, simple_object

from .contacts import apply_update

MAX_INPUTS = 100
MAX_INPUTS_WITH_HISTORY = 50
"""HubSpot halves the batch when `propertiesWithHistory` asks for history."""

READ_FIELDS = ("idProperty", "inputs", "properties", "propertiesWithHistory")
UPDATE_FIELDS = ("inputs",)
_READ_INPUT_FIELDS = ("id",)
_UPDATE_INPUT_FIELDS = ("id", "idProperty", "properties", "objectWriteTraceId")


def _input_id(value: object) -> str:
    if isinstance(value, int | str) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    raise validation_error("Invalid input JSON: every input needs an id")


def _batch_body(
    results: list[dict[str, Any]], missing: list[str], started: str
) -> tuple[dict[str, Any], int]:
    body: dict[str, Any] = {"status": "COMPLETE", "results": results}
    status = 200
    if missing:
        # HubSpot answers 207 Multi-Status and lists the misses next to the hits.
        status = 207
        body["numErrors"] = 1
        body["errors"] = [
            {
                "status": "error",
                "category": "OBJECT_NOT_FOUND",
                "message": BATCH_NOT_FOUND,
                "context": {"ids": missing},
            }
        ]
    body["startedAt"] = started
    body["completedAt"] = iso_ms(now())
    return body, status


async def batch_read(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    started = iso_ms(now())
    body = await read_json(request, "BatchReadInputSimplePublicObjectId", READ_FIELDS)
    id_property = check_id_property(body.data.get("idProperty"))
    inputs = object_list(body.data, "inputs")
    history = string_list(body.data, "propertiesWithHistory") or []
    cap = MAX_INPUTS_WITH_HISTORY if history else MAX_INPUTS
    if len(inputs) > cap:
        raise validation_error(f"Too many inputs: {len(inputs)}. The maximum batch size is {cap}.")
    names = property_names(string_list(body.data, "properties"))
    archived = query_bool(request, "archived")
    seen: set[str] = set()
    results: list[dict[str, Any]] = []
    missing: list[str] = []
    for item in inputs:
        raw_id = _input_id(body.check(item, "SimplePublicObjectId", _READ_INPUT_FIELDS).get("id"))
        contact = find(state.store, raw_id, id_property, archived=archived)
        if contact is None:
            missing.append(raw_id)
        elif contact.id not in seen:
            seen.add(contact.id)
            results.append(simple_object(contact, names, with_history=history))
    payload, status = _batch_body(results, missing, started)
    return json_response(payload, status=status)


async def batch_update(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    started = iso_ms(now())
    body = await read_json(request, "BatchInputSimplePublicObjectBatchInput", UPDATE_FIELDS)
    inputs = object_list(body.data, "inputs")
    if len(inputs) > MAX_INPUTS:
        raise validation_error(f"Too many inputs: {len(inputs)}. The maximum batch size is {MAX_INPUTS}.")
    # Validate the whole batch first: HubSpot rejects it as one when any input is invalid.
    plan: list[tuple[str, Contact | None, dict[str, str | None]]] = []
    ids: list[str] = []
    for item in inputs:
        entry = body.check(item, "SimplePublicObjectBatchInput", _UPDATE_INPUT_FIELDS)
        raw_id = _input_id(entry.get("id"))
        id_property = check_id_property(entry.get("idProperty"))
        values = check_properties(entry.get("properties") if "properties" in entry else {})
        contact = find(state.store, raw_id, id_property)
        ids.append(contact.id if contact else raw_id)
        plan.append((raw_id, contact, values))
    duplicates = sorted(i for i, n in Counter(ids).items() if n > 1)
    if duplicates:
        raise validation_error(f"Duplicate IDs found in batch input: {duplicates}. IDs must be unique")
    results: list[dict[str, Any]] = []
    missing: list[str] = []
    events: list[dict[str, Any]] = []
    for raw_id, contact, values in plan:
        if contact is None:
            missing.append(raw_id)
            continue
        changed = apply_update(request.app, contact, values)
        events.extend(notifications.property_changes(state, contact.id, changed))
        results.append(simple_object(contact, property_names(list(values))))
    if events:
        notifications.emit(state, events)
    payload, status = _batch_body(results, missing, started)
    return json_response(payload, status=status)


__all__ = ["MAX_INPUTS", "batch_read", "batch_update"]
