"""Placing and cancelling orders in the store (Admin `orderCreate` / `orderCancel`, the demo's sales).

An order may claim stock (Shopify's `inventoryBehaviour`): its units move from available to
committed at the locations holding the most, and a restocking cancellation gives them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from .changes import CustomerUpdated, OrderCancelled, OrderCreated, OrderUpdated
from .ids import gid
from .inventory import claim, release
from .records import AddressRecord, CustomerRecord, OrderLineRecord, OrderRecord, VariantRecord
from .store import ADDRESS_ID_BASE, Store


@dataclass(slots=True)
class NewLine:
    variant: VariantRecord
    quantity: int
    unit_price: Decimal | None = None
    """Defaults to the variant's price."""


@dataclass(slots=True)
class NewOrder:
    lines: list[NewLine]
    customer: CustomerRecord | None = None
    email: str | None = None
    financial_status: str = "PENDING"
    fulfillment_status: str = "UNFULFILLED"
    inventory_behaviour: str = "BYPASS"
    """BYPASS, DECREMENT_OBEYING_POLICY or DECREMENT_IGNORING_POLICY."""
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    processed_at: datetime | None = None
    source: str = "shopify_draft_order"
    test: bool = False


class InventoryClaimFailed(Exception):
    """Not enough stock for a line, with inventory behaviour DECREMENT_OBEYING_POLICY."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


def place_order(store: Store, new: NewOrder) -> OrderRecord:
    """Add an order to the store; raises `InventoryClaimFailed` (changing nothing) if stock is short."""
    now = store.now()
    lines = []
    for new_line in new.lines:
        variant = new_line.variant
        store.next_line_id += 1
        lines.append(
            OrderLineRecord(
                store.next_line_id,
                gid("LineItem", store.next_line_id),
                variant,
                variant.sku,
                variant.product.title.en_US,
                variant.title("en_US"),
                new_line.quantity,
                new_line.unit_price if new_line.unit_price is not None else variant.price,
            )
        )
    if new.inventory_behaviour == "DECREMENT_OBEYING_POLICY":
        for index, new_line in enumerate(new.lines):
            wanted = sum(line.quantity for line in new.lines if line.variant is new_line.variant)
            if sum(max(0, level.available) for level in new_line.variant.levels) < wanted:
                raise InventoryClaimFailed(index)
    order = OrderRecord(
        id=store.next_order_id,
        gid=gid("Order", store.next_order_id),
        number=store.next_order_number,
        customer=new.customer,
        email=new.email or (new.customer.email if new.customer else None),
        lines=lines,
        created_at=now,
        processed_at=new.processed_at or now,
        updated_at=now,
        financial_status=new.financial_status,
        fulfillment_status=new.fulfillment_status,
        location=next(iter(store.locations.values())),
        tags=new.tags,
        note=new.note,
        source=new.source,
        test=new.test,
    )
    store.next_order_id += 1
    store.next_order_number += 1
    if new.inventory_behaviour != "BYPASS":
        for new_line in new.lines:
            claim(store, order, new_line.variant, new_line.quantity)
        if order.claims:
            order.location = max(order.claims, key=lambda c: c.quantity).level.location
    for line in lines:
        if line.variant is not None:
            line.variant.product.units_sold += line.quantity
    store.orders[order.id] = order
    store.orders_by_number[order.number] = order
    if order.customer is not None:
        order.customer.orders.append(order)
        order.customer.updated_at = now
    store.touch()
    store.changes.publish(OrderCreated(order))
    if order.customer is not None:
        store.changes.publish(CustomerUpdated(order.customer))
    return order


def cancel_order(
    store: Store, order: OrderRecord, *, reason: str, refund: bool, restock: bool, note: str | None
) -> None:
    now = store.now()
    order.cancelled_at = now
    order.cancel_reason = reason
    order.closed = True
    order.updated_at = now
    if note:
        order.note = f"{order.note}\n{note}" if order.note else note
    if refund and order.financial_status in ("PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"):
        order.financial_status = "REFUNDED"
    elif order.financial_status in ("PENDING", "AUTHORIZED"):
        order.financial_status = "VOIDED"
    if restock:
        release(store, order)
    store.touch()
    store.changes.publish(OrderCancelled(order))
    store.changes.publish(OrderUpdated(order))


def new_customer(
    store: Store, email: str | None, first_name: str | None, last_name: str | None, phone: str | None
) -> CustomerRecord:
    """A customer created by an order (`customer.toUpsert` with an unknown email)."""
    customer_id = max(store.customers, default=0) + 1
    address_id = ADDRESS_ID_BASE + len(store.customers) + 1_000_000
    now = store.now()
    customer = CustomerRecord(
        id=customer_id,
        gid=gid("Customer", customer_id),
        email=email or "",
        first_name=first_name or "",
        last_name=last_name or "",
        phone=phone or "",
        accepts_marketing=False,
        locale="en",
        tags=[],
        created_at=now,
        updated_at=now,
        address=AddressRecord(
            address_id,
            gid("MailingAddress", address_id),
            first_name or "",
            last_name or "",
            "",
            "",
            "",
            "DE",
            "",
        ),
    )
    store.customers[customer.id] = customer
    if email:
        store.customers_by_email[email.casefold()] = customer
    return customer


__all__ = ["InventoryClaimFailed", "NewLine", "NewOrder", "cancel_order", "new_customer", "place_order"]
