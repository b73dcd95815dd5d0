"""Edits made in the PIM emulator through its REST API, as a merchandiser's tool makes them."""

from __future__ import annotations

from sandbox.runner import Sandbox
from tests.harness import akeneo_patch


async def edit_description(sandbox: Sandbox, model: str, text: str) -> None:
    """Edit a product model's French description; the sandbox posts no webhook (no URL is set)."""
    values = {"description": [{"locale": "fr_FR", "scope": "ecommerce", "data": text}]}
    await akeneo_patch(sandbox, f"/api/rest/v1/product-models/{model}", {"values": values})


__all__ = ["edit_description"]
