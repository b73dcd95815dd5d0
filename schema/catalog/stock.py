"""VariantStock: what the ERP holds of a variant, per warehouse."""

from __future__ import annotations

import strawberry

from gateway.models import stock as models


@strawberry.type(name="Warehouse", description="A warehouse of the ERP.")
class Warehouse:
    id: strawberry.ID = strawberry.field(description="The ERP's warehouse id.")
    name: str = strawberry.field(description="The warehouse's name.")
    code: str = strawberry.field(description="The warehouse's short code.")


@strawberry.type(name="WarehouseStock", description="Stock of one variant in one warehouse.")
class WarehouseStock:
    warehouse: Warehouse = strawberry.field(description="The warehouse.")
    on_hand: int = strawberry.field(description="Units physically in the warehouse.")
    reserved: int = strawberry.field(description="Units reserved for confirmed orders.")
    available: int = strawberry.field(description="Units that can still be sold: on hand minus reserved.")


@strawberry.type(name="VariantStock", description="Live stock of a variant from the ERP, across warehouses.")
class VariantStock:
    available: int = strawberry.field(description="Units available to sell across all warehouses.")
    reserved: int = strawberry.field(description="Units reserved across all warehouses.")
    in_stock: bool = strawberry.field(description="Whether at least one unit is available.")
    low_stock: bool = strawberry.field(
        description="Whether the available units are at or under the low-stock threshold."
    )
    model: strawberry.Private[models.VariantStock]

    @strawberry.field(description="Stock per warehouse.")
    def warehouses(self) -> list[WarehouseStock]:
        # Built on demand: a listing asks for availability, rarely for the per-warehouse detail.
        return [
            WarehouseStock(
                warehouse=Warehouse(
                    id=strawberry.ID(level.warehouse.id), name=level.warehouse.name, code=level.warehouse.code
                ),
                on_hand=level.on_hand,
                reserved=level.reserved,
                available=level.available,
            )
            for level in self.model.warehouses
        ]

    @classmethod
    def from_model(cls, stock: models.VariantStock, low_stock_threshold: int) -> VariantStock:
        available = stock.available
        return cls(
            available=available,
            reserved=stock.reserved,
            in_stock=available > 0,
            low_stock=0 < available <= low_stock_threshold,
            model=stock,
        )


__all__ = ["VariantStock", "Warehouse", "WarehouseStock"]
