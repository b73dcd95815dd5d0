"""ErpFulfilment: the ERP's sale order for a Shopify order, its deliveries and what each one carries.

Named `Erp...` so they can never take the name of one of Shopify's own fulfillment types.
"""

from __future__ import annotations

from datetime import datetime

import strawberry

from gateway.models import orders as models


@strawberry.type(name="ErpDeliveryLine", description="One product of a delivery, as the ERP counts it.")
class ErpDeliveryLine:
    sku: str | None = strawberry.field(
        description="The product's SKU; null when the ERP's product carries no internal reference."
    )
    quantity_ordered: int = strawberry.field(description="Units this delivery was planned to carry.")
    quantity_shipped: int = strawberry.field(
        description="Units that left the warehouse; zero until the delivery is done."
    )
    quantity_backordered: int = strawberry.field(
        description="Units a done delivery did not carry, which the ERP sends in a later delivery."
    )


@strawberry.type(
    name="ErpDelivery", description="A shipment the ERP prepared for the order, from one of its warehouses."
)
class ErpDelivery:
    name: str = strawberry.field(description="The ERP's reference of the shipment, such as `BER/OUT/00042`.")
    state: str = strawberry.field(
        description=(
            "Where the shipment stands in the ERP: `draft`, `waiting` or `confirmed` (goods not yet "
            "reserved), `assigned` (ready to pick), `done` (handed to the carrier) or `cancel`."
        )
    )
    carrier: str | None = strawberry.field(description="The shipping method's name; null when none is set.")
    tracking_number: str | None = strawberry.field(
        description="The carrier's tracking number; null until the carrier has given one."
    )
    tracking_url: str | None = strawberry.field(
        description=(
            "Where the customer can follow the parcel on the carrier's site; null when the carrier has "
            "no tracking link (fixed-price shipping methods) or no tracking number is known yet."
        )
    )
    scheduled_at: datetime | None = strawberry.field(
        description="When the warehouse plans to send the shipment."
    )
    shipped_at: datetime | None = strawberry.field(
        description="When the warehouse validated the shipment and the carrier took it; null until then."
    )
    lines: list[ErpDeliveryLine] = strawberry.field(description="The products of the shipment, in order.")


@strawberry.type(
    name="ErpFulfilment",
    description="How the ERP is fulfilling the order: its sale order's state and every shipment made for it.",
)
class ErpFulfilment:
    reference: str = strawberry.field(
        description="The ERP's reference of the sale order it keeps for this order, such as `S00042`."
    )
    state: str = strawberry.field(
        description=(
            "The sale order's state in the ERP: `draft` or `sent` (a quotation), `sale` (confirmed) "
            "or `cancel`."
        )
    )
    deliveries: list[ErpDelivery] = strawberry.field(
        description="The shipments for the order, oldest first; empty until the ERP plans one."
    )

    @classmethod
    def from_model(cls, fulfilment: models.Fulfilment) -> ErpFulfilment:
        return cls(
            reference=fulfilment.reference,
            state=fulfilment.state,
            deliveries=[
                ErpDelivery(
                    name=d.name,
                    state=d.state,
                    carrier=d.carrier,
                    tracking_number=d.tracking_number,
                    tracking_url=d.tracking_url,
                    scheduled_at=d.scheduled_at,
                    shipped_at=d.shipped_at,
                    lines=[
                        ErpDeliveryLine(
                            sku=line.sku,
                            quantity_ordered=line.ordered,
                            quantity_shipped=line.shipped,
                            quantity_backordered=line.backordered,
                        )
                        for line in d.lines
                    ],
                )
                for d in fulfilment.deliveries
            ],
        )


__all__ = ["ErpDelivery", "ErpDeliveryLine", "ErpFulfilment"]
