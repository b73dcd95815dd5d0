"""Cart mutations held to the ERP's stock: a quantity above what the ERP has is answered as Shopify answers it.

The sandbox's Shopify inventory does not hear of the ERP's reservations: each test confirms sale
orders in the ERP for one variant until a few units are left, so Shopify alone would accept more.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import Product, Variant, World, generate
from tests.harness import (
    Gateway,
    gateway_config,
    odoo_call,
    reset_sandbox,
    running_gateway,
    sandbox_stats,
    set_faults,
    storefront_call,
)

API = "/api/2026-04/graphql.json"
LINE = "id quantity merchandise { ... on ProductVariant { id } }"
CREATE = f"""mutation($lines: [CartLineInput!]!) {{
  cartCreate(input: {{lines: $lines}}) {{
    cart {{ id lines(first: 10) {{ nodes {{ {LINE} }} }} }}
    warnings {{ code message target }}
    userErrors {{ code message }}
  }}
}}"""
ADD = f"""mutation Add($cart: ID!) {{
  added: cartLinesAdd(cartId: $cart, lines: [{{merchandiseId: "%s", quantity: %d}}]) {{
    cart {{ lines(first: 10) {{ nodes {{ {LINE} }} }} }}
    ...Warned
  }}
}}
fragment Warned on CartLinesAddPayload {{ problems: warnings {{ __typename kind: code message target }} }}"""
UPDATE = f"""mutation($cart: ID!, $lines: [CartLineUpdateInput!]!) {{
  cartLinesUpdate(cartId: $cart, lines: $lines) {{
    cart {{ lines(first: 10) {{ nodes {{ {LINE} }} }} }}
    warnings {{ code message target }}
  }}
}}"""
VARIANTS = (
    "query($h: String!) { product(handle: $h) { title variants(first: 20) { nodes { id sku title } } } }"
)


@dataclass(frozen=True, slots=True)
class Stocked:
    """A variant of the shop, as Shopify names it."""

    id: str
    name: str
    """"Product - Variant", as Shopify's sold-out message writes it."""
    variant: Variant


@pytest.fixture(scope="module")
def shop() -> World:
    return generate(40, seed=11)


@pytest.fixture(scope="module")
async def own_sandbox(shop: World) -> AsyncIterator[Sandbox]:
    """A sandbox of its own: these tests reserve its ERP stock."""
    async with Sandbox(shop, SandboxSettings(port_base=0)) as sandbox:
        yield sandbox


