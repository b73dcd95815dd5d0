"""Odoo JSON-2 answers recorded from the sandbox's Odoo emulator, saved as JSON under `recorded/`.

Each file is `{"status", "body"}`: what the emulator answered to the call in `RECORDINGS` (a model,
a method and its named parameters, sent the way the connector sends them: bearer API key and
`X-Odoo-Database`), for the world `generate(SIZE)`. The connector tests replay them, unchanged or
edited to the edge case at hand. They were recorded, and are re-recorded after a change to the
emulator or the connector's calls, with

    .venv/bin/python -m tests.backends.odoo.recordings

and `test_client.py` fails when a saved answer is no longer what the emulator answers.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from gateway.backends.odoo.client import QUANT_FIELDS
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate

SIZE = 40
RECORDED = Path(__file__).with_name("recorded")


def recorded_skus(world: World) -> list[str]:
    """The SKUs of `quants.json`: every variant of the first product, and one the ERP does not know."""
    return [v.sku for v in world.products[0].variants] + ["NO-SUCH-SKU"]


def quant_domain(skus: list[str]) -> list[list[Any]]:
    return [["product_id.default_code", "in", skus], ["location_id.usage", "=", "internal"]]


@dataclass(frozen=True, slots=True)
class Recording:
    model: str
    method: str
    params: Callable[[World], dict[str, Any]]
    api_key: str | None = None
    """None sends the emulator's own key."""


RECORDINGS: dict[str, Recording] = {
    "warehouses": Recording(
        "stock.warehouse", "search_read", lambda w: {"domain": [], "fields": ["name", "code"]}
    ),
    "quants": Recording(
        "stock.quant",
        "search_read",
        lambda w: {"domain": quant_domain(recorded_skus(w)), "fields": QUANT_FIELDS},
    ),
    "unauthorized": Recording(
        "stock.warehouse",
        "search_read",
        lambda w: {"domain": [], "fields": ["name", "code"]},
        api_key="0" * 40,
    ),
}


@dataclass(frozen=True, slots=True)
class Recorded:
    status: int
    body: Any


def load(name: str) -> Recorded:
    """A saved answer; each call returns a fresh copy, so a test may edit it freely."""
    saved = json.loads((RECORDED / f"{name}.json").read_text())
    return Recorded(saved["status"], saved["body"])


async def answer(http: aiohttp.ClientSession, sandbox: Sandbox, recording: Recording) -> Recorded:
    """What the emulator answers to `recording` now."""
    config = sandbox.backends_config()["odoo"]
    headers = {
        "Authorization": f"bearer {recording.api_key or config['api_key']}",
        "X-Odoo-Database": config["database"],
    }
    url = f"{config['url']}/json/2/{recording.model}/{recording.method}"
    async with http.post(url, json=recording.params(sandbox.world), headers=headers) as response:
        return Recorded(response.status, await response.json())


async def record() -> None:
    async with (
        Sandbox(generate(SIZE), SandboxSettings(port_base=0, vendors=("odoo",))) as sandbox,
        aiohttp.ClientSession() as http,
    ):
        RECORDED.mkdir(exist_ok=True)
        for name, recording in RECORDINGS.items():
            got = await answer(http, sandbox, recording)
            text = json.dumps({"status": got.status, "body": got.body}, indent=1, ensure_ascii=False)
            (RECORDED / f"{name}.json").write_text(text + "\n")


if __name__ == "__main__":
    asyncio.run(record())
