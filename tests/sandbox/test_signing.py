"""The emulators sign and the gateway verifies with separate code; both meet the same known answers.

Each vector was computed outside Python with openssl (the command is beside it), so neither side
can agree with the other by sharing a mistake.
"""

from __future__ import annotations

import pytest

from gateway.backends.akeneo import webhooks as akeneo_verifier
from gateway.backends.hubspot import webhooks as hubspot_verifier
from gateway.backends.intercom import webhooks as intercom_verifier
from gateway.backends.shopify import webhooks as shopify_verifier
from sandbox.akeneo import signing as akeneo
from sandbox.hubspot import signing as hubspot
from sandbox.intercom import signing as intercom
from sandbox.shopify import signing as shopify

# printf '%s' "$BODY" | openssl dgst -sha256 -hmac shpss_example_secret -binary | base64
SHOPIFY_SECRET = "shpss_example_secret"
SHOPIFY_BODY = b'{"id":820982911946154508,"email":"jon@example.com"}'
SHOPIFY_HMAC = "35DGSCsYGhssCXikM1rFvRtvLrHjZ3LG9BTZ5lYDs7g="

# printf '%s' 'POST'"$URI$BODY$TIMESTAMP" | openssl dgst -sha256 -hmac hubspot-secret-0001 -binary | base64
HUBSPOT_SECRET = "hubspot-secret-0001"
HUBSPOT_URI = "https://gateway.example.com/webhooks/hubspot?x=1"
HUBSPOT_BODY = b'[{"eventId":1,"objectId":51001}]'
HUBSPOT_TIMESTAMP = "1767225600000"
HUBSPOT_V3 = "CByxRWjfU4F53e5kNfNwjicaF2ULD/yP0qozzQrswpo="
HUBSPOT_V3_DECODED_URI = "A9tVh6RvNi6GxNcUHFamZ0s8hESFpaZqZR4cmYdPRXI="
"""Signed over `https://h/a@b`: what HubSpot signs when it calls `https://h/a%40b`."""
# printf '%s' "hubspot-secret-0001$BODY" | sha256sum; and with POST and the URI after the secret
HUBSPOT_V1 = "1d0a2b0252ef863f72e2f6550644e541326b845307e0f4d3e1cd9c339dc974a7"
HUBSPOT_V2 = "c993014a5a1abe10f3be693dcfb7cbc67dd1645c94989f875657294779a63023"

# printf '%s' "$BODY" | openssl dgst -sha256 -hmac whsec-akeneo-test
AKENEO_SECRET = "whsec-akeneo-test"
AKENEO_BODY = b'{"data":{"product":{"uuid":"3444ec1b-058e-4208-9b6c-284f47a7aa17"}},"type":"com.akeneo.pim.v1.product.updated"}'
AKENEO_SIGNATURE = "b89b8b78302df16dee0ed3691cba3d66ba454f8bce649d0a166edf5a17a17039"

# printf '%s' "$BODY" | openssl dgst -sha1 -hmac intercom-secret-0001
INTERCOM_SECRET = "intercom-secret-0001"
INTERCOM_BODY = b'{"type":"notification_event","id":"notif_1"}'
INTERCOM_SIGNATURE = "sha1=15101142445d5708f5a2f9fd701a1a5677e56bbf"


def test_shopify_signer_and_verifier_meet_the_vector() -> None:
    assert shopify.hmac_header(SHOPIFY_SECRET, SHOPIFY_BODY) == SHOPIFY_HMAC
    assert shopify_verifier.verify(SHOPIFY_SECRET, SHOPIFY_BODY, SHOPIFY_HMAC)
    assert not shopify_verifier.verify(SHOPIFY_SECRET, SHOPIFY_BODY + b" ", SHOPIFY_HMAC)
    assert shopify.HMAC_HEADER == shopify_verifier.HMAC_HEADER


