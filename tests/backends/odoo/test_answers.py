"""Whatever garbage the ERP answers with a success status, the connector raises `BackendBadResponse`
naming odoo, never another exception, and never serves a quantity the schema's `Int` cannot carry.

A garbage server serves the recorded answers, the one under test spoiled. `READ` names, per answer,
the fields the connector reads and what Odoo legitimately sends there besides what the recording
holds (`false` for an empty many2one or char field): every other JSON kind at each of those
nodes, one node at a time, must be refused; so must malformed many2one pairs, quantities out of
range or not finite, sums of quantities beyond GraphQL's 32-bit `Int`, and whole answers
truncated, an error page, or over the size cap.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendBadResponse
from gateway.backends.http.settings import BackendSettings
from gateway.backends.odoo.client import OdooStock
from tests.backends.garbage import (
    GarbageServer,
    Mutation,
    Pattern,
    Spoil,
    garbage_server,
    mutated,
    mutations,
    not_json,
    oversized,
    replaced,
    truncated,
)

from .conftest import LOOPBACK_API_KEY, LOOPBACK_DATABASE, StockFactory
from .recordings import load

ROUTES = {
    "warehouses": "/json/2/stock.warehouse/search_read",
    "quants": "/json/2/stock.quant/search_read",
}
CAP = 64 * 1024
"""The size cap the connector is given here: above every recorded answer."""
INT_MAX = 2**31 - 1
"""GraphQL's `Int`: the largest quantity the schema can serve."""


def good_answers() -> dict[str, Any]:
    return {route: load(name).body for name, route in ROUTES.items()}


def quants() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = load("quants").body
    return rows


SKUS = sorted({row["product_id"][1].split("]")[0].lstrip("[") for row in quants()})
SKU = SKUS[0]

OWN: frozenset[str] = frozenset()
"""Only the kind the recording holds there."""
EMPTY = frozenset({"false"})
READ: dict[str, dict[Pattern, frozenset[str]]] = {
    "warehouses": {("*", "id"): OWN, ("*", "name"): EMPTY, ("*", "code"): EMPTY},
    "quants": {
        ("*", "product_id"): EMPTY,
        ("*", "product_id", 0): OWN,
        ("*", "product_id", 1): OWN,
        ("*", "warehouse_id"): EMPTY,
        ("*", "warehouse_id", 0): OWN,
        ("*", "warehouse_id", 1): OWN,
        ("*", "quantity"): OWN,
        ("*", "reserved_quantity"): OWN,
    },
}
MUTATIONS = [
    mutation
    for name, read in READ.items()
    for mutation in mutations(name, good_answers()[ROUTES[name]], read)
]


@pytest.fixture(scope="module")
async def garbage() -> AsyncIterator[GarbageServer]:
    async with garbage_server() as server:
        yield server


@pytest.fixture
async def make_stock(garbage: GarbageServer) -> AsyncIterator[StockFactory]:
    """`await make_stock()`: a connector in front of the garbage server, capped at CAP, no retries."""
    async with contextlib.AsyncExitStack() as stack:

        async def make() -> OdooStock:
            settings = BackendSettings(name="odoo", url=garbage.url, retries=0, max_response_bytes=CAP)
            client = await stack.enter_async_context(BackendClient(settings))
            return OdooStock(client, database=LOOPBACK_DATABASE, api_key=LOOPBACK_API_KEY)

        yield make


async def erp_stock(garbage: GarbageServer, make_stock: StockFactory, **spoils: Spoil) -> OdooStock:
    """The connector in front of the garbage server, whose answers named in `spoils` are spoiled."""
    garbage.serve(good_answers(), {ROUTES[name]: spoil for name, spoil in spoils.items()})
    return await make_stock()


async def refused(stock: OdooStock) -> BackendBadResponse:
    with pytest.raises(BackendBadResponse) as raised:
        await stock.stock_by_skus(SKUS)
    assert raised.value.service == "odoo"
    assert str(raised.value).startswith("odoo: ")
    return raised.value


async def test_the_good_answers_are_read_in_full(garbage: GarbageServer, make_stock: StockFactory) -> None:
    found = await (await erp_stock(garbage, make_stock)).stock_by_skus(SKUS)

    assert sorted(found) == SKUS
    assert all(len(stock.warehouses) == 3 for stock in found.values())


def test_every_field_read_is_mutated_into_every_other_kind() -> None:
    mutated_fields = {(m.answer, m.path[1]) for m in MUTATIONS if len(m.path) > 1}
    assert mutated_fields == {
        ("warehouses", "id"),
        ("warehouses", "name"),
        ("warehouses", "code"),
        ("quants", "product_id"),
        ("quants", "warehouse_id"),
        ("quants", "quantity"),
        ("quants", "reserved_quantity"),
    }
    assert len(MUTATIONS) > 300


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.id)
async def test_each_mutation_is_a_bad_response(
    garbage: GarbageServer, make_stock: StockFactory, mutation: Mutation
) -> None:
    stock = await erp_stock(garbage, make_stock, **{mutation.answer: mutated(mutation)})

    await refused(stock)


