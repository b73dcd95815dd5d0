"""Generated Storefront queries: the gateway answers exactly what the emulator answers, plus its own fields.

Hundreds of seeded documents (`tests/generated_documents.py`) go to the gateway's Storefront path
and, straight, to the Shopify emulator. What Shopify owns must come back identical, `data` in the
client's key order and `errors` by message and path; where a document selects a gateway field,
its value must be what the PIM and the ERP hold for that product (its first variant's SKU) or
variant, as the sandbox's seed world states it.

`COMMERCE_GATEWAY_DIFF_DOCUMENTS` sets the documents per test, `COMMERCE_GATEWAY_DIFF_SEED` the
seed (a failure prints both, and each failing document, so a run can be repeated exactly).
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema

from gateway.graphql.composition import compose
from sandbox.akeneo.structure import ROOT_CATEGORY
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import Product, World
from schema import STRAWBERRY_CONFIG
from schema.extensions import EXTENSIONS
from tests.generated_documents import DocumentGenerator, GeneratedDocument, ValuePool
from tests.harness import Gateway, gateway_config, running_gateway, storefront_call

API = "/api/2026-04/graphql.json"
SDL = Path(__file__).parents[2] / "sandbox" / "shopify" / "storefront.graphql"
DOCUMENTS = int(
    os.environ.get("COMMERCE_GATEWAY_DIFF_DOCUMENTS")
    or os.environ.get("COMMERCE_GATEWAY_FUZZ_EXAMPLES")
    or 120
)
"""Documents per test: 120 by default; the fuzz suite's budget (`make fuzz`) or this module's own variable, when set."""
SEED = int(os.environ.get("COMMERCE_GATEWAY_DIFF_SEED", "20260401"))
LOW_STOCK_THRESHOLD = 5
"""The gateway's default `catalog.low_stock_threshold`, which the fixture's config keeps."""
REQUEST_ID = re.compile(r"Request ID: [0-9a-f-]+")
REPORTED = 5
"""Divergences printed in full when a test fails; the count says how many more there were."""


POOL_QUERY = """
{
  products(first: 40) { nodes { id handle title variants(first: 3) { nodes { id } } } }
  collections(first: 10) { nodes { id handle } }
  pages(first: 10) { nodes { id handle } }
  blogs(first: 5) { nodes { id handle articles(first: 5) { nodes { id handle } } } }
  localization { availableCountries { isoCode } }
}
"""
"""Reads the records documents name, from the emulator itself, so every lookup finds something."""


@dataclass(frozen=True, slots=True)
class Divergence:
    document: GeneratedDocument
    expected: Any
    got: Any
    raw: dict[str, Any]
    """The gateway's whole answer."""

    def __str__(self) -> str:
        return (
            f"document: {self.document.query}\nvariables: {json.dumps(self.document.variables)}\n"
            f"upstream: {self.document.upstream}\n"
            f"expected: {json.dumps(self.expected, ensure_ascii=False)}\n"
            f"got:      {json.dumps(self.got, ensure_ascii=False)}"
        )


@pytest.fixture(scope="module")
def served() -> GraphQLSchema:
    return build_schema(SDL.read_text(), assume_valid=True)


@pytest.fixture(scope="module")
def composed(served: GraphQLSchema) -> GraphQLSchema:
    return compose(served, EXTENSIONS, STRAWBERRY_CONFIG)


@pytest.fixture(scope="module")
async def own_sandbox(world: World) -> AsyncIterator[Sandbox]:
    """A sandbox of this module's own: other modules' writes and faults never reach its answers."""
    async with Sandbox(world, SandboxSettings(port_base=0)) as running:
        yield running


