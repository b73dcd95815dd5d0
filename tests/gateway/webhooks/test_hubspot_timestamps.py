"""HubSpot's `X-HubSpot-Request-Timestamp` is read strictly: ASCII digits of a millisecond time, or 401."""

from __future__ import annotations

import time

import pytest

from sandbox.hubspot.signing import SIGNATURE_V3_HEADER, TIMESTAMP_HEADER, v3

from .deliveries import Deliveries, hubspot_body

UNREADABLE = {
    "superscript-two": "²",  # the byte 0xB2: `str.isdigit()` accepts it, `int()` refuses it
    "superscripts": "¹²³",
    "five-thousand-digits": "1" * 5000,  # past Python's int-from-string limit
    "twenty-digits": "9" * 20,
    "signed": "+1767225600000",
    "fraction": "1767225600000.5",
    "exponent": "1.7e12",
    "empty": "",
}


@pytest.mark.parametrize("timestamp", UNREADABLE.values(), ids=UNREADABLE.keys())
async def test_an_unreadable_timestamp_is_refused_before_the_signature(
    deliveries: Deliveries, timestamp: str
) -> None:
    body = hubspot_body(1)
    url = deliveries.url("hubspot")
    # Signed over the odd timestamp itself: only the timestamp can be what is refused.
    headers = {
        SIGNATURE_V3_HEADER: v3(deliveries.secret("hubspot"), "POST", url, body, timestamp),
        TIMESTAMP_HEADER: timestamp,
    }

    reply = await deliveries.post("hubspot", body, headers)

    assert reply.status == 401
    assert "X-HubSpot-Request-Timestamp" in reply.json()["error"]


async def test_a_timestamp_older_than_five_minutes_is_refused(deliveries: Deliveries) -> None:
    body = hubspot_body(2)
    url = deliveries.url("hubspot")
    stale = str(int(time.time() * 1000) - 6 * 60 * 1000)
    headers = {
        SIGNATURE_V3_HEADER: v3(deliveries.secret("hubspot"), "POST", url, body, stale),
        TIMESTAMP_HEADER: stale,
    }

    reply = await deliveries.post("hubspot", body, headers)

    assert reply.status == 401


async def test_a_fresh_signed_delivery_is_accepted(deliveries: Deliveries) -> None:
    reply = await deliveries.post("hubspot", hubspot_body(3, 4))

    assert (reply.status, reply.json()) == (200, {"accepted": 2, "duplicates": 0})
