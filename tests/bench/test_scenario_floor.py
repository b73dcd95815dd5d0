"""The Hydrogen product page, the cart add and the account page: the floor answers as the gateway
does, in as few calls as the page needs, and the add is a write: sent to Shopify once, never
answered from a cache."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bench.floor import Floor
from bench.operations import CART_CREATE
from bench.scenarios import answers_target
from bench.targets import AccountTarget, CartTarget, ProductTarget, VariantTarget
from sandbox.runner import Sandbox
from tests.harness import Gateway, reset_sandbox, sandbox_stats, set_faults

from .scenario_requests import scenario, send

BACKENDS = ("shopify", "akeneo", "odoo")
ACCOUNT_BACKENDS = ("shopify", "hubspot", "intercom", "odoo")
CART_IDS = re.compile(r"gid://shopify/Cart(Line)?/[^\"']+")


async def _calls(sandbox: Sandbox, backends: tuple[str, ...] = BACKENDS) -> dict[str, int]:
    stats = await sandbox_stats(sandbox)
    return {vendor: stats[vendor]["total"] for vendor in backends}


def _without_cart_ids(value: Any) -> Any:
    """An answer with its cart's and lines' ids blanked: two carts built alike compare equal."""
    if isinstance(value, dict):
        return {k: _without_cart_ids(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_cart_ids(v) for v in value]
    return CART_IDS.sub("gid://shopify/Cart/-", value) if isinstance(value, str) else value


async def test_the_product_page_of_the_floor_is_the_gateway_s(
    uncached: Gateway, floor: Floor, products: list[ProductTarget]
) -> None:
    measured = scenario("product_page")
    for target in products[:3]:
        answer = await send(uncached, measured, measured.variables(target))
        page = await measured.floor(floor, target)

        assert "errors" not in answer, answer["errors"]
        assert page.errors == []
        assert page.data == answer["data"]
        product = answer["data"]["product"]
        assert answers_target(target, page.handles)
        assert product["content"]["name"]
        assert product["content"]["features"]
        assert all(v["stock"]["warehouses"] for v in product["variants"]["nodes"])
        picked = {
            (o["name"], o["value"]) for o in product["selectedOrFirstAvailableVariant"]["selectedOptions"]
        }
        assert picked == set(target.variants[-1].selected_options)  # not the first variant: the one asked for


async def test_a_product_page_is_one_call_per_backend_for_both(
    uncached: Gateway, floor: Floor, clean_sandbox: Sandbox, products: list[ProductTarget]
) -> None:
    measured = scenario("product_page")
    await send(uncached, measured, measured.variables(products[0]))  # schema, PIM token, warehouses
    counted = []
    for run in (
        lambda: send(uncached, measured, measured.variables(products[1])),
        lambda: measured.floor(floor, products[1]),
    ):
        await reset_sandbox(clean_sandbox)
        await run()
        counted.append(await _calls(clean_sandbox))

    assert counted == [{"shopify": 1, "akeneo": 1, "odoo": 1}] * 2


async def _open_cart(floor: Floor, variant: VariantTarget) -> str:
    lines = [{"merchandiseId": variant.id, "quantity": 1}]
    data = await floor.storefront(CART_CREATE, {"input": {"lines": lines}, "country": "FR"})
    cart_id: str = data["cartCreate"]["cart"]["id"]
    return cart_id


async def test_a_cart_add_of_the_floor_is_the_gateway_s(
    uncached: Gateway, floor: Floor, carts: tuple[CartTarget, ...]
) -> None:
    # given: two carts holding the same line
    measured = scenario("cart_add")
    held, added = carts[0].variant, carts[1]
    ours, theirs = await _open_cart(floor, held), await _open_cart(floor, held)

    # when: the same variant is added to each, through the gateway and by the floor
    answer = await send(uncached, measured, measured.variables(replace(added, cart_id=ours)))
    page = await measured.floor(floor, replace(added, cart_id=theirs))

    # then: the same lines, stock and cost, the carts' own ids aside
    assert "errors" not in answer, answer["errors"]
    assert page.errors == []
    assert _without_cart_ids(page.data) == _without_cart_ids(answer["data"])
    lines = answer["data"]["cartLinesAdd"]["cart"]["lines"]["nodes"]
    assert [line["merchandise"]["sku"] for line in lines] == [added.variant.sku, held.sku]
    assert all(line["merchandise"]["stock"]["available"] > 0 for line in lines)
    assert page.handles == [added.handle, carts[0].handle]


async def test_a_cart_add_is_two_storefront_calls_and_one_erp_call_for_both(
    uncached: Gateway, floor: Floor, clean_sandbox: Sandbox, carts: tuple[CartTarget, ...]
) -> None:
    measured = scenario("cart_add")
    await send(uncached, measured, measured.variables(carts[0]))  # schema, warehouses
    counted = []
    for run in (
        lambda: send(uncached, measured, measured.variables(carts[1])),
        lambda: measured.floor(floor, carts[2]),
    ):
        await reset_sandbox(clean_sandbox)
        await run()
        counted.append(await _calls(clean_sandbox))

    # the cart's lines read to hold the add to the ERP's stock, then the add; one ERP read serves both
    assert counted == [{"shopify": 2, "akeneo": 0, "odoo": 1}] * 2


async def test_a_cart_add_is_sent_to_shopify_once_even_when_it_fails(
    uncached: Gateway, clean_sandbox: Sandbox, carts: tuple[CartTarget, ...]
) -> None:
    # given: Shopify answers every request 503, a failure worth retrying
    add = scenario("cart_add")
    await send(uncached, add, add.variables(carts[0]))
    await reset_sandbox(clean_sandbox)
    await set_faults(clean_sandbox, "shopify", down=True)

    # when
    written = await send(uncached, add, add.variables(carts[1]))
    calls = (await _calls(clean_sandbox))["shopify"]

    # then: the cart's pre-flight read is retried like any read; the add, which Shopify may
    # have applied, is sent once
    assert "errors" in written
    assert calls == (1 + uncached.config.backends.shopify.retries) + 1


async def test_a_cart_add_is_never_answered_from_a_cache(
    cached: Gateway, clean_sandbox: Sandbox, carts: tuple[CartTarget, ...]
) -> None:
    # given: a gateway with its default caches, and the same add sent twice
    measured = scenario("cart_add")
    variables = measured.variables(carts[0])

    first = await send(cached, measured, variables)
    await reset_sandbox(clean_sandbox)
    second = await send(cached, measured, variables)

    quantities = [
        {
            line["merchandise"]["sku"]: line["quantity"]
            for line in a["data"]["cartLinesAdd"]["cart"]["lines"]["nodes"]
        }
        for a in (first, second)
    ]
    assert quantities[1][carts[0].variant.sku] == quantities[0][carts[0].variant.sku] + 1
    assert (await _calls(clean_sandbox))["shopify"] == 2  # the cart's pre-flight read, then the add


async def test_the_account_page_of_the_floor_is_the_gateway_s(
    uncached: Gateway, floor: Floor, accounts: tuple[AccountTarget, ...]
) -> None:
    measured = scenario("account_page")
    shown: list[dict[str, Any]] = []
    for target in accounts:
        answer = await send(uncached, measured, measured.variables(target))
        page = await measured.floor(floor, target)

        assert "errors" not in answer, answer["errors"]
        assert page.errors == []
        assert page.data == answer["data"]
        assert measured.handles(answer["data"]) == page.handles
        assert answers_target(target, page.handles)
        shown.append(answer["data"]["customer"])

    # then: the customers checked show what each system adds, not only nulls and empty lists
    orders = [order for customer in shown for order in customer["orders"]["nodes"]]
    assert all(customer["profile"]["consents"] for customer in shown)
    assert any(customer["conversations"]["nodes"] for customer in shown)
    assert any(order["fulfilment"] and order["fulfilment"]["deliveries"] for order in orders)
    assert any(order["invoices"] for order in orders)


def test_an_account_page_is_the_target_customer_s_with_all_the_orders_it_shows() -> None:
    target = AccountTarget("ada@example.com", "token", orders=12)

    assert answers_target(target, ["ada@example.com", *(f"#{n}" for n in range(10))])
    assert not answers_target(target, ["ada@example.com", "#1"])
    assert not answers_target(target, ["bob@example.com", *(f"#{n}" for n in range(10))])
    assert not answers_target(target, [])


async def test_an_account_page_asks_the_crm_and_the_chat_as_the_floor_does(
    uncached: Gateway, floor: Floor, clean_sandbox: Sandbox, accounts: tuple[AccountTarget, ...]
) -> None:
    measured = scenario("account_page")
    await send(uncached, measured, measured.variables(accounts[0]))  # schema, tokens
    counted = []
    for run in (
        lambda: send(uncached, measured, measured.variables(accounts[1])),
        lambda: measured.floor(floor, accounts[1]),
    ):
        await reset_sandbox(clean_sandbox)
        await run()
        counted.append(await _calls(clean_sandbox, ACCOUNT_BACKENDS))

    gateway, floor_calls = counted
    # Intercom: the contact, then their conversations; Odoo: sale orders, then transfers and invoices.
    assert floor_calls == {"shopify": 1, "hubspot": 1, "intercom": 2, "odoo": 3}
    assert {v: n for v, n in gateway.items() if v != "odoo"} == {"shopify": 1, "hubspot": 1, "intercom": 2}
    assert gateway["odoo"] >= floor_calls["odoo"]
