"""Stock per warehouse from the ERP."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Warehouse:
    id: str
    name: str
    code: str


@dataclass(frozen=True, slots=True)
class WarehouseStock:
    warehouse: Warehouse
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return max(0, self.on_hand - self.reserved)


@dataclass(frozen=True, slots=True)
class VariantStock:
    sku: str
    warehouses: tuple[WarehouseStock, ...]

    @property
    def available(self) -> int:
        return sum(level.available for level in self.warehouses)

    @property
    def reserved(self) -> int:
        return sum(level.reserved for level in self.warehouses)


__all__ = ["VariantStock", "Warehouse", "WarehouseStock"]
