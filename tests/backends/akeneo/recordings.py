"""Akeneo REST answers recorded from the sandbox's Akeneo emulator, saved as JSON under `recorded/`.

Each file is `{"status", "body"}`: what the emulator answered to the requests `answers()` makes, in
that order, for the world `generate(SIZE)`, the way the connector makes them (HTTP Basic client
credentials on the token route, the bearer token and the connector's query parameters on the API).
The emulator's address in `_links` is replaced by `ORIGIN`, as a PIM's own host would read. The
connector and mapping tests replay them, unchanged or edited to the edge case at hand. They were
recorded, and are re-recorded after a change to the emulator or the connector's requests, with

    .venv/bin/python -m tests.backends.akeneo.recordings

and `test_client.py` fails when a saved answer is no longer what the emulator answers.
"""

from __future__ import annotations

import asyncio
import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import aiohttp

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate

SIZE = 40
"""Products in the recorded shop (127 variant products, so a batch over Akeneo's cap is possible)."""
RECORDED = Path(__file__).with_name("recorded")
ORIGIN = "https://pim.example.com"
"""Stands for the emulator's address in recorded links."""
API = "/api/rest/v1"
TOKEN_PATH = "/api/oauth/v1/token"
SCOPE = "ecommerce"
LOCALES = ("en_US", "fr_FR", "de_DE")
STRUCTURE_PAGE = 5
"""Attributes per page in the paginated recording, so that `_links.next` is followed twice."""
TOKEN_FIELDS = ("access_token", "refresh_token")
"""Random per issue: compared by presence, not value, when checking the recordings."""


@dataclass(frozen=True, slots=True)
class Recorded:
    status: int
    body: Any


def recorded_skus(world: World) -> list[str]:
    """The SKUs of `products.json`: every variant of the first product, and one the PIM does not know."""
    return [v.sku for v in world.products[0].variants] + ["NO-SUCH-SKU"]


def search(skus: list[str]) -> str:
    return json.dumps({"sku": [{"operator": "IN", "value": skus}]}, separators=(",", ":"))


def load(name: str) -> Recorded:
    """A saved answer; each call returns a fresh copy, so a test may edit it freely."""
    saved = json.loads((RECORDED / f"{name}.json").read_text())
    return Recorded(saved["status"], saved["body"])


def relinked(body: Any, origin: str) -> Any:
    """A recorded answer whose links name `origin`, the PIM's as the connector is configured with it."""
    return json.loads(json.dumps(body).replace(ORIGIN, origin))


def comparable(recorded: Recorded) -> Recorded:
    """The answer with its random tokens blanked, so that two recordings can be compared."""
    body = recorded.body
    if isinstance(body, dict) and all(key in body for key in TOKEN_FIELDS):
        body = {**body, **dict.fromkeys(TOKEN_FIELDS, "<token>")}
    return Recorded(recorded.status, body)


async def answers(sandbox: Sandbox) -> dict[str, Recorded]:
    """Ask the emulator everything there is to record, the way the connector asks it."""
    credentials = sandbox.backends_config()["akeneo"]
    url = credentials["url"]
    basic = base64.b64encode(f"{credentials['client_id']}:{credentials['client_secret']}".encode()).decode()
    password_grant = {
        "grant_type": "password",
        "username": credentials["username"],
        "password": credentials["password"],
    }
    found: dict[str, Recorded] = {}
    async with aiohttp.ClientSession() as http:

        async def call(name: str, method: str, path: str, **options: Any) -> Any:
            async with http.request(method, url + path, **options) as response:
                text = (await response.text()).replace(url, ORIGIN)
                found[name] = Recorded(response.status, json.loads(text))
                return found[name].body

        grant = {"headers": {"Authorization": f"Basic {basic}"}}
        token = await call("token", "POST", TOKEN_PATH, json=password_grant, **grant)
        refresh = {"grant_type": "refresh_token", "refresh_token": token["refresh_token"]}
        await call("token_refreshed", "POST", TOKEN_PATH, json=refresh, **grant)
        # the refresh token was rotated by the refresh: a second use is refused
        await call("token_refresh_refused", "POST", TOKEN_PATH, json=refresh, **grant)
        await call(
            "token_wrong_password", "POST", TOKEN_PATH, json={**password_grant, "password": "x"}, **grant
        )
        wrong_client = base64.b64encode(f"{credentials['client_id']}:not-the-secret".encode()).decode()
        await call(
            "token_wrong_client",
            "POST",
            TOKEN_PATH,
            json=password_grant,
            headers={"Authorization": f"Basic {wrong_client}"},
        )

        bearer = {"Authorization": f"Bearer {token['access_token']}"}
        await call("attributes", "GET", f"{API}/attributes", params={"limit": "100"}, headers=bearer)
        await call("categories", "GET", f"{API}/categories", params={"limit": "100"}, headers=bearer)
        page, path, query = 1, f"{API}/attributes", {"limit": str(STRUCTURE_PAGE)}
        while True:
            body = await call(f"attributes_page_{page}", "GET", path, params=query, headers=bearer)
            href = body["_links"].get("next", {}).get("href")
            if href is None:
                break
            parts = urlsplit(href)
            page, path, query = page + 1, parts.path, dict(parse_qsl(parts.query))
        products = {
            "search": search(recorded_skus(sandbox.world)),
            "scope": SCOPE,
            "locales": ",".join(LOCALES),
            "with_attribute_options": "true",
            "limit": "100",
        }
        await call("products", "GET", f"{API}/products-uuid", params=products, headers=bearer)
        await call(
            "too_many_items",
            "GET",
            f"{API}/products-uuid",
            params={**products, "limit": "101"},
            headers=bearer,
        )
        await call(
            "unauthorized",
            "GET",
            f"{API}/products-uuid",
            params=products,
            headers={"Authorization": "Bearer not-a-token"},
        )
    return found


async def record() -> None:
    async with Sandbox(generate(SIZE), SandboxSettings(port_base=0, vendors=("akeneo",))) as sandbox:
        RECORDED.mkdir(exist_ok=True)
        for name, got in (await answers(sandbox)).items():
            text = json.dumps({"status": got.status, "body": got.body}, indent=1, ensure_ascii=False)
            (RECORDED / f"{name}.json").write_text(text + "\n")


if __name__ == "__main__":
    asyncio.run(record())
