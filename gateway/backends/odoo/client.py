"""The Odoo connector over JSON-2: stock per warehouse by SKU.

One `stock.quant/search_read` answers a whole batch: the domain selects the internal locations of
every SKU at once (`product_id.default_code in [...]`), and each quant names its product as Odoo
displays it, `[SKU] Name`, which is where the SKU is read back from. Warehouses (names and codes)
are read once and kept, since they change about as often as the company moves house.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping, Sequence
from typing import Any

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendBadResponse
from gateway.models.stock import VariantStock, Warehouse, WarehouseStock

SERVICE = "odoo"
QUANT_FIELDS = ["product_id", "warehouse_id", "quantity", "reserved_quantity"]
_DISPLAY_SKU = re.compile(r"^\[(?P<sku>[^\]]+)\]")


def _many2one(value: Any, what: str) -> tuple[int, str] | None:
    """Odoo reads a many2one as `[id, "display name"]`, and an empty one as `false`."""
    if value is False or value is None:
        return None
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
        return value[0], str(value[1])
    raise ValueError(f"{what}: expected [id, name] or false")


class OdooStock:
    """Stock from the ERP (implements `roles.StockSource`)."""

    service = SERVICE

    def __init__(self, client: BackendClient, *, database: str, api_key: str) -> None:
        self.client = client
        self._headers = {"Authorization": f"bearer {api_key}", "X-Odoo-Database": database}
        self._warehouses: dict[int, Warehouse] | None = None
        self._lock = asyncio.Lock()
        self._skus: dict[int, str] = {}
        """SKU of each product id seen in a quant: what a stock webhook (which names ids) is about."""

    async def call(self, model: str, method: str, params: Mapping[str, Any], *, read: bool = True) -> Any:
        """One JSON-2 call; a read may be retried, a write never."""
        response = await self.client.request(
            "POST", f"/json/2/{model}/{method}", json=dict(params), headers=self._headers, idempotent=read
        )
        return response.json()

    async def warehouses(self) -> dict[int, Warehouse]:
        if self._warehouses is None:
            async with self._lock:
                if self._warehouses is None:
                    self._warehouses = await self._read_warehouses()
        return self._warehouses

    async def _read_warehouses(self) -> dict[int, Warehouse]:
        rows = await self.call("stock.warehouse", "search_read", {"domain": [], "fields": ["name", "code"]})
        if not isinstance(rows, list):
            raise BackendBadResponse(SERVICE, "stock.warehouse/search_read did not answer a list")
        return {
            row["id"]: Warehouse(str(row["id"]), str(row.get("name") or ""), str(row.get("code") or ""))
            for row in rows
            if isinstance(row, dict) and isinstance(row.get("id"), int)
        }

    async def stock_by_skus(self, skus: Sequence[str]) -> Mapping[str, VariantStock]:
        warehouses = await self.warehouses()
        rows = await self.call(
            "stock.quant",
            "search_read",
            {
                "domain": [
                    ["product_id.default_code", "in", list(skus)],
                    ["location_id.usage", "=", "internal"],
                ],
                "fields": QUANT_FIELDS,
            },
        )
        if not isinstance(rows, list):
            raise BackendBadResponse(SERVICE, "stock.quant/search_read did not answer a list")
        try:
            return self._aggregate(skus, rows, warehouses)
        except (ValueError, TypeError, KeyError) as exc:
            raise BackendBadResponse(SERVICE, f"unexpected stock.quant row: {exc}") from None

    def sku_of(self, product_id: int) -> str | None:
        """The SKU of an ERP product id, if this gateway has read its stock."""
        return self._skus.get(product_id)

    def _aggregate(
        self, skus: Sequence[str], rows: list[Any], warehouses: Mapping[int, Warehouse]
    ) -> dict[str, VariantStock]:
        # Several quants (lots, packages, sub-locations) may share a SKU and warehouse: sum them.
        totals: dict[str, dict[int, list[float]]] = {sku: {} for sku in skus}
        for row in rows:
            product = _many2one(row["product_id"], "product_id")
            warehouse = _many2one(row.get("warehouse_id", False), "warehouse_id")
            if product is None or warehouse is None:
                continue
            match = _DISPLAY_SKU.match(product[1])
            if match is None or match.group("sku") not in totals:
                continue
            self._skus[product[0]] = match.group("sku")
            level = totals[match.group("sku")].setdefault(warehouse[0], [0.0, 0.0])
            level[0] += float(row["quantity"])
            level[1] += float(row["reserved_quantity"])
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
        """Readiness: the warehouses answer with this key (and the kept list is refreshed)."""
        self._warehouses = await self._read_warehouses()
        return True


__all__ = ["SERVICE", "OdooStock"]
