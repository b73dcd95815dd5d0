"""Signed bodies that are not readable vendor JSON get a 400 that says why, never a 500."""

from __future__ import annotations

import json

import pytest

from .deliveries import Deliveries

PARSING_VENDORS = ("akeneo", "hubspot", "intercom", "odoo")
"""Shopify's receiver reads only headers: it never parses the body."""

NESTED = "[" * 200 + "]" * 200
"""Well-formed, far deeper than any vendor payload, and shallow enough for `json.loads`."""


def envelope(vendor: str, inner: str) -> bytes:
    """A vendor-shaped delivery carrying `inner` (raw JSON text) in one of its fields."""
    match vendor:
        case "akeneo":
            text = f'{{"specversion": "1.0", "id": "evt-deep", "type": "x", "data": {inner}}}'
        case "hubspot":
            text = f'[{{"eventId": 77, "subscriptionType": "contact.creation", "objectId": {inner}}}]'
        case "intercom":
            text = f'{{"type": "notification_event", "id": "notif_deep", "topic": "ping", "data": {inner}}}'
        case _:
            text = f'{{"_model": "stock.quant", "_id": 1, "product_id": {inner}}}'
    return text.encode()


@pytest.mark.parametrize("vendor", PARSING_VENDORS)
async def test_fifty_thousand_open_brackets_are_refused(deliveries: Deliveries, vendor: str) -> None:
    reply = await deliveries.post(vendor, b"[" * 50_000)

    assert reply.status == 400
    assert "nest" in reply.json()["error"]


@pytest.mark.parametrize("vendor", PARSING_VENDORS)
async def test_a_deeply_nested_field_is_refused(deliveries: Deliveries, vendor: str) -> None:
    body = envelope(vendor, NESTED)
    json.loads(body)  # valid JSON: only its depth is wrong

    reply = await deliveries.post(vendor, body)

    assert reply.status == 400
    assert "nest" in reply.json()["error"]


@pytest.mark.parametrize("vendor", PARSING_VENDORS)
async def test_a_body_that_is_not_json_is_refused(deliveries: Deliveries, vendor: str) -> None:
    for body in (b"{", b"\xff\xfe\x00", b"NaN-ish", b'{"a": 1' + b"9" * 5000 + b"}"):
        reply = await deliveries.post(vendor, body)

        assert reply.status == 400, body[:20]
        assert "JSON" in reply.json()["error"]