@pytest.fixture
async def gateway(own_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    await reset_sandbox(own_sandbox)
    async with running_gateway(gateway_config(own_sandbox)) as running:
        yield running
    await reset_sandbox(own_sandbox)


def _plenty(shop: World) -> list[tuple[Product, Variant]]:
    """Variants both systems hold at least 10 of, each of which one test takes for its own."""
    return [
        (product, variant)
        for product, variant in shop.variants()
        if product.published and sum(max(0, lv.available) for lv in shop.stock if lv.sku == variant.sku) >= 10
    ]


_taken: set[str] = set()


async def stocked(sandbox: Sandbox, shop: World, *, erp_keeps: int | None = None) -> Stocked:
    """A variant no other test used, with only `erp_keeps` units left in the ERP (all, if None)."""
    product, variant = next((p, v) for p, v in _plenty(shop) if v.sku not in _taken)
    _taken.add(variant.sku)
    read = (await storefront_call(sandbox, VARIANTS, {"h": product.handle}))["data"]["product"]
    node = next(n for n in read["variants"]["nodes"] if n["sku"] == variant.sku)
    if erp_keeps is not None:
        await _reserve(sandbox, shop, variant, keep=erp_keeps)
    return Stocked(node["id"], f"{read['title']} - {node['title']}", variant)


async def _reserve(sandbox: Sandbox, shop: World, variant: Variant, *, keep: int) -> None:
    """Confirm ERP sale orders (which reserve stock) until `keep` units of the variant are left."""
    left = keep
    for level in (lv for lv in shop.stock if lv.sku == variant.sku):
        free = max(0, level.available)
        held = max(0, free - left)
        left = max(0, left - free)
        if not held:
            continue
        line = {"product_id": variant.odoo_id, "product_uom_qty": held}
        [order] = await odoo_call(
            sandbox,
            "sale.order",
            "create",
            vals_list=[
                {
                    "partner_id": shop.customers[0].odoo_partner_id,
                    "warehouse_id": level.warehouse_id,
                    "order_line": [[0, 0, line]],
                }
            ],
        )
        await odoo_call(sandbox, "sale.order", "action_confirm", ids=[order])


async def post(gateway: Gateway, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    async with gateway.http.post(
        f"{gateway.url}{API}", json={"query": query, "variables": variables or {}}
    ) as response:
        assert response.status == 200, await response.text()
        body: dict[str, Any] = await response.json()
        return body


async def shopify_calls(sandbox: Sandbox) -> int:
    total: int = (await sandbox_stats(sandbox))["shopify"]["total"]
    return total


async def new_cart(gateway: Gateway, merchandise: str, quantity: int) -> tuple[str, str]:
    """A cart holding one line: its id and the line's."""
    body = await post(gateway, CREATE, {"lines": [{"merchandiseId": merchandise, "quantity": quantity}]})
    cart = body["data"]["cartCreate"]["cart"]
    assert [line["quantity"] for line in cart["lines"]["nodes"]] == [quantity]
    return cart["id"], cart["lines"]["nodes"][0]["id"]


async def test_cart_create_above_the_erp_s_stock_keeps_what_the_erp_has(
    gateway: Gateway, own_sandbox: Sandbox, shop: World
) -> None:
    # given: the ERP has 2 left, Shopify 10 or more
    variant = await stocked(own_sandbox, shop, erp_keeps=2)
    await reset_sandbox(own_sandbox)

    # when
    body = await post(gateway, CREATE, {"lines": [{"merchandiseId": variant.id, "quantity": 5}]})

    # then: the line holds the ERP's 2, with Shopify's warning about that line
    payload = body["data"]["cartCreate"]
    [line] = payload["cart"]["lines"]["nodes"]
    assert line["quantity"] == 2
    assert payload["warnings"] == [
        {
            "code": "MERCHANDISE_NOT_ENOUGH_STOCK",
            "message": "Only 2 items were added to your cart due to availability.",
            "target": line["id"],
        }
    ]
    assert payload["userErrors"] == []
    assert "fallbacks" not in body.get("extensions", {})
    assert await shopify_calls(own_sandbox) == 2  # the pre-flight read and the mutation


async def test_cart_lines_add_counts_the_line_already_in_the_cart(
    gateway: Gateway, own_sandbox: Sandbox, shop: World
) -> None:
    # given: a cart with 1 unit, and 2 left in the ERP
    variant = await stocked(own_sandbox, shop, erp_keeps=2)
    cart, line_id = await new_cart(gateway, variant.id, 1)

    # when: 3 more are added (a literal, under an alias, the warnings through a fragment)
    body = await post(gateway, ADD % (variant.id, 3), {"cart": cart})

    # then: one more fits, and the warning takes the client's aliases
    added = body["data"]["added"]
    assert [(n["id"], n["quantity"]) for n in added["cart"]["lines"]["nodes"]] == [(line_id, 2)]
    assert added["problems"] == [
        {
            "__typename": "CartWarning",
            "kind": "MERCHANDISE_NOT_ENOUGH_STOCK",
            "message": "Only 1 item was added to your cart due to availability.",
            "target": line_id,
        }
    ]


async def test_cart_lines_update_keeps_what_the_erp_has(
    gateway: Gateway, own_sandbox: Sandbox, shop: World
) -> None:
    variant = await stocked(own_sandbox, shop, erp_keeps=3)
    cart, line_id = await new_cart(gateway, variant.id, 1)

    body = await post(gateway, UPDATE, {"cart": cart, "lines": [{"id": line_id, "quantity": 6}]})

    payload = body["data"]["cartLinesUpdate"]
    assert [(n["id"], n["quantity"]) for n in payload["cart"]["lines"]["nodes"]] == [(line_id, 3)]
    assert payload["warnings"] == [
        {
            "code": "MERCHANDISE_NOT_ENOUGH_STOCK",
            "message": "Only 3 items were added to your cart due to availability.",
            "target": line_id,
        }
    ]


async def test_sold_out_in_the_erp_is_out_of_stock(
    gateway: Gateway, own_sandbox: Sandbox, shop: World
) -> None:
    # given: two variants the ERP has none of, one already in a cart (put there straight at Shopify)
    sold_out = await stocked(own_sandbox, shop, erp_keeps=0)
    variant = await stocked(own_sandbox, shop, erp_keeps=0)
    made = await storefront_call(
        own_sandbox, CREATE, {"lines": [{"merchandiseId": variant.id, "quantity": 1}]}
    )
    cart = made["data"]["cartCreate"]["cart"]
    line_id = cart["lines"]["nodes"][0]["id"]

    # when: a cart is made of the one, and the line of the other is raised
    created = (await post(gateway, CREATE, {"lines": [{"merchandiseId": sold_out.id, "quantity": 1}]}))[
        "data"
    ]
    updated = (await post(gateway, UPDATE, {"cart": cart["id"], "lines": [{"id": line_id, "quantity": 2}]}))[
        "data"
    ]

    # then: the new cart has no line, and the updated line is taken out, each with Shopify's words
    assert created["cartCreate"]["cart"]["lines"]["nodes"] == []
    assert created["cartCreate"]["warnings"] == [
        {
            "code": "MERCHANDISE_OUT_OF_STOCK",
            "message": f"The product '{sold_out.name}' is already sold out.",
            "target": sold_out.id,
        }
    ]
    assert updated["cartLinesUpdate"]["cart"]["lines"]["nodes"] == []
    assert updated["cartLinesUpdate"]["warnings"] == [
        {
            "code": "MERCHANDISE_OUT_OF_STOCK",
            "message": f"The product '{variant.name}' is already sold out.",
            "target": line_id,
        }
    ]


async def test_within_the_erp_s_stock_nothing_changes(
    gateway: Gateway, own_sandbox: Sandbox, shop: World
) -> None:
    variant = await stocked(own_sandbox, shop, erp_keeps=4)
    await reset_sandbox(own_sandbox)

    body = await post(gateway, CREATE, {"lines": [{"merchandiseId": variant.id, "quantity": 4}]})

    payload = body["data"]["cartCreate"]
    assert [line["quantity"] for line in payload["cart"]["lines"]["nodes"]] == [4]
    assert payload["warnings"] == []
    assert await shopify_calls(own_sandbox) == 2


@pytest.mark.parametrize("fault", [{"down": True}, {"hang": True}], ids=["down", "timing out"])
async def test_with_the_erp_failing_shopify_s_inventory_decides(
    gateway: Gateway, own_sandbox: Sandbox, shop: World, fault: dict[str, bool]
) -> None:
    variant = await stocked(own_sandbox, shop, erp_keeps=2)
    await set_faults(own_sandbox, "odoo", **fault)

    body = await post(gateway, CREATE, {"lines": [{"merchandiseId": variant.id, "quantity": 5}]})

    payload = body["data"]["cartCreate"]
    assert [line["quantity"] for line in payload["cart"]["lines"]["nodes"]] == [5]
    assert payload["warnings"] == []
    assert "errors" not in body
    assert body["extensions"]["fallbacks"] == ["odoo"]


async def test_with_shopify_the_system_of_record_nothing_is_checked(
    own_sandbox: Sandbox, shop: World
) -> None:
    variant = await stocked(own_sandbox, shop, erp_keeps=2)
    await reset_sandbox(own_sandbox)
    config = gateway_config(own_sandbox, catalog={"stock_source": "shopify"})
    async with running_gateway(config) as gateway:
        await reset_sandbox(own_sandbox)
        body = await post(gateway, CREATE, {"lines": [{"merchandiseId": variant.id, "quantity": 5}]})
        calls = await sandbox_stats(own_sandbox)

    assert [line["quantity"] for line in body["data"]["cartCreate"]["cart"]["lines"]["nodes"]] == [5]
    assert body["data"]["cartCreate"]["warnings"] == []
    assert calls["shopify"]["total"] == 1
    assert calls["odoo"]["total"] == 0
