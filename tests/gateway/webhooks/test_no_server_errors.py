"""Whatever arrives at a vendor's endpoint, the answer is 200, 400 or 401 with a JSON body.

Bodies (random bytes, random JSON, vendor-shaped JSON with odd field values, thousands of open
brackets), header values (latin-1 text, superscript digits, thousands of digits, absent) and
signatures (right or wrong) are drawn at random, the right signatures made with the sandbox's
signers, so the drawn bodies and headers get past the signature check and reach the parsing.
The store is the in-memory one, so no 503 is expected here.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sandbox.akeneo.signing import PRIMARY_HEADER, signature
from sandbox.hubspot.signing import SIGNATURE_V3_HEADER, TIMESTAMP_HEADER, v3
from sandbox.intercom.signing import SIGNATURE_HEADER, hub_signature
from sandbox.runner import Sandbox
from sandbox.shopify.signing import HMAC_HEADER, TRIGGERED_AT_HEADER, WEBHOOK_ID_HEADER, hmac_header
from tests.harness import running_gateway

from .conftest import webhook_config
from .deliveries import VENDORS, Deliveries, rfc3339
from .raw_http import post

PRINTABLE_LATIN1 = "".join(chr(c) for c in range(0x20, 0x100) if not 0x7F <= c < 0xA0)
"""What a header value can carry: every latin-1 character but the controls (HTTP parsers refuse those)."""
HEADER_TEXT = st.text(PRINTABLE_LATIN1, max_size=40)
HEADER_VALUE = st.one_of(
    st.none(),  # the header is absent
    HEADER_TEXT,
    st.text("0123456789¹²³", min_size=1, max_size=24),
    st.integers(1, 6000).map(lambda n: "9" * n),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=16,
)
FIELDS = {
    "shopify": ("id", "email"),
    "odoo": ("_model", "_id", "product_id", "quantity"),
    "hubspot": ("eventId", "subscriptionType", "objectId"),
    "akeneo": ("specversion", "id", "type", "time", "data", "product", "product_model"),
    "intercom": ("type", "id", "topic", "created_at", "data"),
}
"""The fields each vendor's receiver reads, so vendor-shaped bodies hold odd values where it looks."""


def bodies(vendor: str) -> st.SearchStrategy[bytes]:
    shaped: st.SearchStrategy[Any] = st.dictionaries(st.sampled_from(FIELDS[vendor]), JSON, max_size=5)
    if vendor == "akeneo":
        shaped = (
            st.fixed_dictionaries(
                {"id": st.text(max_size=10), "data": st.dictionaries(st.sampled_from(FIELDS[vendor]), JSON)}
            )
            | shaped
        )
    if vendor == "hubspot":
        shaped = st.lists(shaped, max_size=3)
    return st.one_of(
        st.binary(max_size=300),
        JSON.map(lambda value: json.dumps(value).encode()),
        shaped.map(lambda value: json.dumps(value).encode()),
        (st.integers(1, 60_000) | st.sampled_from([65, 999, 1_000, 50_000])).map(lambda n: b"[" * n),
    )


@pytest.fixture(scope="module")
async def one_gateway(hooked_sandbox: Sandbox) -> AsyncIterator[Deliveries]:
    """One gateway for every example: Hypothesis reruns the test body, not its fixtures."""
    async with running_gateway(webhook_config(hooked_sandbox)) as gateway:
        yield Deliveries(hooked_sandbox, gateway.url)


def _headers(
    vendor: str, deliveries: Deliveries, body: bytes, signed: bool, drawn: dict[str, Any]
) -> dict[str, str]:
    headers = {name: value for name, value in drawn.items() if value is not None}
    if not signed or vendor == "odoo":  # Odoo signs nothing: its token is in the URL
        return headers
    secret = deliveries.secret(vendor)
    match vendor:
        case "shopify":
            headers[HMAC_HEADER] = hmac_header(secret, body)
        case "hubspot":
            timestamp = headers.setdefault(TIMESTAMP_HEADER, str(int(time.time() * 1000)))
            headers[SIGNATURE_V3_HEADER] = v3(secret, "POST", deliveries.url(vendor), body, timestamp)
        case "akeneo":
            headers[PRIMARY_HEADER] = signature(secret, body)
        case "intercom":
            headers[SIGNATURE_HEADER] = hub_signature(secret, body)
    return headers


HEADERS = {
    "shopify": (HMAC_HEADER, TRIGGERED_AT_HEADER, WEBHOOK_ID_HEADER),
    "odoo": ("Content-Type",),
    "hubspot": (TIMESTAMP_HEADER, SIGNATURE_V3_HEADER),
    "akeneo": (PRIMARY_HEADER, "X-AKENEO-SIGNATURE-ALGORITHM"),
    "intercom": (SIGNATURE_HEADER,),
}
"""The headers each receiver reads; a signed draw overwrites the signature with the right one."""


@pytest.mark.parametrize("vendor", VENDORS)
@settings(
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), signed=st.booleans())
async def test_no_delivery_gets_a_server_error(
    one_gateway: Deliveries, vendor: str, data: st.DataObject, signed: bool
) -> None:
    deliveries = one_gateway
    body = data.draw(bodies(vendor), label="body")
    drawn = {name: data.draw(HEADER_VALUE, label=name) for name in HEADERS[vendor]}
    if vendor == "shopify" and signed and data.draw(st.booleans(), label="fresh"):
        drawn[TRIGGERED_AT_HEADER] = rfc3339(time.time())
    url = deliveries.url(vendor) if signed or vendor != "odoo" else deliveries.url(vendor) + "x"

    reply = await post(url, body, _headers(vendor, deliveries, body, signed, drawn))

    assert reply.status in (200, 400, 401), (reply.status, reply.body[:200])
    assert b"Traceback" not in reply.body
    assert isinstance(reply.json(), dict)