@pytest.fixture(scope="module")
async def forwarding(own_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    # Composition introspects the emulator's whole schema on the first request, and hundreds of
    # documents run back to back: longer deadlines than the harness's two seconds, so a loaded
    # machine shows as a slow run, never as a backend failure in an answer.
    config = gateway_config(
        own_sandbox, backends={vendor: {"timeout_s": 30.0} for vendor in own_sandbox.backends_config()}
    )
    async with running_gateway(config) as running:
        await post(running, "{ shop { name } }", {})
        yield running


@pytest.fixture(scope="module")
async def pool(own_sandbox: Sandbox, world: World) -> ValuePool:
    body = await storefront_call(own_sandbox, POOL_QUERY, {})
    data = body["data"]
    products = data["products"]["nodes"]
    articles = [a for blog in data["blogs"]["nodes"] for a in blog["articles"]["nodes"]]
    words = sorted({w.lower() for p in products for w in p["title"].split() if len(w) > 3})
    return ValuePool(
        handles={
            "Product": tuple(p["handle"] for p in products),
            "Collection": tuple(c["handle"] for c in data["collections"]["nodes"]),
            "Page": tuple(p["handle"] for p in data["pages"]["nodes"]),
            "Blog": tuple(b["handle"] for b in data["blogs"]["nodes"]),
            "Article": tuple(a["handle"] for a in articles),
            "Menu": tuple(world.menus),
        },
        ids={
            "Product": tuple(p["id"] for p in products),
            "ProductVariant": tuple(v["id"] for p in products for v in p["variants"]["nodes"]),
            "Collection": tuple(c["id"] for c in data["collections"]["nodes"]),
            "Page": tuple(p["id"] for p in data["pages"]["nodes"]),
            "Blog": tuple(b["id"] for b in data["blogs"]["nodes"]),
            "Article": tuple(a["id"] for a in articles),
        },
        words=tuple(words),
        countries=tuple(c["isoCode"] for c in data["localization"]["availableCountries"])[:8],
    )


async def post(gateway: Gateway, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    async with gateway.http.post(
        f"{gateway.url}{API}", json={"query": query, "variables": variables}
    ) as response:
        assert response.status == 200, await response.text()
        body: dict[str, Any] = await response.json()
        return body


def errors_of(body: dict[str, Any]) -> list[tuple[str, list[Any] | None]]:
    """Errors as the comparison sees them: the message and the path (locations are the printer's).

    Shopify's internal errors name a request id of their own, different on every call.
    """
    return [
        (REQUEST_ID.sub("Request ID: <id>", str(error.get("message"))), error.get("path"))
        for error in body.get("errors") or ()
    ]


def comparable(body: dict[str, Any]) -> Any:
    # JSON text keeps the key order: the answer must follow the document's order, as Shopify's does.
    return json.dumps({"data": body.get("data"), "errors": errors_of(body)}, ensure_ascii=False)


def expected_content(product: Product, locale: str) -> dict[str, Any]:
    """What the PIM holds for a product, in the gateway's shape, by field name."""
    content = product.content
    return {
        "sku": product.variants[0].sku,
        "locale": locale,
        "name": content.name.get(locale),
        "description": content.description.get(locale),
        "features": [feature.get(locale) for feature in content.features],
        "updatedAt": content.updated_at.isoformat(),
        "media": [
            {"code": m.code, "filename": m.filename, "url": f"/media/akeneo/{m.code}"} for m in content.media
        ],
        "categories": [{"code": code} for code in content.categories if code != ROOT_CATEGORY],
    }


def expected_stock(world: World, sku: str) -> dict[str, Any]:
    """What the ERP holds for a variant, in the gateway's shape, by field name."""
    levels = {level.warehouse_id: level for level in world.stock if level.sku == sku}
    warehouses: list[dict[str, Any]] = [
        {
            "warehouse": {"id": str(w.id), "name": w.name, "code": w.code},
            "onHand": levels[w.id].quantity,
            "reserved": levels[w.id].reserved,
            "available": levels[w.id].available,
        }
        for w in world.warehouses
        if w.id in levels
    ]
    available = sum(w["available"] for w in warehouses)
    return {
        "available": available,
        "reserved": sum(w["reserved"] for w in warehouses),
        "inStock": available > 0,
        "lowStock": 0 < available <= LOW_STOCK_THRESHOLD,
        "warehouses": warehouses,
    }


class Expectation:
    """The gateway's whole expected answer: the emulator's, with each gateway field's value put in."""

    def __init__(self, world: World, document: GeneratedDocument) -> None:
        self.products = {p.handle: p for p in world.products}
        self.world = world
        self.document = document

    def answer(self, upstream: Any, ours: Any) -> Any:
        """`upstream` walked beside the gateway's answer; at a gateway field, the key becomes the value.

        A position is a gateway field's where the document has one under that response key and
        the emulator answered it with a key (a string) while the gateway did not answer a string:
        `Article.content` is Shopify's own and is a string on both sides.
        """
        if isinstance(upstream, list) and isinstance(ours, list) and len(upstream) == len(ours):
            return [self.answer(u, o) for u, o in zip(upstream, ours, strict=True)]
        if not isinstance(upstream, dict) or not isinstance(ours, dict):
            return upstream
        out: dict[str, Any] = {}
        for key, value in upstream.items():
            mine = ours.get(key)
            kind = self.document.kinds.get(key)
            if kind is not None and isinstance(value, str) and not isinstance(mine, str):
                out[key] = self.value(kind, key, value)
            else:
                out[key] = self.answer(value, mine)
        return out

    def value(self, kind: str, key: str, by: str) -> Any:
        projection = self.document.projections[key]
        if kind == "content":
            return projection.apply(expected_content(self.products[by], self.document.locale))
        return projection.apply(expected_stock(self.world, by))


def settle(divergences: list[Divergence], rejected: int) -> None:
    """Fails on any divergence, showing the first few in full."""
    assert not divergences, report(divergences, rejected)


def report(divergences: list[Divergence], rejected: int) -> str:
    shown = "\n\n".join(str(d) for d in divergences[:REPORTED])
    more = len(divergences) - REPORTED
    return (
        f"{len(divergences)} of {DOCUMENTS} generated documents diverge (seed {SEED}, {rejected} drawn "
        f"documents invalid and redrawn){f', {more} more not shown' if more > 0 else ''}:\n\n{shown}"
    )


async def test_shopify_owned_answers_equal_the_emulator_s(
    forwarding: Gateway,
    own_sandbox: Sandbox,
    pool: ValuePool,
    composed: GraphQLSchema,
    served: GraphQLSchema,
) -> None:
    generator = DocumentGenerator(composed, served, pool, extensions=False)
    rng = random.Random(SEED)
    divergences: list[Divergence] = []
    answered = 0
    for _ in range(DOCUMENTS):
        document = generator.document(rng)
        assert document.query == document.upstream  # no gateway field: the same text both ways
        ours = await post(forwarding, document.query, dict(document.variables))
        theirs = await storefront_call(own_sandbox, document.upstream, document.upstream_variables)
        answered += bool(theirs.get("data"))
        if comparable(ours) != comparable(theirs):
            divergences.append(
                Divergence(document, json.loads(comparable(theirs)), json.loads(comparable(ours)), ours)
            )

    assert answered > DOCUMENTS // 2  # the documents reach real records, not only nulls and errors
    settle(divergences, generator.rejected)


async def test_gateway_fields_hold_the_pim_s_and_erp_s_values_and_the_rest_is_shopify_s(
    forwarding: Gateway,
    own_sandbox: Sandbox,
    world: World,
    pool: ValuePool,
    composed: GraphQLSchema,
    served: GraphQLSchema,
) -> None:
    generator = DocumentGenerator(composed, served, pool, extensions=True)
    rng = random.Random(SEED + 1)
    divergences: list[Divergence] = []
    extended = 0
    for _ in range(DOCUMENTS):
        document = generator.document(rng)
        ours = await post(forwarding, document.query, dict(document.variables))
        theirs = await storefront_call(own_sandbox, document.upstream, document.upstream_variables)
        expected = {
            "data": Expectation(world, document).answer(theirs.get("data"), ours.get("data")),
            "errors": theirs.get("errors"),
        }
        extended += document.query != document.upstream
        if comparable(ours) != comparable(expected):
            divergences.append(
                Divergence(document, json.loads(comparable(expected)), json.loads(comparable(ours)), ours)
            )

    assert extended > DOCUMENTS // 2  # most documents select a gateway field somewhere
    settle(divergences, generator.rejected)


BOTH_AVAILABILITIES = """
query($ids: [ID!]!) { nodes(ids: $ids) { ... on ProductVariant { availableForSale } ... on Product { availableForSale } } }
"""
"""Both availability overrides under one abstract selection: their join keys must not clash."""


async def test_product_and_variant_availability_under_one_abstract_selection(
    forwarding: Gateway, own_sandbox: Sandbox, pool: ValuePool
) -> None:
    variables = {"ids": [pool.ids["Product"][0], pool.ids["ProductVariant"][0]]}

    ours = await post(forwarding, BOTH_AVAILABILITIES, variables)
    theirs = await storefront_call(own_sandbox, BOTH_AVAILABILITIES, variables)

    assert theirs["data"]["nodes"][0] is not None
    assert comparable(ours) == comparable(theirs)
