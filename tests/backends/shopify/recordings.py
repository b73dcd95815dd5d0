"""Storefront API answers recorded from the sandbox's Shopify emulator, saved as JSON under `recorded/`.

Each file is `{"status", "body"}`: what the emulator answered when sent, over HTTP, the document the
connector sends with the variables listed in `RECORDINGS`, for the world `generate(SIZE)`. The
connector and mapping tests replay them, unchanged or edited to the edge case at hand, so they see
Shopify's shapes without a running emulator. They were recorded, and are re-recorded after a change
to the emulator or to the documents, with

    .venv/bin/python -m tests.backends.shopify.recordings

and `test_storefront.py` fails when a saved answer is no longer what the emulator answers.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from gateway.backends.shopify import storefront_documents as documents
from gateway.models.catalog import Detail
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate
from sandbox.shopify.emulator import STOREFRONT_TOKEN

SIZE = 40
"""Products in the recorded shop: enough for an on-sale product and a few collections."""
RECORDED = Path(__file__).with_name("recorded")
API_PATH = "/api/2026-04/graphql.json"
UNKNOWN_PRODUCT = "gid://shopify/Product/1"


def product_gid(number: int) -> str:
    return f"gid://shopify/Product/{number}"


def variant_gid(number: int) -> str:
    return f"gid://shopify/ProductVariant/{number}"


def collection_gid(number: int) -> str:
    return f"gid://shopify/Collection/{number}"


def on_sale(world: World) -> int:
    """Index of the first published product with a compare-at price (so both price shapes are seen)."""
    return next(
        i
        for i, product in enumerate(world.products)
        if product.published and any(v.compare_at_price for v in product.variants)
    )


@dataclass(frozen=True, slots=True)
class Recording:
    """One request to record: its document, and its variables as a function of the world."""

    document: str
    variables: Callable[[World], dict[str, Any]]
    token: str | None = STOREFRONT_TOKEN
    """None records tokenless access; any other value is sent as the storefront token."""
    context: dict[str, str | None] = field(default_factory=lambda: {"country": None, "language": None})


def _ids(world: World) -> dict[str, Any]:
    first, sale = world.products[0], world.products[on_sale(world)]
    # an unknown id answers null; an id of another type answers an empty object
    return {
        "ids": [
            product_gid(first.id),
            product_gid(sale.id),
            UNKNOWN_PRODUCT,
            variant_gid(first.variants[0].id),
        ]
    }


def _variant_ids(world: World) -> dict[str, Any]:
    sale = world.products[on_sale(world)]
    return {"ids": [variant_gid(v.id) for v in sale.variants[:2]] + ["gid://shopify/ProductVariant/1"]}


def _collection_ids(world: World) -> dict[str, Any]:
    return {"ids": [collection_gid(world.collections[0].id), "gid://shopify/Collection/1"]}


def _page(first: int) -> dict[str, Any]:
    return {"first": first, "after": None, "last": None, "before": None, "reverse": False, "sortKey": None}


RECORDINGS: dict[str, Recording] = {
    "products_by_ids_full": Recording(documents.products_by_ids(Detail.FULL), _ids),
    "products_by_ids_card": Recording(documents.products_by_ids(Detail.CARD), _ids),
    "products_by_ids_in_context": Recording(
        documents.products_by_ids(Detail.CARD),
        lambda w: {"ids": [product_gid(w.products[on_sale(w)].id)]},
        context={"country": "US", "language": "FR"},
    ),
    "variants_by_ids": Recording(documents.VARIANTS_BY_IDS, _variant_ids),
    "collections_by_ids": Recording(documents.COLLECTIONS_BY_IDS, _collection_ids),
    "products_by_handles": Recording(
        documents.by_handles("product", 2, Detail.CARD),
        lambda w: {"h0": w.products[0].handle, "h1": "no-such-product"},
    ),
    "collections_by_handles": Recording(
        documents.by_handles("collection", 2),
        lambda w: {"h0": w.collections[0].handle, "h1": "no-such-collection"},
    ),
    "menus": Recording(
        documents.menus(3), lambda w: {"h0": "main-menu", "h1": "footer", "h2": "no-such-menu"}
    ),
    "menus_tokenless": Recording(documents.menus(1), lambda w: {"h0": "main-menu"}, token=None),
    "products_page": Recording(documents.products(Detail.CARD), lambda w: {**_page(2), "query": None}),
    "collections_page": Recording(documents.COLLECTIONS, lambda w: {**_page(2), "query": None}),
    "collection_products": Recording(
        documents.collection_products(Detail.CARD),
        lambda w: {**_collection_ids(w), **_page(2), "filters": None},
    ),
    "collection_with_products": Recording(
        documents.collection_with_products("handle", Detail.CARD),
        lambda w: {**_page(2), "filters": None, "key": w.collections[0].handle},
    ),
    "search": Recording(
        documents.search(Detail.CARD),
        lambda w: {
            **_page(2),
            "query": w.products[0].title.en_US.split()[-1],
            "productFilters": None,
            "types": ["PRODUCT"],
            "unavailableProducts": None,
            "prefix": None,
        },
    ),
    "shop": Recording(documents.SHOP, lambda w: {}),
    "unauthorized": Recording(documents.SHOP, lambda w: {}, token="not-the-storefront-token"),
    "max_input_size_exceeded": Recording(
        documents.products_by_ids(Detail.CARD), lambda w: {"ids": [UNKNOWN_PRODUCT] * 251}
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


async def answer(http: aiohttp.ClientSession, url: str, world: World, recording: Recording) -> Recorded:
    """What the emulator at `url` answers to `recording` now."""
    headers = {} if recording.token is None else {"X-Shopify-Storefront-Access-Token": recording.token}
    payload = {"query": recording.document, "variables": {**recording.variables(world), **recording.context}}
    async with http.post(url + API_PATH, json=payload, headers=headers) as response:
        return Recorded(response.status, await response.json())


async def record() -> None:
    world = generate(SIZE)
    async with (
        Sandbox(world, SandboxSettings(port_base=0, vendors=("shopify",))) as sandbox,
        aiohttp.ClientSession() as http,
    ):
        RECORDED.mkdir(exist_ok=True)
        for name, recording in RECORDINGS.items():
            got = await answer(http, sandbox.urls["shopify"], world, recording)
            text = json.dumps({"status": got.status, "body": got.body}, indent=1, ensure_ascii=False)
            (RECORDED / f"{name}.json").write_text(text + "\n")


if __name__ == "__main__":
    asyncio.run(record())
