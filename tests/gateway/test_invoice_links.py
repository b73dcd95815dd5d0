"""Invoice download links: what the gateway signed passes until it expires, nothing else ever does."""

from __future__ import annotations

import base64
import logging

import orjson
import pytest

from gateway.invoice_links import PATH_PREFIX, PATH_SUFFIX, InvalidLink, InvoiceGrant, InvoiceLinks

SECRET = b"k" * 32


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _token(path: str) -> str:
    assert path.startswith(PATH_PREFIX)
    assert path.endswith(PATH_SUFFIX)
    return path.removeprefix(PATH_PREFIX).removesuffix(PATH_SUFFIX)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_a_link_grants_its_invoice_until_it_expires() -> None:
    clock = Clock()
    links = InvoiceLinks(SECRET, ttl_s=900, clock=clock)
    token = _token(links.path(invoice_id=42, order_name="#1042", number="INV/2026/00042"))

    assert links.verify(token) == InvoiceGrant(42, "#1042", "INV/2026/00042", int(clock.now) + 900)
    clock.now += 899
    assert links.verify(token).invoice_id == 42
    clock.now += 1
    with pytest.raises(InvalidLink, match="expired"):
        links.verify(token)


def test_a_payload_changed_under_its_signature_is_refused() -> None:
    clock = Clock()
    links = InvoiceLinks(SECRET, ttl_s=900, clock=clock)
    _, signature = _token(links.path(invoice_id=42, order_name="#1042", number="INV/1")).split(".")
    forged = _b64(orjson.dumps([43, "#1042", "INV/1", int(clock.now) + 900]))

    with pytest.raises(InvalidLink, match="signature"):
        links.verify(f"{forged}.{signature}")


@pytest.mark.parametrize("token", ["", "abc", ".", "abc.", ".abc", "a.b.c", "!!!.???", "e30.e30"])
def test_malformed_or_unsigned_tokens_are_refused(token: str) -> None:
    with pytest.raises(InvalidLink):
        InvoiceLinks(SECRET, ttl_s=900).verify(token)


def test_a_link_signed_under_another_secret_is_refused() -> None:
    token = _token(InvoiceLinks(b"o" * 32, ttl_s=900).path(invoice_id=1, order_name="#1", number="INV/1"))

    with pytest.raises(InvalidLink, match="signature"):
        InvoiceLinks(SECRET, ttl_s=900).verify(token)


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 32 bytes"):
        InvoiceLinks(b"short", ttl_s=900)


def test_without_a_configured_secret_each_process_draws_one_and_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="gateway.invoice_links"):
        first = InvoiceLinks.from_secret(None, ttl_s=900)
        second = InvoiceLinks.from_secret(None, ttl_s=900)

    assert "stop working when it restarts and fail on other replicas" in caplog.text
    token = _token(first.path(invoice_id=1, order_name="#1", number="INV/1"))
    assert first.verify(token).invoice_id == 1
    with pytest.raises(InvalidLink):
        second.verify(token)


def test_a_configured_secret_is_shared_by_replicas() -> None:
    secret = "s" * 40
    token = _token(
        InvoiceLinks.from_secret(secret, ttl_s=900).path(invoice_id=7, order_name="#7", number="I")
    )

    assert InvoiceLinks.from_secret(secret, ttl_s=900).verify(token).invoice_id == 7
