"""Without Redis, a gateway killed and started again still knows the deliveries it applied.

The gateway runs as an operator runs it (`commerce-gateway serve` with a config file), is killed with
SIGKILL (no shutdown code runs), and is started again on the same `server.state_dir`: the vendor's
redelivery of an event id it applied is acknowledged as a duplicate and changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml

from sandbox.runner import Sandbox, odoo_webhook_token
from sandbox.seed import World
from tests.harness import running_gateway

from .conftest import LONG_TTL, webhook_config
from .deliveries import VENDORS, Deliveries, akeneo_body, typical_body
from .pim_edits import edit_description
from .raw_http import Reply

COMMAND = str(Path(sys.executable).with_name("commerce-gateway"))
CONTENT = """query($handle: String!) @inContext(language: FR) { product(handle: $handle) { content { description } } }"""
READY_ATTEMPTS = 600
"""Polls of /readyz, 0.1 s apart: starting takes a few seconds, more on a busy machine."""
WITH_IDS = [vendor for vendor in VENDORS if vendor != "odoo"]  # Odoo sends no event id


@dataclass(frozen=True, slots=True)
class Served:
    url: str
    process: asyncio.subprocess.Process

    def kill(self) -> None:
        """SIGKILL to the gateway and its workers: a crash, not a shutdown."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def config_file(hooked_sandbox: Sandbox, tmp_path: Path) -> Path:
    """A config without Redis, keeping its state in a directory of the test's own."""
    token = odoo_webhook_token(hooked_sandbox.settings.options.seed)
    backends = hooked_sandbox.backends_config()
    config = {
        "backends": {**backends, "odoo": {**backends["odoo"], "webhook_token": token}},
        "cache": {**LONG_TTL, "namespace": "test-restart"},
        "server": {"host": "127.0.0.1", "state_dir": str(tmp_path / "state")},
    }
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


@contextlib.asynccontextmanager
async def serving(config_file: Path) -> AsyncIterator[Served]:
    """`commerce-gateway serve` on a free port until it is ready; killed on the way out if still up."""
    port = _free_port()
    log = config_file.with_name(f"gateway-{port}.log")
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            *(COMMAND, "serve", "--config", str(config_file), "--port", str(port), "--workers", "1"),
            stdout=output,
            stderr=output,
            start_new_session=True,  # its own process group: one signal reaches every worker
        )
    served = Served(f"http://127.0.0.1:{port}", process)
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(READY_ATTEMPTS):
                assert process.returncode is None, log.read_text()
                with contextlib.suppress(aiohttp.ClientConnectionError):
                    async with http.get(f"{served.url}/readyz") as response:
                        if response.status == 200:
                            break
                await asyncio.sleep(0.1)
            else:
                pytest.fail(f"the gateway never became ready:\n{log.read_text()}")
        yield served
    finally:
        served.kill()
        await process.wait()


async def description(url: str, handle: str) -> str:
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{url}/graphql", json={"query": CONTENT, "variables": {"handle": handle}}) as response,
    ):
        body: dict[str, Any] = await response.json()
    assert "errors" not in body, body
    text: str = body["data"]["product"]["content"]["description"]
    return text


async def test_after_a_kill_redeliveries_are_duplicates_and_change_nothing(
    hooked_sandbox: Sandbox, config_file: Path, shop: World
) -> None:
    product = next(p for p in shop.products if p.published)
    applied, later, latest = (f"Revu {uuid.uuid4().hex[:8]}." for _ in range(3))
    # One delivery per vendor with event ids; Akeneo's names the product whose content is watched.
    bodies = {vendor: typical_body(vendor) for vendor in WITH_IDS}
    bodies["akeneo"] = akeneo_body(str(uuid.uuid4()), model=product.handle)
    webhook_id = str(uuid.uuid4())

    async def deliver(url: str, vendor: str, body: bytes) -> Reply:
        # Signed afresh per gateway, as a vendor's retry is: HubSpot signs the URL and the time.
        deliveries = Deliveries(hooked_sandbox, url)
        return await deliveries.post(vendor, body, deliveries.sign(vendor, body, webhook_id=webhook_id))

    async with serving(config_file) as first:
        await description(first.url, product.handle)  # cached for ten minutes
        await edit_description(hooked_sandbox, product.handle, applied)
        accepted = {vendor: await deliver(first.url, vendor, body) for vendor, body in bodies.items()}
        after_accepted = await description(first.url, product.handle)
        first.kill()
        await first.process.wait()

    async with serving(config_file) as restarted:
        after_restart = await description(restarted.url, product.handle)  # cached again
        await edit_description(hooked_sandbox, product.handle, later)
        again = {vendor: await deliver(restarted.url, vendor, body) for vendor, body in bodies.items()}
        after_repeat = await description(restarted.url, product.handle)
        # A new event for the same model does drop the cached value: the repeat would have shown.
        await edit_description(hooked_sandbox, product.handle, latest)
        new = await deliver(restarted.url, "akeneo", akeneo_body(str(uuid.uuid4()), model=product.handle))
        after_new = await description(restarted.url, product.handle)

    assert {vendor: (r.status, r.json()) for vendor, r in accepted.items()} == {
        vendor: (200, {"accepted": 1, "duplicates": 0}) for vendor in WITH_IDS
    }
    assert after_accepted == after_restart == applied
    assert {vendor: (r.status, r.json()) for vendor, r in again.items()} == {
        vendor: (200, {"accepted": 0, "duplicates": 1}) for vendor in WITH_IDS
    }
    assert after_repeat == applied
    assert (new.status, new.json()) == (200, {"accepted": 1, "duplicates": 0})
    assert after_new == latest


async def test_memory_chosen_forgets_on_restart(hooked_sandbox: Sandbox) -> None:
    config = webhook_config(hooked_sandbox, {"webhooks": {"dedupe": "memory"}})
    body = typical_body("akeneo")

    async with running_gateway(config) as first:
        accepted = await Deliveries(hooked_sandbox, first.url).post("akeneo", body)
    async with running_gateway(config) as restarted:
        again = await Deliveries(hooked_sandbox, restarted.url).post("akeneo", body)

    assert (accepted.status, accepted.json()) == (200, {"accepted": 1, "duplicates": 0})
    assert (again.status, again.json()) == (200, {"accepted": 1, "duplicates": 0})
    assert list(config.server.state_dir.iterdir()) == []  # nothing was written there
