"""The records one cart is made of: its lines and delivery addresses.

Cart ids look like Shopify's (`gid://shopify/Cart/<token>?key=<key>`); a line or an address is
named after its cart (`…?cart=<token>`), so ids never collide between carts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sandbox.shopify.merchandising.metafields import MetafieldRecord
from sandbox.shopify.merchandising.selling_plans import SellingPlanRecord
from sandbox.shopify.records import CustomerRecord, VariantRecord

if TYPE_CHECKING:
    from .cart_pricing import Pricing

Attributes = list[dict[str, str | None]]


@dataclass(slots=True, eq=False)
class CartLine:
    id: str
    cart: Cart
    variant: VariantRecord
    quantity: int
    attributes: Attributes
    parent: CartLine | None = None
    """The line this one was added under (a warranty under its product), if any."""
    selling_plan: SellingPlanRecord | None = None
    """The subscription the merchandise is bought on, if any."""

    def holds(
        self,
        variant: VariantRecord,
        attributes: Attributes,
        selling_plan: SellingPlanRecord | None,
        parent: CartLine | None,
    ) -> bool:
        """Whether merchandise added with these details joins this line instead of a new one."""
        return (
            self.variant is variant
            and self.attributes == attributes
            and self.selling_plan == selling_plan
            and self.parent is parent
        )


@dataclass(slots=True)
class DeliveryAddress:
    """A delivery address as the buyer typed it (`CartDeliveryAddress`)."""

    country_code: str | None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    company: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None
    province_code: str | None = None
    zip: str | None = None


@dataclass(slots=True, eq=False)
class SelectableAddress:
    """One of the cart's delivery addresses (`CartSelectableAddress`)."""

    id: str
    address: DeliveryAddress
    selected: bool
    one_time_use: bool


@dataclass(slots=True, eq=False)
class Cart:
    token: str
    key: str
    created_at: datetime
    updated_at: datetime
    country: str | None
    """The buyer identity's country; None lets each operation's `@inContext` price the cart."""
    lines: list[CartLine] = field(default_factory=list)
    note: str | None = None
    attributes: Attributes = field(default_factory=list)
    discount_codes: list[str] = field(default_factory=list)
    gift_card_codes: list[str] = field(default_factory=list)
    """Normalized codes of the shop's gift cards, in the order the buyer applied them."""
    email: str | None = None
    phone: str | None = None
    customer: CustomerRecord | None = None
    preferences: dict[str, Any] | None = None
    """`CartPreferences` as the buyer gave them."""
    addresses: list[SelectableAddress] = field(default_factory=list)
    selected_options: dict[str, str] = field(default_factory=dict)
    """Delivery option handle chosen per delivery group type."""
    metafields: dict[tuple[str, str], MetafieldRecord] = field(default_factory=dict)
    """By (namespace, key)."""
    sold_out_lines: set[str] = field(default_factory=set)
    """Lines added while their merchandise was out of stock: each mutation warns about them again."""
    serial: int = 0
    """Numbers the cart's delivery addresses."""
    revision: int = 0
    """Bumped by every change: prices worked out for one revision hold until the next."""
    priced: tuple[tuple[int, str], Pricing] | None = None
    """The prices of the current revision, with the market they are in."""

    @property
    def gid(self) -> str:
        return f"gid://shopify/Cart/{self.token}?key={self.key}"

    @property
    def warning_target(self) -> str:
        return f"gid://shopify/Cart/{self.token}"

    @property
    def total_quantity(self) -> int:
        return sum(line.quantity for line in self.lines)

    def changed(self, now: datetime) -> None:
        self.updated_at = now
        self.revision += 1

    def next_number(self) -> int:
        self.serial += 1
        return self.serial

    @property
    def selected_address(self) -> SelectableAddress | None:
        return next((address for address in self.addresses if address.selected), None)


__all__ = ["Attributes", "Cart", "CartLine", "DeliveryAddress", "SelectableAddress"]
