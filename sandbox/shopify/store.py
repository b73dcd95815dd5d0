"""The one Shopify store both APIs serve: records built from the world, indexed by every key read.

Built once per emulator from the immutable `World`. Lookups by id, handle, SKU, email and order
number are dicts; views derived from the catalog are cached per key: those that read what changes
(sorted orders, facet counts) until the next change (`touch`), those that read only what never
changes once the store is built (the search index over titles, tags and SKUs) for good.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar, cast

from sandbox import seed
from sandbox.seed import Localized, World
from sandbox.vocabulary import KINDS

from .changes import ChangeFeed
from .connections import Ordering
from .content.build import build_content
from .content.records import Content
from .ids import gid
from .records import (
    AddressRecord,
    CollectionRecord,
    CustomerRecord,
    FulfillmentRecord,
    ImageRecord,
    InventoryLevel,
    LocationRecord,
    OptionValueRecord,
    OrderLineRecord,
    OrderRecord,
    ProductOptionRecord,
    ProductRecord,
    VariantRecord,
)

V = TypeVar("V")
MAX_VIEWS = 4096
"""Views kept between two changes (each search and filter combination has its own)."""
OPTION_ID_BASE = 10_600_000_000_000
OPTION_VALUE_ID_BASE = 3_400_000_000_000
ORDER_LINE_ID_BASE = 14_300_000_000_000
ADDRESS_ID_BASE = 9_800_000_000_000
FULFILLMENT_ID_BASE = 5_200_000_000_000
SHOP_ID = 71_500_000_000

_SIZED_KINDS = frozenset(kind.word.code for kind in KINDS if len(kind.sizes) > 1)

COLOR = Localized("Color", "Couleur", "Farbe")
SIZE = Localized("Size", "Taille", "Größe")


class Store:
    """Everything the emulator serves, with the indexes its hot paths need."""

    def __init__(self, world: World) -> None:
        self.shop = world.shop
        self.seed = world.seed
        """The world's seed, for data drawn from it after the build (the shop's gift card codes)."""
        self.shop_gid = gid("Shop", SHOP_ID)
        self.url = f"https://{world.shop.domain}"
        self.locations = {
            w.shopify_location_id: LocationRecord(
                w.shopify_location_id, gid("Location", w.shopify_location_id), w.name, w.code, w.id
            )
            for w in world.warehouses
        }
        self._location_by_warehouse = {loc.warehouse_id: loc for loc in self.locations.values()}
        self.products: dict[int, ProductRecord] = {}
        self.products_by_handle: dict[str, ProductRecord] = {}
        self.variants: dict[int, VariantRecord] = {}
        self.variants_by_sku: dict[str, VariantRecord] = {}
        self.inventory_items: dict[int, VariantRecord] = {}
        self.collections: dict[int, CollectionRecord] = {}
        self.collections_by_handle: dict[str, CollectionRecord] = {}
        self.customers: dict[int, CustomerRecord] = {}
        self.customers_by_email: dict[str, CustomerRecord] = {}
        self.orders: dict[int, OrderRecord] = {}
        self.orders_by_number: dict[int, OrderRecord] = {}
        self.changes = ChangeFeed()
        """Every mutation publishes what it changed here (the webhook dispatcher listens)."""
        self.version = 0
        """Bumped by every change that can alter a view: sales, stock, timestamps."""
        self._views: dict[tuple[Any, ...], object] = {}
        self._views_version = 0
        self._lasting: dict[tuple[Any, ...], object] = {}
        self._build_catalog(world)
        self._build_stock(world)
        self._build_collections(world)
        self._build_customers(world)
        self._build_orders(world)
        self.content: Content = build_content(world, self)
        """Pages, blogs, policies, menus, redirects and brand (built on the catalog they link)."""
        self.next_order_number = max((o.number for o in self.orders.values()), default=1000) + 1
        self.next_order_id = max(self.orders, default=seed.ORDER_ID_BASE) + 1
        self.next_line_id = ORDER_LINE_ID_BASE + sum(len(o.lines) for o in self.orders.values()) + 1

    # Building

    def _build_catalog(self, world: World) -> None:
        for index, p in enumerate(world.products):
            product = ProductRecord(
                id=p.id,
                gid=gid("Product", p.id),
                handle=p.handle,
                title=p.title,
                description=p.description,
                vendor=p.vendor,
                product_type=p.product_type.en,
                tags=list(p.tags),
                created_at=p.created_at,
                updated_at=p.updated_at,
                published_at=p.created_at if p.published else None,
                images=[
                    ImageRecord(i.id, gid("ProductImage", i.id), i.url, i.alt, i.width, i.height)
                    for i in p.images
                ],
            )
            option_id, value_id = OPTION_ID_BASE + index * 4, OPTION_VALUE_ID_BASE + index * 32
            colours = ProductOptionRecord(option_id, gid("ProductOption", option_id), COLOR, product)
            product.options.append(colours)
            by_colour: dict[str, OptionValueRecord] = {}
            for colour in p.colours:
                value = OptionValueRecord(
                    value_id, gid("ProductOptionValue", value_id), Localized.of(colour), colours
                )
                value_id += 1
                colours.values.append(value)
                by_colour[colour.code] = value
            by_size: dict[str, OptionValueRecord] = {}
            # One-size kinds ("OS") have only the colour option, as the world's variant titles do.
            if p.product_type.code in _SIZED_KINDS:
                sizes = ProductOptionRecord(option_id + 1, gid("ProductOption", option_id + 1), SIZE, product)
                product.options.append(sizes)
                for size in p.sizes:
                    value = OptionValueRecord(
                        value_id, gid("ProductOptionValue", value_id), Localized(size, size, size), sizes
                    )
                    value_id += 1
                    sizes.values.append(value)
                    by_size[size] = value
            for position, v in enumerate(p.variants, start=1):
                values = [by_colour[v.colour.code]] + ([by_size[v.size]] if by_size else [])
                variant = VariantRecord(
                    id=v.id,
                    gid=gid("ProductVariant", v.id),
                    product=product,
                    position=position,
                    sku=v.sku,
                    barcode=v.barcode,
                    option_values=values,
                    price=v.price,
                    compare_at_price=v.compare_at_price,
                    image=product.images[v.image_index] if v.image_index < len(product.images) else None,
                    weight_g=v.weight_g,
                    inventory_item_id=v.inventory_item_id,
                    inventory_item_gid=gid("InventoryItem", v.inventory_item_id),
                    created_at=p.created_at,
                    updated_at=p.updated_at,
                )
                product.variants.append(variant)
                self.variants[variant.id] = variant
                self.variants_by_sku[variant.sku.casefold()] = variant
                self.inventory_items[variant.inventory_item_id] = variant
            self.products[product.id] = product
            self.products_by_handle[product.handle] = product

    def _build_stock(self, world: World) -> None:
        for level in world.stock:
            variant = self.variants_by_sku[level.sku.casefold()]
            location = self._location_by_warehouse[level.warehouse_id]
            # The ERP's reserved units are promised to orders not yet shipped: Shopify's "committed".
            quantities = dict.fromkeys(
                (
                    "on_hand",
                    "committed",
                    "reserved",
                    "incoming",
                    "damaged",
                    "quality_control",
                    "safety_stock",
                ),
                0,
            )
            quantities["on_hand"] = level.quantity
            quantities["committed"] = level.reserved
            variant.levels.append(InventoryLevel(variant, location, quantities, variant.updated_at))

    def _build_collections(self, world: World) -> None:
        for c in world.collections:
            image = (
                ImageRecord(c.image.id, gid("CollectionImage", c.id), c.image.url, c.image.alt, 1600, 2000)
                if c.image
                else None
            )
            collection = CollectionRecord(
                c.id, gid("Collection", c.id), c.handle, c.title, c.description, image, c.updated_at
            )
            for product_id in c.product_ids:
                product = self.products[product_id]
                collection.products.append(product)
                product.collections.append(collection)
            self.collections[collection.id] = collection
            self.collections_by_handle[collection.handle] = collection

    def _build_customers(self, world: World) -> None:
        for i, c in enumerate(world.customers):
            address_id = ADDRESS_ID_BASE + i
            customer = CustomerRecord(
                id=c.id,
                gid=gid("Customer", c.id),
                email=c.email,
                first_name=c.first_name,
                last_name=c.last_name,
                phone=c.phone,
                accepts_marketing=c.accepts_marketing,
                locale=c.locale,
                tags=list(c.crm.segments),
                created_at=c.created_at,
                updated_at=c.crm.updated_at,
                address=AddressRecord(
                    address_id,
                    gid("MailingAddress", address_id),
                    c.first_name,
                    c.last_name,
                    f"{10 + i % 90} Market Street",
                    c.city,
                    c.zip,
                    c.country,
                    c.phone,
                ),
            )
            self.customers[customer.id] = customer
            self.customers_by_email[customer.email.casefold()] = customer

    def _build_orders(self, world: World) -> None:
        line_id = ORDER_LINE_ID_BASE
        for o in world.orders:
            customer = self.customers.get(o.customer_id)
            lines = []
            for line in o.lines:
                line_id += 1
                variant = self.variants.get(line.variant_id)
                lines.append(
                    OrderLineRecord(
                        line_id,
                        gid("LineItem", line_id),
                        variant,
                        line.sku,
                        variant.product.title.en_US if variant else line.title,
                        variant.title("en_US") if variant else "",
                        line.quantity,
                        line.unit_price,
                    )
                )
                if variant is not None:
                    variant.product.units_sold += line.quantity
            order = OrderRecord(
                id=o.id,
                gid=gid("Order", o.id),
                number=o.number,
                customer=customer,
                email=o.email,
                lines=lines,
                created_at=o.created_at,
                processed_at=o.created_at,
                updated_at=o.created_at,
                financial_status=o.financial_status,
                fulfillment_status=o.fulfillment_status,
                location=self._location_by_warehouse[o.warehouse_id],
                cancelled_at=o.created_at if o.cancelled else None,
                cancel_reason="CUSTOMER" if o.cancelled else None,
                closed=o.cancelled or o.fulfillment_status == "FULFILLED",
            )
            if o.fulfillment_status == "FULFILLED":
                # The ERP's delivery carries the tracking: the same parcel in both systems.
                fulfillment_id = FULFILLMENT_ID_BASE + o.erp.sale_order_id
                order.fulfillments.append(
                    FulfillmentRecord(
                        fulfillment_id,
                        gid("Fulfillment", fulfillment_id),
                        f"{order.name}.1",
                        o.created_at + timedelta(days=2),
                        o.erp.carrier,
                        o.erp.tracking_ref,
                        order.location,
                    )
                )
            self.orders[order.id] = order
            self.orders_by_number[order.number] = order
            if customer is not None:
                customer.orders.append(order)

    # Sorted views

    def touch(self) -> None:
        """Note a change that may alter views (sales, timestamps, stock): they are built again."""
        self.version += 1

    def view(self, key: tuple[Any, ...], build: Callable[[], V]) -> V:
        """A view derived from the catalog, cached under `key` until the next `touch`."""
        if self._views_version != self.version or len(self._views) >= MAX_VIEWS:
            # Views of an older version are never read again: drop them all at once.
            self._views.clear()
            self._views_version = self.version
        if key in self._views:
            return cast(V, self._views[key])
        view = build()
        self._views[key] = view
        return view

    def lasting(self, key: tuple[Any, ...], build: Callable[[], V]) -> V:
        """A view of what never changes once the store is built (titles, tags, SKUs), built once."""
        if key not in self._lasting:
            self._lasting[key] = build()
        return cast(V, self._lasting[key])

    def ordering(self, key: tuple[Any, ...], build: Callable[[], Ordering[Any]]) -> Ordering[Any]:
        """A sorted view cached under `key` until the next `touch`."""
        return self.view(("ordering", *key), build)

    def now(self) -> datetime:
        return datetime.now(UTC)


__all__ = ["SHOP_ID", "Store"]
