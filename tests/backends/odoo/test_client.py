"""The Odoo connector: its two JSON-2 calls, how quants become stock per warehouse, and Odoo's errors.

Recorded answers (`recordings.py`), replayed in turn by a loopback server that keeps every request,
show the exact calls and Odoo's value conventions (`false` for empty, `[id, "display name"]` for a
many2one), edited to each edge case; the running emulator shows the stock it holds and the errors it
answers, counted by its own `/__sandbox/stats`.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendRequestError,
    BackendUnavailable,
)
from gateway.backends.odoo.client import QUANT_FIELDS, OdooStock
from gateway.models.stock import VariantStock, Warehouse, WarehouseStock
from sandbox.runner import Sandbox
from tests.backends.http.conftest import Upstream
from tests.harness import sandbox_stats, set_faults

from .conftest import LOOPBACK_API_KEY, LOOPBACK_DATABASE, StockFactory, recorded
from .recordings import RECORDINGS, answer, load, quant_domain, recorded_skus

WAREHOUSES = "/json/2/stock.warehouse/search_read"
QUANTS = "/json/2/stock.quant/search_read"
BERLIN = Warehouse("1", "Berlin Central", "BER")
LYON = Warehouse("2", "Lyon Sud", "LYS")
NEWARK = Warehouse("3", "Newark East", "NWK")
SKU = "TEE-00001-RST-S"
"""The first recorded SKU: quants 0 to 2 of `quants.json`, one per warehouse."""


def quants() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = load("quants").body
    return rows


def replaying(upstream: Upstream, rows: Any, warehouses: Any = None) -> None:
    upstream.script(
        Upstream.json(load("warehouses").body if warehouses is None else warehouses), Upstream.json(rows)
    )


async def calls(sandbox: Sandbox, path: str) -> int:
    requests: dict[str, int] = (await sandbox_stats(sandbox))["odoo"]["requests"]
    return requests.get(f"POST {path}", 0)


# --- the requests -------------------------------------------------------------------------------------


async def test_stock_is_read_with_two_search_reads_and_the_api_key(
    upstream: Upstream, replay: OdooStock, odoo_sandbox: Sandbox
) -> None:
    upstream.script(recorded("warehouses"), recorded("quants"))
    skus = recorded_skus(odoo_sandbox.world)

    await replay.stock_by_skus(skus)

    warehouses, stock = upstream.hits
    for hit in (warehouses, stock):
        assert (hit.method, hit.query) == ("POST", "")
        assert hit.headers["Authorization"] == f"bearer {LOOPBACK_API_KEY}"
        assert hit.headers["X-Odoo-Database"] == LOOPBACK_DATABASE
        assert hit.headers["Content-Type"] == "application/json"
    assert warehouses.path == WAREHOUSES
    assert json.loads(warehouses.body) == {"domain": [], "fields": ["name", "code"]}
    assert stock.path == QUANTS
    assert json.loads(stock.body) == {"domain": quant_domain(skus), "fields": QUANT_FIELDS}


async def test_warehouses_are_read_once_and_again_by_the_readiness_check(
    upstream: Upstream, replay: OdooStock
) -> None:
    upstream.script(recorded("warehouses"), recorded("quants"), recorded("quants"), recorded("warehouses"))

    await replay.stock_by_skus([SKU])
    await replay.stock_by_skus([SKU])
    assert await replay.check() is True

    assert [hit.path for hit in upstream.hits] == [WAREHOUSES, QUANTS, QUANTS, WAREHOUSES]


# --- Odoo's values --------------------------------------------------------------------------------------


async def test_recorded_quants_become_stock_per_warehouse(upstream: Upstream, replay: OdooStock) -> None:
    upstream.script(recorded("warehouses"), recorded("quants"))

    found = await replay.stock_by_skus([SKU, "TEE-00001-RST-M"])

    assert found[SKU] == VariantStock(
        SKU, (WarehouseStock(BERLIN, 0, 0), WarehouseStock(LYON, 50, 2), WarehouseStock(NEWARK, 0, 0))
    )
    assert (found[SKU].available, found[SKU].reserved) == (48, 2)
    assert [level.on_hand for level in found["TEE-00001-RST-M"].warehouses] == [7, 9, 41]


async def test_a_sku_the_erp_does_not_know_has_no_stock(upstream: Upstream, replay: OdooStock) -> None:
    upstream.script(recorded("warehouses"), recorded("quants"))

    found = await replay.stock_by_skus([SKU, "NO-SUCH-SKU"])

    assert found["NO-SUCH-SKU"] == VariantStock("NO-SUCH-SKU", ())
    assert found["NO-SUCH-SKU"].available == 0


async def test_quants_of_one_sku_in_one_warehouse_are_summed_then_rounded_down(
    upstream: Upstream, replay: OdooStock
) -> None:
    rows = quants()
    # two more lots in Lyon, with Odoo's float quantities
    rows += [{**rows[1], "id": 100, "quantity": 2.5, "reserved_quantity": 0.5}]
    rows += [{**rows[1], "id": 101, "quantity": 0.5, "reserved_quantity": 0.75}]
    replaying(upstream, rows)

    lyon = (await replay.stock_by_skus([SKU]))[SKU].warehouses[1]

    assert (lyon.warehouse, lyon.on_hand, lyon.reserved) == (LYON, 53, 3)


async def test_more_reserved_than_on_hand_is_nothing_available(upstream: Upstream, replay: OdooStock) -> None:
    rows = quants()
    rows[1] |= {"quantity": 1.0, "reserved_quantity": 4.0}
    replaying(upstream, rows)

    found = (await replay.stock_by_skus([SKU]))[SKU]

    assert found.warehouses[1].available == 0
    assert (found.available, found.reserved) == (0, 4)


@pytest.mark.parametrize("field", ["product_id", "warehouse_id"])
async def test_a_quant_with_a_false_many2one_is_left_out(
    upstream: Upstream, replay: OdooStock, field: str
) -> None:
    rows = quants()
    rows[1][field] = False  # Odoo's empty many2one
    replaying(upstream, rows)

    found = (await replay.stock_by_skus([SKU]))[SKU]

    assert [level.warehouse for level in found.warehouses] == [BERLIN, NEWARK]


async def test_a_quant_without_a_warehouse_field_is_left_out(upstream: Upstream, replay: OdooStock) -> None:
    rows = quants()
    del rows[1]["warehouse_id"]
    replaying(upstream, rows)

    assert [w.warehouse for w in (await replay.stock_by_skus([SKU]))[SKU].warehouses] == [BERLIN, NEWARK]


@pytest.mark.parametrize(
    "display_name",
    ["Gift Card", "[TEE-00001-RST-M] Nordic Organic Cotton T-Shirt (M)"],
    ids=["no internal reference", "a sku not asked for"],
)
async def test_a_quant_is_matched_to_a_sku_by_its_display_name(
    upstream: Upstream, replay: OdooStock, display_name: str
) -> None:
    rows = quants()
    rows[1]["product_id"] = [rows[1]["product_id"][0], display_name]
    replaying(upstream, rows)

    found = await replay.stock_by_skus([SKU])

    assert list(found) == [SKU]
    assert [level.warehouse for level in found[SKU].warehouses] == [BERLIN, NEWARK]


async def test_a_warehouse_the_list_does_not_name_keeps_its_id(upstream: Upstream, replay: OdooStock) -> None:
    rows = quants()
    rows[1]["warehouse_id"] = [9, "Lisbon Annex"]
    replaying(upstream, rows)

    levels = (await replay.stock_by_skus([SKU]))[SKU].warehouses

    assert [level.warehouse for level in levels] == [BERLIN, NEWARK, Warehouse("9", "", "")]


async def test_warehouse_names_and_codes_may_be_false(upstream: Upstream, replay: OdooStock) -> None:
    warehouses = load("warehouses").body
    warehouses[0] |= {"name": False, "code": False}
    replaying(upstream, quants(), warehouses)

    levels = (await replay.stock_by_skus([SKU]))[SKU].warehouses

    assert levels[0].warehouse == Warehouse("1", "", "")
    assert (await replay.warehouses()).keys() == {1, 2, 3}


async def test_the_product_ids_of_quants_read_are_remembered(upstream: Upstream, replay: OdooStock) -> None:
    upstream.script(recorded("warehouses"), recorded("quants"))
    product_id = quants()[0]["product_id"][0]
    assert await replay.sku_of(product_id) is None

    await replay.stock_by_skus([SKU])

    assert await replay.sku_of(product_id) == SKU
    assert await replay.sku_of(999_999) is None


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            {"records": []},
            r"stock\.quant/search_read answered 200: unexpected stock\.quant rows: Input should be a valid list",
        ),
        (
            [{"product_id": 1, "warehouse_id": [1, "Berlin Central"]}],
            r"product_id: expected \[id, name\] or false",
        ),
        ([{"product_id": [1, "[TEE-00001-RST-S] x"], "warehouse_id": "1"}], "warehouse_id: expected"),
        (
            [{"product_id": [1, "[TEE-00001-RST-S] x"], "warehouse_id": [1, "B"]}],
            "unexpected stock.quant row",
        ),
        (["not a record"], "unexpected stock.quant row"),
    ],
    ids=["not a list", "bare product id", "bare warehouse id", "no quantity", "not a record"],
)
async def test_answers_in_other_shapes_are_bad_responses(
    upstream: Upstream, replay: OdooStock, rows: Any, message: str
) -> None:
    replaying(upstream, rows)

    with pytest.raises(BackendBadResponse, match=message):
        await replay.stock_by_skus([SKU])


async def test_a_warehouse_list_that_is_not_a_list_is_a_bad_response(
    upstream: Upstream, replay: OdooStock
) -> None:
    upstream.script(Upstream.json({"records": []}))

    with pytest.raises(
        BackendBadResponse, match=r"unexpected stock\.warehouse rows: Input should be a valid list"
    ):
        await replay.stock_by_skus([SKU])


async def test_a_refused_key_is_an_auth_error_with_odoos_message(
    upstream: Upstream, replay: OdooStock
) -> None:
    upstream.script(recorded("unauthorized"))

    with pytest.raises(BackendAuthError, match="Invalid apikey") as raised:
        await replay.stock_by_skus([SKU])

    assert (raised.value.status, raised.value.service) == (401, "odoo")


# --- against the emulator --------------------------------------------------------------------------------


async def test_stock_is_what_the_erp_holds(emulator: Sandbox, stock: OdooStock) -> None:
    world = emulator.world
    skus = [v.sku for v in world.products[3].variants]
    names = {w.id: Warehouse(str(w.id), w.name, w.code) for w in world.warehouses}

    found = await stock.stock_by_skus(skus)

    for sku in skus:
        seeded = sorted((s.warehouse_id, s.quantity, s.reserved) for s in world.stock if s.sku == sku)
        assert [(level.warehouse, level.on_hand, level.reserved) for level in found[sku].warehouses] == [
            (names[wid], on_hand, reserved) for wid, on_hand, reserved in seeded
        ]


async def test_any_number_of_skus_is_one_stock_call(emulator: Sandbox, stock: OdooStock) -> None:
    known = [v.sku for _, v in emulator.world.variants()]
    skus = known + [f"NO-SUCH-SKU-{n}" for n in range(300 - len(known))]

    found = await stock.stock_by_skus(skus)

    assert set(found) == set(skus)
    assert sum(level.on_hand for sku in known for level in found[sku].warehouses) == sum(
        s.quantity for s in emulator.world.stock
    )
    assert (await calls(emulator, WAREHOUSES), await calls(emulator, QUANTS)) == (1, 1)


async def test_a_wrong_api_key_is_an_auth_error(emulator: Sandbox, make_stock: StockFactory) -> None:
    stock = await make_stock(emulator.urls["odoo"], api_key="0" * 40)

    with pytest.raises(BackendAuthError, match="Invalid apikey") as raised:
        await stock.stock_by_skus([SKU])

    assert raised.value.status == 401


async def test_an_unknown_database_is_a_refused_request(emulator: Sandbox, make_stock: StockFactory) -> None:
    key = emulator.backends_config()["odoo"]["api_key"]
    stock = await make_stock(emulator.urls["odoo"], database="not-northwind", api_key=key)

    with pytest.raises(BackendRequestError) as raised:
        await stock.stock_by_skus([SKU])

    # Odoo answers werkzeug's HTML 404 page: there is no message worth quoting
    assert (raised.value.status, raised.value.vendor_message) == (404, None)


async def test_an_outage_is_unavailable(emulator: Sandbox, stock: OdooStock) -> None:
    await set_faults(emulator, "odoo", down=True)

    with pytest.raises(BackendUnavailable) as raised:
        await stock.stock_by_skus([SKU])

    assert raised.value.status == 503


async def test_each_readiness_check_reads_the_warehouses(emulator: Sandbox, stock: OdooStock) -> None:
    assert await stock.check() is True
    assert await stock.check() is True

    assert (await sandbox_stats(emulator))["odoo"]["requests"] == {f"POST {WAREHOUSES}": 2}


@pytest.mark.parametrize("name", sorted(RECORDINGS))
async def test_the_recordings_are_what_the_emulator_answers(odoo_sandbox: Sandbox, name: str) -> None:
    async with aiohttp.ClientSession() as http:
        live = await answer(http, odoo_sandbox, RECORDINGS[name])

    assert live == load(name), "re-record: .venv/bin/python -m tests.backends.odoo.recordings"
