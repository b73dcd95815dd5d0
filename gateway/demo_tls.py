"""A certificate authority made for one demo run, and the server certificate it signs.

Shopify's own Storefront client only speaks `https://` to a store domain, so `commerce-gateway demo
--tls` serves HTTPS on loopback. Nothing here is for production: the CA lives as long as the run,
and a client trusts it explicitly (Node.js with `NODE_EXTRA_CA_CERTS=<ca.pem>`).
"""

from __future__ import annotations

import datetime
import ipaddress
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEMO_HOSTS = ("127.0.0.1", "localhost")
"""The names the server certificate always covers: how a client on the same machine reaches the demo."""

VALIDITY = datetime.timedelta(days=30)
"""Long enough for any demo run; short enough that a forgotten CA stops mattering soon."""

CLOCK_SKEW = datetime.timedelta(minutes=5)
"""Certificates start a little in the past, so a client whose clock lags a few minutes accepts them."""


@dataclass(frozen=True, slots=True)
class DemoCertificates:
    """Where one run's PEM files are: the CA a client trusts, the certificate and key the server uses."""

    directory: Path
    ca_certificate: Path
    server_certificate: Path
    server_key: Path


def issue_demo_certificates(directory: Path, hosts: Sequence[str] = DEMO_HOSTS) -> DemoCertificates:
    """Make a fresh CA and a server certificate for `hosts` (IP addresses or DNS names) in `directory`.

    The CA's private key is never written: nothing else will ever be signed with it.
    """
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "commerce-gateway demo CA")])
    ca = (
        _certificate(ca_name, ca_name, ca_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
    server = (
        _certificate(server_name, ca_name, server_key.public_key(), now)
        .add_extension(x509.SubjectAlternativeName([_general_name(host) for host in hosts]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(server_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    certificates = DemoCertificates(
        directory=directory,
        ca_certificate=directory / "ca.pem",
        server_certificate=directory / "server.pem",
        server_key=directory / "server-key.pem",
    )
    certificates.ca_certificate.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    certificates.server_certificate.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_pem = server_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_private(certificates.server_key, key_pem)
    return certificates


def _certificate(
    subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePublicKey, now: datetime.datetime
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + VALIDITY)
    )


def _general_name(host: str) -> x509.GeneralName:
    """An IP address entry for an address (clients match IPs only against those), a DNS entry otherwise."""
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def _write_private(path: Path, content: bytes) -> None:
    """Write a key readable by its owner only, from the first byte (no window with wider permissions)."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)


__all__ = ["DEMO_HOSTS", "DemoCertificates", "issue_demo_certificates"]
