"""Starts the five emulators on loopback ports, one aiohttp server each, over one shared world."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import importlib
import importlib.util
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any

from aiohttp import web

from .control import Faults
from .emulator import Emulator, EmulatorOptions
from .seed import World

log = logging.getLogger("sandbox")

VENDORS = ("shopify", "odoo", "hubspot", "akeneo", "intercom")
"""In port order: `--port-base P` serves Shopify on P, Odoo on P+1, and so on."""

DEFAULT_PORT_BASE = 9100


class PortInUse(OSError):
    """An emulator's port is taken by another process."""

    def __init__(self, vendor: str, host: str, port: int) -> None:
        super().__init__(
            f"port {port} on {host}, for the {vendor} emulator, is already in use; "
            "choose other ports with --port-base (the five emulators take P to P+4)"
        )
        self.vendor, self.host, self.port = vendor, host, port


def odoo_webhook_token(seed: int) -> str:
    return f"sandbox-odoo-webhook-{seed}"


def available_vendors() -> tuple[str, ...]:
    """The vendors whose emulator is installed, in port order."""
    return tuple(v for v in VENDORS if importlib.util.find_spec(f"sandbox.{v}") is not None)


def create_emulator(vendor: str, world: World, options: EmulatorOptions) -> Emulator:
    module = importlib.import_module(f"sandbox.{vendor}")
    emulator: Emulator = module.create_emulator(world, options)
    return emulator


@dataclass(slots=True)
class SandboxSettings:
    host: str = "127.0.0.1"
    port_base: int = DEFAULT_PORT_BASE
    """First port; 0 gives every emulator a free ephemeral port (tests)."""
    options: EmulatorOptions = field(default_factory=EmulatorOptions)
    faults: Mapping[str, Faults] = field(default_factory=dict)
    """Faults per vendor at start."""
    webhook_base: str | None = None
    """Each vendor posts its webhooks to `<webhook_base>/webhooks/<vendor>`."""
    activity_interval_s: float | None = None
    """Seconds between simulated activity ticks; None disables activity."""
    vendors: tuple[str, ...] = field(default_factory=available_vendors)


class Sandbox:
    """The running emulators.

    ```python
    async with Sandbox(generate(200), SandboxSettings(port_base=0)) as sandbox:
        print(sandbox.urls["shopify"])
    ```
    """

    def __init__(self, world: World, settings: SandboxSettings | None = None) -> None:
        self.world = world
        self.settings = settings or SandboxSettings()
        self.emulators: dict[str, Emulator] = {}
        self.urls: dict[str, str] = {}
        self._runners: list[web.AppRunner] = []
        self._activity: asyncio.Task[None] | None = None

    async def start(self) -> None:
        settings = self.settings
        for vendor in settings.vendors:
            emulator = create_emulator(vendor, self.world, settings.options)
            if vendor in settings.faults:
                emulator.control.faults = settings.faults[vendor]
            if settings.webhook_base:
                url = f"{settings.webhook_base.rstrip('/')}/webhooks/{vendor}"
                if vendor == "odoo":
                    # Odoo signs nothing: the receiving gateway trusts a secret token in the URL instead.
                    emulator.credentials["webhook_token"] = odoo_webhook_token(settings.options.seed)
                    url += f"?token={emulator.credentials['webhook_token']}"
                emulator.control.webhooks.url = url
            runner = web.AppRunner(emulator.app, access_log=None, handle_signals=False)
            await runner.setup()
            port = settings.port_base + VENDORS.index(vendor) if settings.port_base else 0
            site = web.TCPSite(runner, settings.host, port, reuse_address=True)
            try:
                await site.start()
            except OSError as exc:
                await runner.cleanup()
                await self.stop()
                if exc.errno == errno.EADDRINUSE:
                    raise PortInUse(vendor, settings.host, port) from None
                raise
            self._runners.append(runner)
            bound = runner.addresses[0][1]
            self.emulators[vendor] = emulator
            self.urls[vendor] = f"http://{settings.host}:{bound}"
        if settings.activity_interval_s:
            self._activity = asyncio.create_task(self._simulate(settings.activity_interval_s))

    async def stop(self) -> None:
        if self._activity is not None:
            self._activity.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._activity
        for runner in reversed(self._runners):
            await runner.cleanup()
        self._runners.clear()

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    def backends_config(self) -> dict[str, dict[str, Any]]:
        """The `backends:` section of a gateway config pointing at these emulators."""
        return {vendor: {"url": self.urls[vendor], **em.credentials} for vendor, em in self.emulators.items()}

    def set_faults(self, vendor: str, **faults: Any) -> None:
        control = self.emulators[vendor].control
        control.faults = replace(Faults.parse(faults, control.faults))

    async def _simulate(self, interval_s: float) -> None:
        rng = random.Random(self.settings.options.seed)
        ticks = [em.activity for em in self.emulators.values() if em.activity is not None]
        while ticks:
            await asyncio.sleep(interval_s * rng.uniform(0.5, 1.5))
            try:
                await rng.choice(ticks)()
            except Exception:  # activity is decoration for the demo; it must never stop the sandbox
                log.exception("simulated activity failed")


__all__ = [
    "DEFAULT_PORT_BASE",
    "VENDORS",
    "PortInUse",
    "Sandbox",
    "SandboxSettings",
    "available_vendors",
    "create_emulator",
    "odoo_webhook_token",
]