def test_hubspot_signer_and_verifier_meet_the_vectors() -> None:
    now = int(HUBSPOT_TIMESTAMP) + 1_000
    assert hubspot.v3(HUBSPOT_SECRET, "POST", HUBSPOT_URI, HUBSPOT_BODY, HUBSPOT_TIMESTAMP) == HUBSPOT_V3
    assert hubspot.v1(HUBSPOT_SECRET, HUBSPOT_BODY) == HUBSPOT_V1
    assert hubspot.v2(HUBSPOT_SECRET, "POST", HUBSPOT_URI, HUBSPOT_BODY) == HUBSPOT_V2
    assert hubspot_verifier.verify_v3(
        HUBSPOT_SECRET, "POST", HUBSPOT_URI, HUBSPOT_BODY, HUBSPOT_V3, HUBSPOT_TIMESTAMP, now_ms=now
    )
    assert hubspot_verifier.verify_v1(HUBSPOT_SECRET, HUBSPOT_BODY, HUBSPOT_V1)
    assert hubspot_verifier.verify_v2(HUBSPOT_SECRET, "POST", HUBSPOT_URI, HUBSPOT_BODY, HUBSPOT_V2)


def test_hubspot_sides_decode_the_same_escapes_before_hashing() -> None:
    now = int(HUBSPOT_TIMESTAMP) + 1_000
    signed = hubspot.v3(HUBSPOT_SECRET, "POST", "https://h/a%40b", HUBSPOT_BODY, HUBSPOT_TIMESTAMP)
    assert signed == HUBSPOT_V3_DECODED_URI
    for called in ("https://h/a%40b", "https://h/a@b"):
        assert hubspot_verifier.verify_v3(
            HUBSPOT_SECRET, "POST", called, HUBSPOT_BODY, signed, HUBSPOT_TIMESTAMP, now_ms=now
        )


def test_hubspot_headers_verify_on_the_gateway() -> None:
    headers = hubspot.signature_headers(
        HUBSPOT_SECRET, "POST", HUBSPOT_URI, HUBSPOT_BODY, timestamp_ms=int(HUBSPOT_TIMESTAMP)
    )
    assert headers[hubspot_verifier.SIGNATURE_V3_HEADER] == HUBSPOT_V3
    assert headers[hubspot_verifier.SIGNATURE_HEADER] == HUBSPOT_V1
    assert hubspot_verifier.verify_v3(
        HUBSPOT_SECRET,
        "POST",
        HUBSPOT_URI,
        HUBSPOT_BODY,
        headers[hubspot_verifier.SIGNATURE_V3_HEADER],
        headers[hubspot_verifier.TIMESTAMP_HEADER],
        now_ms=int(HUBSPOT_TIMESTAMP),
    )


@pytest.mark.parametrize("secondary", [None, "next-secret"])
def test_akeneo_signer_and_verifier_meet_the_vector(secondary: str | None) -> None:
    headers = akeneo.signature_headers(AKENEO_BODY, AKENEO_SECRET, secondary)
    assert headers[akeneo_verifier.PRIMARY_HEADER] == AKENEO_SIGNATURE
    assert akeneo_verifier.verify(AKENEO_BODY, headers, [AKENEO_SECRET])
    if secondary is not None:
        assert akeneo_verifier.verify(AKENEO_BODY, headers, [secondary])
    assert not akeneo_verifier.verify(AKENEO_BODY + b" ", headers, [AKENEO_SECRET])


def test_intercom_signer_and_verifier_meet_the_vector() -> None:
    headers = intercom.signature_headers(INTERCOM_SECRET, INTERCOM_BODY)
    assert headers[intercom_verifier.SIGNATURE_HEADER] == INTERCOM_SIGNATURE
    assert intercom_verifier.verify(INTERCOM_SECRET, INTERCOM_BODY, INTERCOM_SIGNATURE)
    assert not intercom_verifier.verify(INTERCOM_SECRET, INTERCOM_BODY + b" ", INTERCOM_SIGNATURE)
