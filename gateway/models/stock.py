"""Stock per warehouse from the ERP."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    available: int = field(init=False)
    """Units available to sell across warehouses (computed once: availability reads it per field)."""
    reserved: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "available", sum(level.available for level in self.warehouses))
        object.__setattr__(self, "reserved", sum(level.reserved for level in self.warehouses))


__all__ = ["VariantStock", "Warehouse", "WarehouseStock"]
