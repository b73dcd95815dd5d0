"""The demo's own CA: a TLS handshake over loopback succeeds for the names it covers, and only for those."""

from __future__ import annotations

import asyncio
import ssl
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from cryptography import x509

from gateway.demo_tls import DemoCertificates, issue_demo_certificates


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> DemoCertificates:
    return issue_demo_certificates(tmp_path_factory.mktemp("tls") / "made")


@pytest.fixture
async def tls_port(certificates: DemoCertificates) -> AsyncIterator[int]:
    """A loopback TLS server presenting the demo certificate, answering each connection with `ok`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates.server_certificate, certificates.server_key)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"ok")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    async with server:
        yield server.sockets[0].getsockname()[1]


async def _handshake(port: int, ca: Path, server_hostname: str) -> bytes:
    trusting = ssl.create_default_context(cafile=ca)
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=trusting, server_hostname=server_hostname
    )
    try:
        return await reader.read()
    finally:
        writer.close()


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
async def test_a_client_trusting_the_ca_connects_by_either_name(
    certificates: DemoCertificates, tls_port: int, name: str
) -> None:
    assert await _handshake(tls_port, certificates.ca_certificate, name) == b"ok"


async def test_a_name_the_certificate_does_not_cover_is_refused(
    certificates: DemoCertificates, tls_port: int
) -> None:
    with pytest.raises(ssl.SSLCertVerificationError, match="Hostname mismatch"):
        await _handshake(tls_port, certificates.ca_certificate, "shop.example")


async def test_a_client_without_the_ca_refuses_the_certificate(tmp_path: Path, tls_port: int) -> None:
    stranger = issue_demo_certificates(tmp_path)  # another run's CA signs nothing of this server's

    with pytest.raises(ssl.SSLCertVerificationError, match="unable to get local issuer certificate"):
        await _handshake(tls_port, stranger.ca_certificate, "localhost")


def test_the_server_key_is_private_and_the_ca_key_is_not_kept(certificates: DemoCertificates) -> None:
    assert stat.S_IMODE(certificates.server_key.stat().st_mode) == 0o600
    assert sorted(path.name for path in certificates.directory.iterdir()) == [
        "ca.pem",
        "server-key.pem",
        "server.pem",
    ]


def test_another_listening_address_is_covered_as_an_ip(tmp_path: Path) -> None:
    made = issue_demo_certificates(tmp_path, ("127.0.0.1", "localhost", "192.0.2.7"))

    names = x509.load_pem_x509_certificate(
        made.server_certificate.read_bytes()
    ).extensions.get_extension_for_class(x509.SubjectAlternativeName)
    assert [str(ip) for ip in names.value.get_values_for_type(x509.IPAddress)] == ["127.0.0.1", "192.0.2.7"]
    assert names.value.get_values_for_type(x509.DNSName) == ["localhost"]
