"""A bare HTTP/1.1 POST over a socket, so header values travel as exactly the bytes a test means.

aiohttp encodes header values as UTF-8, so it cannot send the single byte 0xB2, which the gateway
(Starlette decodes headers as latin-1) reads as '²', a character `str.isdigit()` accepts. Vendors,
proxies and attackers can send any byte: this client writes each header value as latin-1.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    """Lower-cased names."""
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def _dechunked(payload: bytes) -> bytes:
    out = bytearray()
    while payload:
        size_line, _, payload = payload.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += payload[:size]
        payload = payload[size + 2 :]
    return bytes(out)


async def post(url: str, body: bytes, headers: Mapping[str, str]) -> Reply:
    """POST `body` to `url` with `headers` written byte for byte, and read the whole reply."""
    parts = urlsplit(url)
    assert parts.hostname is not None
    assert parts.port is not None
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [
        f"POST {target} HTTP/1.1",
        f"Host: {parts.netloc}",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await writer.drain()
        raw = await reader.read()  # `Connection: close`: the server ends the reply with EOF
    finally:
        writer.close()
        await writer.wait_closed()
    head, _, payload = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    received = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        received[name.strip().lower()] = value.strip()
    if received.get("transfer-encoding") == "chunked":
        payload = _dechunked(payload)
    return Reply(int(status_line.split()[1]), received, payload)


__all__ = ["Reply", "post"]
