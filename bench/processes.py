"""The sandbox and the gateway, each started as an operator would, in its own process group.

Every process is started in a new session, so stopping it signals its whole group (uvicorn's
worker processes included) and a Ctrl-C in the terminal reaches only the harness, which then
stops them in order. Readiness is polled, never slept for.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import aiohttp
import yaml

STOP_GRACE_S = 15.0
"""Seconds a process gets to exit after SIGTERM before its group is killed."""
POLL_INTERVAL_S = 0.1
PROJECT = Path(__file__).resolve().parent.parent


class ServiceFailed(RuntimeError):
    """A process exited or never became ready; the message ends with the tail of its log."""


class Service:
    """One started process: its command, its log file, and a stop that never leaves a process behind."""

    def __init__(
        self, name: str, command: Sequence[str], log_path: Path, env: Mapping[str, str] | None = None
    ):
        self.name = name
        self.log_path = log_path
        self._log: TextIO = log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 (the command is the project's own entry point)
            list(command),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env={**os.environ, **(env or {})},
            cwd=PROJECT,  # `python -m bench.…` resolves from the checkout, where `bench` lives
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def failed(self, what: str) -> ServiceFailed:
        return ServiceFailed(f"{self.name} {what} (log: {self.log_path}):\n{self.log_tail()}")

    def stop(self) -> None:
        """SIGTERM to the group, then SIGKILL after the grace period; safe to call twice."""
        if self.alive():
            self._signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.process.wait()
        # Children that outlived the leader (a worker mid-shutdown) share its group id.
        self._signal(signal.SIGKILL)
        self._log.close()

    def _signal(self, sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, sig)


@contextlib.contextmanager
def running(service: Service) -> Iterator[Service]:
    try:
        yield service
    finally:
        service.stop()


def free_port(host: str = "127.0.0.1") -> int:
    """A port free right now (the gateway binds it a moment later; a clash fails loudly at readiness)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def entry_point() -> list[str]:
    """`commerce-gateway` from this interpreter's environment, whichever venv runs the harness."""
    script = Path(sys.executable).with_name("commerce-gateway")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "gateway.cli"]


SPLIT_VENDORS = ("shopify", "akeneo", "odoo")
"""The emulators every run serves, each in a process of its own by default; a run that measures the
account page adds the CRM's and the chat's (`Scenario.vendors`)."""


def start_sandbox(
    workdir: Path, *, size: int, seed: int, faults: Mapping[str, Any], vendor: str | None = None
) -> tuple[Service, Path]:
    """The sandbox on ephemeral ports; returns the service and the config it will write.

    Without `vendor`: `commerce-gateway sandbox`, every emulator in one process. With it: only that
    vendor's emulator, in a process of its own (`bench.vendor_sandbox`, the same options).
    """
    name = f"sandbox-{vendor}" if vendor else "sandbox"
    config = workdir / f"{name}.yaml"
    options = [
        "--size",
        str(size),
        "--seed",
        str(seed),
        "--port-base",
        "0",
        "--faults",
        json.dumps(dict(faults)),
        "--write-config",
        str(config),
    ]
    if vendor:
        command = [sys.executable, "-m", "bench.vendor_sandbox", "--vendor", vendor, *options]
    else:
        command = [*entry_point(), "sandbox", *options]
    return Service(name, command, workdir / f"{name}.log"), config


def start_gateway(
    workdir: Path, config: Path, *, port: int, workers: int, label: str, source: Path | None = None
) -> Service:
    """`commerce-gateway serve` (uvicorn, uvloop, httptools) on `port`.

    With `source`, the gateway's packages are imported from that checkout instead (it comes first on
    `PYTHONPATH`, before the editable install), with this environment's dependencies.
    """
    command = [
        *entry_point(),
        "serve",
        "--config",
        str(config),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    env = {"PYTHONPATH": str(source)} if source is not None else None
    return Service(f"gateway ({label})", command, workdir / f"gateway-{label}.log", env=env)


async def wait_for_sandbox(service: Service, config: Path, timeout_s: float) -> dict[str, dict[str, Any]]:
    """Wait for the written config, then for a cheap answer from every emulator; returns `backends:`."""
    deadline = time.monotonic() + timeout_s
    backends: dict[str, dict[str, Any]] | None = None
    while backends is None:
        if not service.alive():
            raise service.failed("exited before writing its config")
        if time.monotonic() > deadline:
            raise service.failed(f"wrote no config within {timeout_s:.0f} s")
        # The sandbox logs this line once the file is closed: reading earlier may catch it half-written.
        if "gateway config written" in service.log_tail():
            backends = _written_backends(config)
        if backends is None:
            await asyncio.sleep(POLL_INTERVAL_S)
    async with aiohttp.ClientSession() as http:
        for vendor, section in backends.items():
            await _wait_for_url(http, service, f"{section['url']}/__sandbox/stats", deadline, vendor)
    return backends


def _written_backends(config: Path) -> dict[str, dict[str, Any]] | None:
    """The `backends:` of the sandbox's config, or None if it cannot be read (yet)."""
    with contextlib.suppress(OSError, yaml.YAMLError, TypeError, KeyError):
        backends: dict[str, dict[str, Any]] = yaml.safe_load(config.read_text())["backends"]
        if all("url" in section for section in backends.values()):
            return backends
    return None


async def wait_for_gateway(service: Service, url: str, timeout_s: float) -> None:
    """Poll `/readyz` until every backend passed its check."""
    async with aiohttp.ClientSession() as http:
        await _wait_for_url(http, service, f"{url}/readyz", time.monotonic() + timeout_s, "readyz")


async def _wait_for_url(
    http: aiohttp.ClientSession, service: Service, url: str, deadline: float, what: str
) -> None:
    last = "no answer"
    while True:
        if not service.alive():
            raise service.failed(f"exited while waiting for {what}")
        try:
            async with http.get(url, timeout=aiohttp.ClientTimeout(total=2)) as response:
                if response.status == 200:
                    return
                last = f"{response.status}: {(await response.text())[:200]}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            last = f"{type(exc).__name__}: {exc}"
        if time.monotonic() > deadline:
            raise service.failed(f"not ready at {url}: {last}")
        await asyncio.sleep(POLL_INTERVAL_S)


__all__ = [
    "SPLIT_VENDORS",
    "Service",
    "ServiceFailed",
    "entry_point",
    "free_port",
    "running",
    "start_gateway",
    "start_sandbox",
    "wait_for_gateway",
    "wait_for_sandbox",
]