def _first_quant(**fields: Any) -> Spoil:
    def edit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[0] |= fields
        return rows

    return replaced(edit)


def _every_quant(**fields: Any) -> Spoil:
    return replaced(lambda rows: [row | fields for row in rows])


def _one_sku_in_three_warehouses(quantity: float) -> Spoil:
    """Each of the first SKU's quants (one per warehouse) holding `quantity`."""

    def edit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [row | {"quantity": quantity} if SKU in row["product_id"][1] else row for row in rows]

    return replaced(edit)


def _lots_in_one_warehouse(count: int, quantity: float) -> Spoil:
    """`count` lots of `quantity` of the first SKU in the first warehouse."""
    return replaced(
        lambda rows: rows + [rows[0] | {"id": 100 + n, "quantity": quantity} for n in range(count)]
    )


GARBAGE = [
    # the reported ones: a quantity of three billion, 1e30, NaN
    pytest.param("quants", _first_quant(quantity=3_000_000_000), id="quantity-3-billion"),
    pytest.param("quants", _first_quant(quantity=3e9), id="quantity-3e9"),
    pytest.param("quants", _first_quant(quantity=1e30), id="quantity-1e30"),
    pytest.param("quants", _first_quant(quantity=float("nan")), id="quantity-nan"),
    pytest.param("quants", _first_quant(quantity=float("inf")), id="quantity-infinity"),
    pytest.param("quants", _first_quant(quantity=-3e9), id="quantity-minus-3e9"),
    pytest.param("quants", _every_quant(quantity=1e30), id="every-quantity-1e30"),
    pytest.param("quants", _first_quant(reserved_quantity=3e9), id="reserved-3e9"),
    pytest.param("quants", _first_quant(reserved_quantity=float("nan")), id="reserved-nan"),
    pytest.param("quants", _first_quant(reserved_quantity=-1.0), id="reserved-negative"),
    # each quant fits, their sums do not
    pytest.param("quants", _one_sku_in_three_warehouses(1e9), id="sum-across-warehouses"),
    pytest.param("quants", _lots_in_one_warehouse(3, 1e9), id="sum-of-lots-in-a-warehouse"),
    pytest.param("quants", _lots_in_one_warehouse(3, -1e9), id="negative-sum-of-lots"),
    # many2one pairs that are not pairs
    pytest.param("quants", _first_quant(product_id=[1]), id="many2one-without-name"),
    pytest.param("quants", _first_quant(product_id=[]), id="many2one-empty"),
    pytest.param("quants", _first_quant(warehouse_id=[1, "Berlin Central", 2]), id="many2one-of-three"),
    pytest.param("quants", _first_quant(warehouse_id=None), id="many2one-null"),
    pytest.param("quants", replaced(lambda rows: {"records": rows}), id="quants-in-an-object"),
    pytest.param("warehouses", replaced(lambda rows: [*rows, "not a record"]), id="warehouse-not-a-record"),
    pytest.param("warehouses", replaced(lambda rows: [*rows, {"name": "no id"}]), id="warehouse-without-id"),
    *[pytest.param(name, truncated(), id=f"{name}-truncated") for name in ROUTES],
    *[pytest.param(name, not_json(), id=f"{name}-not-json") for name in ROUTES],
    pytest.param("quants", not_json("text/html"), id="quants-html"),
    *[pytest.param(name, oversized(2 * CAP), id=f"{name}-oversized") for name in ROUTES],
]


@pytest.mark.parametrize(("answer", "spoil"), GARBAGE)
async def test_garbage_answers_are_bad_responses(
    garbage: GarbageServer, make_stock: StockFactory, answer: str, spoil: Spoil
) -> None:
    stock = await erp_stock(garbage, make_stock, **{answer: spoil})

    await refused(stock)


async def test_a_sum_out_of_range_names_the_sku_and_the_limit(
    garbage: GarbageServer, make_stock: StockFactory
) -> None:
    stock = await erp_stock(garbage, make_stock, quants=_one_sku_in_three_warehouses(1e9))

    error = await refused(stock)

    assert SKU in str(error)
    assert f"{INT_MAX:,}" in str(error)


async def test_the_largest_quantity_the_schema_carries_is_served(
    garbage: GarbageServer, make_stock: StockFactory
) -> None:
    def edit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        mine = [row for row in rows if SKU in row["product_id"][1]]
        for row in mine:
            row |= {"quantity": 0.0, "reserved_quantity": 0.0}
        mine[0]["quantity"] = float(INT_MAX)
        return rows

    stock = await erp_stock(garbage, make_stock, quants=replaced(edit))

    found = await stock.stock_by_skus(SKUS)

    assert found[SKU].available == INT_MAX
