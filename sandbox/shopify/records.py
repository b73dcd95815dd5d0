"""The emulator's own mutable records, copied from the immutable world at start.

Storefront and Admin resolvers read these; Admin mutations change them (stock, orders, customer
tags), so both APIs see one store. Records refer to each other directly (a variant to its product,
a level to its location), which keeps every read a pointer walk instead of a lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sandbox.seed import Localized

QUANTITY_NAMES = (
    "available",
    "on_hand",
    "committed",
    "reserved",
    "incoming",
    "damaged",
    "quality_control",
    "safety_stock",
)
"""Inventory quantity names the Admin API knows (`InventoryLevel.quantities(names:)`)."""

UNAVAILABLE_STATES = ("committed", "reserved", "damaged", "quality_control", "safety_stock")
"""On-hand units in these states are not available: on_hand = available + the sum of these."""


@dataclass(slots=True, eq=False)
class ImageRecord:
    id: int
    gid: str
    url: str
    alt: str
    width: int
    height: int


@dataclass(slots=True, eq=False)
class LocationRecord:
    id: int
    gid: str
    name: str
    code: str
    warehouse_id: int


@dataclass(slots=True, eq=False)
class InventoryLevel:
    """Units of one inventory item at one location, by Shopify quantity name."""

    variant: VariantRecord
    location: LocationRecord
    quantities: dict[str, int]
    """Every name of `QUANTITY_NAMES` except `available`, which is derived."""
    updated_at: datetime

    @property
    def available(self) -> int:
        return self.quantities["on_hand"] - sum(self.quantities[name] for name in UNAVAILABLE_STATES)

    def quantity(self, name: str) -> int:
        return self.available if name == "available" else self.quantities[name]


@dataclass(slots=True, eq=False)
class OptionValueRecord:
    id: int
    gid: str
    name: Localized
    option: ProductOptionRecord


@dataclass(slots=True, eq=False)
class ProductOptionRecord:
    id: int
    gid: str
    name: Localized
    product: ProductRecord
    values: list[OptionValueRecord] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class VariantRecord:
    id: int
    gid: str
    product: ProductRecord
    position: int
    sku: str
    barcode: str
    option_values: list[OptionValueRecord]
    price: Decimal
    compare_at_price: Decimal | None
    image: ImageRecord | None
    weight_g: int
    inventory_item_id: int
    inventory_item_gid: str
    created_at: datetime
    updated_at: datetime
    levels: list[InventoryLevel] = field(default_factory=list)
    """One level per location, in location order."""

    @property
    def quantity_available(self) -> int:
        """Sellable units over every location (Storefront `quantityAvailable`)."""
        return sum(level.available for level in self.levels)

    @property
    def available_for_sale(self) -> bool:
        # Every sandbox variant is tracked with the DENY policy: sellable only while in stock.
        return self.quantity_available > 0

    def title(self, locale: str) -> str:
        return " / ".join(value.name.get(locale) for value in self.option_values)

    @property
    def display_name(self) -> str:
        """ "Product - Variant", as the Admin API's `displayName` and Shopify's messages write it."""
        return f"{self.product.title.en_US} - {self.title('en_US')}"


@dataclass(slots=True, eq=False)
class ProductRecord:
    id: int
    gid: str
    handle: str
    title: Localized
    description: Localized
    vendor: str
    product_type: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    """None for products not published to the online store (the Storefront never shows them)."""
    images: list[ImageRecord] = field(default_factory=list)
    options: list[ProductOptionRecord] = field(default_factory=list)
    variants: list[VariantRecord] = field(default_factory=list)
    collections: list[CollectionRecord] = field(default_factory=list)
    units_sold: int = 0
    """Drives the BEST_SELLING sort."""

    @property
    def published(self) -> bool:
        return self.published_at is not None

    @property
    def available_for_sale(self) -> bool:
        return any(variant.available_for_sale for variant in self.variants)

    @property
    def total_inventory(self) -> int:
        return sum(variant.quantity_available for variant in self.variants)

    @property
    def min_price(self) -> Decimal:
        return min(variant.price for variant in self.variants)

    @property
    def max_price(self) -> Decimal:
        return max(variant.price for variant in self.variants)


@dataclass(slots=True, eq=False)
class CollectionRecord:
    id: int
    gid: str
    handle: str
    title: Localized
    description: Localized
    image: ImageRecord | None
    updated_at: datetime
    products: list[ProductRecord] = field(default_factory=list)
    """In the collection's manual order."""


