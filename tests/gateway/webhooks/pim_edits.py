"""Edits made in the PIM emulator through its REST API, as a merchandiser's tool makes them."""

from __future__ import annotations

import base64
from typing import Any

import aiohttp

from sandbox.runner import Sandbox


async def edit_description(sandbox: Sandbox, model: str, text: str) -> None:
    """Edit a product model's French description; the sandbox posts no webhook (no URL is set)."""
    akeneo = sandbox.backends_config()["akeneo"]
    basic = base64.b64encode(f"{akeneo['client_id']}:{akeneo['client_secret']}".encode()).decode()
    grant = {"grant_type": "password", "username": akeneo["username"], "password": akeneo["password"]}
    values: dict[str, Any] = {"description": [{"locale": "fr_FR", "scope": "ecommerce", "data": text}]}
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{akeneo['url']}/api/oauth/v1/token", json=grant, headers={"Authorization": f"Basic {basic}"}
        ) as response:
            token = (await response.json())["access_token"]
        async with http.patch(
            f"{akeneo['url']}/api/rest/v1/product-models/{model}",
            json={"values": values},
            headers={"Authorization": f"Bearer {token}"},
        ) as response:
            assert response.status == 204, await response.text()


__all__ = ["edit_description"]
