"""Runs the real `commerce-gateway demo` as a subprocess on free ports and reads what it prints.

The printed lines are the demo's interface with a new user (URLs, credentials, the CA to trust), so
tests take them from the output rather than recomputing them.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COMMAND = [str(Path(sys.executable).with_name("commerce-gateway")), "demo", "--no-activity"]
STOREFRONT_LINE = "Storefront API, for Shopify's clients: "
TRUST_LINE = "NODE_EXTRA_CA_CERTS="
READY_ATTEMPTS = 600
"""Polls of /readyz, 0.1 s apart: starting takes a few seconds, more on a busy machine."""


@dataclass(frozen=True, slots=True)
class RunningDemo:
    process: subprocess.Popen[str]
    port: int
    storefront_url: str
    """The Storefront API's URL, as the demo prints it."""
    ca: Path | None
    """The CA from the printed `NODE_EXTRA_CA_CERTS=` line (under `--tls`)."""
    emulators: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    """Each emulator's URL and credentials, as the demo prints them."""
    clients: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each demo client's kind, key, header and scopes, as the demo prints them."""

    @property
    def origin(self) -> str:
        return f"{'https' if self.ca else 'http'}://127.0.0.1:{self.port}"

    def ssl_context(self) -> ssl.SSLContext | None:
        return ssl.create_default_context(cafile=self.ca) if self.ca else None

    def post(
        self,
        path: str,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """A GraphQL request from Python's own client, trusting only the demo's CA under `--tls`."""
        request = urllib.request.Request(  # noqa: S310 - the demo's loopback origin
            f"{self.origin}{path}",
            data=json.dumps({"query": query, "variables": variables or {}}).encode(),
            headers={"Content-Type": "application/json", **(headers or {})},
        )
        with urllib.request.urlopen(request, context=self.ssl_context(), timeout=30) as response:  # noqa: S310
            body: dict[str, Any] = json.load(response)
        return body


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextlib.contextmanager
def running_demo(*flags: str, size: int = 30) -> Iterator[RunningDemo]:
    """The demo with `flags`, its emulators on ephemeral ports, until it answers `/readyz`."""
    port = free_port()
    command = [*COMMAND, "--size", str(size), "--port", str(port), "--port-base", "0", *flags]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603 - the venv's own command
    try:
        assert process.stdout is not None
        lines = _header(process)
        storefront_url = _printed(lines, STOREFRONT_LINE)
        assert storefront_url, lines
        trust = _printed(lines, TRUST_LINE)
        demo = RunningDemo(
            process=process,
            port=port,
            storefront_url=storefront_url,
            ca=Path(shlex.split(trust)[0]) if trust else None,
            emulators=_emulators(lines),
            clients=_clients(lines),
        )
        _wait_ready(demo, process)
        yield demo
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def _header(process: subprocess.Popen[str]) -> list[str]:
    """What the demo prints before it serves, up to the sample query's `Try:`."""
    assert process.stdout is not None
    lines: list[str] = []
    while (line := process.stdout.readline()) != "Try:\n":
        if not line:
            raise RuntimeError(f"the demo exited with {process.wait()} after printing {lines}")
        lines.append(line.rstrip("\n"))
    return lines


def _printed(lines: list[str], prefix: str) -> str | None:
    """The rest of the printed line that starts with `prefix`."""
    return next((line[len(prefix) :] for line in lines if line.startswith(prefix)), None)


def _emulators(lines: list[str]) -> dict[str, tuple[str, dict[str, str]]]:
    """`  akeneo    http://127.0.0.1:P  client_id=…, username=…` lines, parsed."""
    emulators: dict[str, tuple[str, dict[str, str]]] = {}
    for line in lines:
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and line.startswith("  ") and parts[1].startswith("http://"):
            emulators[parts[0]] = (parts[1], dict(item.split("=", 1) for item in parts[2].split(", ")))
    return emulators


def _clients(lines: list[str]) -> dict[str, dict[str, str]]:
    """`  client storefront  kind=storefront, key=…, header=…, scopes=…` lines, parsed."""
    clients: dict[str, dict[str, str]] = {}
    for line in lines:
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and line.startswith("  client "):
            clients[parts[1]] = dict(item.split("=", 1) for item in parts[2].split(", "))
    return clients


def _wait_ready(demo: RunningDemo, process: subprocess.Popen[str]) -> None:
    for _ in range(READY_ATTEMPTS):
        if process.poll() is not None:
            raise RuntimeError(f"the demo exited with {process.returncode} before it was ready")
        try:
            with urllib.request.urlopen(  # noqa: S310 - the demo's loopback origin
                f"{demo.origin}/readyz", context=demo.ssl_context(), timeout=5
            ) as response:
                if response.status == 200:
                    return
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ssl.SSLError):
                raise  # a certificate refused will not heal by waiting
        except ConnectionError:
            pass  # the listener is not accepting yet
        time.sleep(0.1)
    raise RuntimeError(f"the demo on port {demo.port} never became ready")


__all__ = ["RunningDemo", "free_port", "running_demo"]
