"""The Odoo connector over JSON-2: stock per warehouse by SKU.

One `stock.quant/search_read` answers a whole batch: the domain selects the internal locations of
every SKU at once (`product_id.default_code in [...]`), and each quant names its product as Odoo
displays it, `[SKU] Name`, which is where the SKU is read back from. Warehouses (names and codes)
are read once and kept, since they change about as often as the company moves house. Every answer
is read through its model (`answers.py`); stock whose sums the schema's quantities cannot carry is
refused like any other bad answer, never served out of range.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendBadResponse
from gateway.backends.key_maps import KeyMap, MemoryKeyMap
from gateway.models.stock import VariantStock, Warehouse, WarehouseStock

from .answers import DISPLAY_SKU, QUANTITY_LIMIT, QUANTS, WAREHOUSES, QuantRecord
from .json2 import Json2

SERVICE = "odoo"
QUANT_FIELDS = ["product_id", "warehouse_id", "quantity", "reserved_quantity"]


def _within_limit(stock: VariantStock) -> bool:
    """Whether every figure the schema serves of `stock` fits GraphQL's `Int`."""
    figures = [stock.available, stock.reserved]
    figures += [n for level in stock.warehouses for n in (level.on_hand, level.reserved, level.available)]
    return all(-QUANTITY_LIMIT <= n <= QUANTITY_LIMIT for n in figures)


class OdooStock:
    """Stock from the ERP (implements `roles.StockSource`)."""

    service = SERVICE

    def __init__(
        self, client: BackendClient, *, database: str, api_key: str, skus_by_product: KeyMap | None = None
    ) -> None:
        self.client = client
        self.odoo = Json2(client, database=database, api_key=api_key)
        self._warehouses: dict[int, Warehouse] | None = None
        self._lock = asyncio.Lock()
        self._skus = skus_by_product or MemoryKeyMap()
        """SKU of each product id seen in a quant: what a stock webhook (which names ids) is about."""

    async def warehouses(self) -> dict[int, Warehouse]:
        if self._warehouses is None:
            async with self._lock:
                if self._warehouses is None:
                    self._warehouses = await self._read_warehouses()
        return self._warehouses

    async def _read_warehouses(self, *, probe: bool = False) -> dict[int, Warehouse]:
        rows = await self.odoo.call(
            "stock.warehouse",
            "search_read",
            {"domain": [], "fields": ["name", "code"]},
            WAREHOUSES,
            probe=probe,
        )
        return {row.id: Warehouse(str(row.id), row.name or "", row.code or "") for row in rows}

    async def stock_by_skus(self, skus: Sequence[str]) -> Mapping[str, VariantStock]:
        warehouses = await self.warehouses()
        rows = await self.odoo.call(
            "stock.quant",
            "search_read",
            {
                "domain": [
                    ["product_id.default_code", "in", list(skus)],
                    ["location_id.usage", "=", "internal"],
                ],
                "fields": QUANT_FIELDS,
            },
            QUANTS,
        )
        seen: dict[str, tuple[str]] = {}
        stocks = self._aggregate(skus, rows, warehouses, seen)
        await self._skus.record(seen)
        for stock in stocks.values():
            if not _within_limit(stock):
                raise BackendBadResponse(
                    SERVICE,
                    f"stock.quant/search_read: the stock of {stock.sku} adds up beyond what a quantity"
                    f" can carry (±{QUANTITY_LIMIT:,})",
                )
        return stocks

    async def sku_of(self, product_id: int) -> str | None:
        """The SKU of an ERP product id, if this gateway (any replica, with Redis) has read its stock."""
        skus = await self._skus.skus(str(product_id))
        return min(skus) if skus else None

    def _aggregate(
        self,
        skus: Sequence[str],
        rows: list[QuantRecord],
        warehouses: Mapping[int, Warehouse],
        seen: dict[str, tuple[str]],
    ) -> dict[str, VariantStock]:
        """The stock of each SKU; `seen` gets the SKU of each product id met (for `sku_of`)."""
        # Several quants (lots, packages, sub-locations) may share a SKU and warehouse: sum them.
        totals: dict[str, dict[int, list[float]]] = {sku: {} for sku in skus}
        for row in rows:
            product, warehouse = row.product_id, row.warehouse_id
            if product is None or warehouse is None:
                continue
            match = DISPLAY_SKU.match(product[1])
            if match is None or match.group("sku") not in totals:
                continue
            seen[str(product[0])] = (match.group("sku"),)
            level = totals[match.group("sku")].setdefault(warehouse[0], [0.0, 0.0])
            level[0] += row.quantity
            level[1] += row.reserved_quantity
        return {
            sku: VariantStock(
                sku,
                tuple(
                    WarehouseStock(
                        warehouses.get(wid) or Warehouse(str(wid), "", ""), int(on_hand), int(reserved)
                    )
                    for wid, (on_hand, reserved) in sorted(levels.items())
                ),
            )
            for sku, levels in totals.items()
        }

    async def check(self) -> bool:
        """Readiness: the warehouses answer with this key (and the kept list is refreshed).

        An authenticated read rather than `/web/version`, so a revoked key or a renamed database fails
        the check too; it goes on the client's probe path, outside the breaker live stock reads use.
        """
        self._warehouses = await self._read_warehouses(probe=True)
        return True


__all__ = ["SERVICE", "OdooStock"]