@dataclass(slots=True, eq=False)
class AddressRecord:
    id: int
    gid: str
    first_name: str
    last_name: str
    address1: str
    city: str
    zip: str
    country_code: str
    phone: str
    address2: str | None = None
    company: str | None = None
    zone_code: str | None = None
    """Region code (`BY`, `ON`), for the countries that have regions; the seed writes none."""

    def same_place(self, other: AddressRecord) -> bool:
        """Whether both name the same person at the same place (Shopify refuses such a twin)."""
        return _place(self) == _place(other)


def _place(a: AddressRecord) -> tuple[object, ...]:
    return (
        a.first_name, a.last_name, a.address1, a.address2, a.city, a.zip, a.country_code,
        a.zone_code, a.company, a.phone,
    )  # fmt: skip


@dataclass(slots=True, eq=False)
class CustomerRecord:
    id: int
    gid: str
    email: str
    first_name: str
    last_name: str
    phone: str
    accepts_marketing: bool
    locale: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    address: AddressRecord
    """The default address, always one of `addresses`."""
    note: str | None = None
    orders: list[OrderRecord] = field(default_factory=list)
    addresses: list[AddressRecord] = field(default_factory=list)
    """The address book, oldest first; the seed gives every customer one, the default."""

    def __post_init__(self) -> None:
        if not self.addresses:
            self.addresses.append(self.address)

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email


@dataclass(slots=True, eq=False)
class OrderLineRecord:
    id: int
    gid: str
    variant: VariantRecord | None
    sku: str
    title: str
    variant_title: str
    quantity: int
    unit_price: Decimal
    order: OrderRecord | None = None
    """Set once the order exists (lines are built first)."""

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity

    @property
    def name(self) -> str:
        return f"{self.title} - {self.variant_title}" if self.variant_title else self.title

    @property
    def current_quantity(self) -> int:
        """What is still ordered: nothing once the order is cancelled."""
        return 0 if self.order is not None and self.order.cancelled_at is not None else self.quantity

    @property
    def unfulfilled_quantity(self) -> int:
        order = self.order
        done = order is not None and (
            order.fulfillment_status == "FULFILLED" or order.cancelled_at is not None
        )
        return 0 if done else self.quantity


@dataclass(slots=True, eq=False)
class FulfillmentRecord:
    id: int
    gid: str
    name: str
    created_at: datetime
    company: str
    number: str | None
    location: LocationRecord


@dataclass(slots=True, eq=False)
class InventoryClaim:
    """Units an order took from a level's available stock into "committed" (released on restock)."""

    level: InventoryLevel
    quantity: int


@dataclass(slots=True, eq=False)
class OrderRecord:
    id: int
    gid: str
    number: int
    customer: CustomerRecord | None
    email: str | None
    lines: list[OrderLineRecord]
    created_at: datetime
    processed_at: datetime
    updated_at: datetime
    financial_status: str
    """`OrderFinancialStatus` (Storefront) / `OrderDisplayFinancialStatus` (Admin): PAID, PENDING, REFUNDED…"""
    fulfillment_status: str
    """`OrderFulfillmentStatus` (Storefront) / `OrderDisplayFulfillmentStatus` (Admin)."""
    location: LocationRecord
    currency: str = "EUR"
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    closed: bool = False
    note: str | None = None
    tags: list[str] = field(default_factory=list)
    source: str = "web"
    test: bool = False
    fulfillments: list[FulfillmentRecord] = field(default_factory=list)
    claims: list[InventoryClaim] = field(default_factory=list)

    def __post_init__(self) -> None:
        for line in self.lines:
            line.order = self

    @property
    def name(self) -> str:
        return f"#{self.number}"

    @property
    def subtotal(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))

    @property
    def total(self) -> Decimal:
        # No taxes, shipping or discounts in the sandbox: the total is the subtotal.
        return self.subtotal

    @property
    def refunded(self) -> Decimal:
        return self.total if self.financial_status == "REFUNDED" else Decimal(0)

    @property
    def current_total(self) -> Decimal:
        """The total after cancellation and refunds (Shopify's `currentTotalPrice`)."""
        return Decimal(0) if self.cancelled_at is not None else self.total - self.refunded

    @property
    def current_subtotal(self) -> Decimal:
        return Decimal(0) if self.cancelled_at is not None else self.subtotal - self.refunded


__all__ = [
    "QUANTITY_NAMES",
    "UNAVAILABLE_STATES",
    "AddressRecord",
    "CollectionRecord",
    "CustomerRecord",
    "FulfillmentRecord",
    "ImageRecord",
    "InventoryClaim",
    "InventoryLevel",
    "LocationRecord",
    "OptionValueRecord",
    "OrderLineRecord",
    "OrderRecord",
    "ProductOptionRecord",
    "ProductRecord",
    "VariantRecord",
]
