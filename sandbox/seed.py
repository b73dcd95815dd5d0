"""The one deterministic world every sandbox emulator serves its own view of.

`generate(size, seed)` builds a shop whose keys agree across the five systems: a variant's SKU is
Odoo's `default_code` and Akeneo's `sku`; a customer's email is the same in Shopify, HubSpot and
Intercom; every Shopify order has its Odoo sale order, invoice and delivery. Emulators copy what
they need into their own mutable stores, so the world itself stays immutable and shareable.

The generator is a single pass with a seeded `random.Random`: 10,000 products take about a second.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from . import vocabulary as v

EPOCH = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
"""Every generated timestamp lies after this instant, so data is the same on every run."""

DEMO_SIZE = 200
"""Products in the demo shop."""

CUSTOMER_PASSWORD = "sandbox-password"  # noqa: S105 (a published demo credential)
"""Password of every sandbox customer, for `customerAccessTokenCreate`."""

SHOP_CURRENCY = "EUR"

# Ids look like the vendors' own: Shopify's are large integers, HubSpot's numeric strings,
# Intercom's contact ids 24 hex digits. Offsets keep the id spaces of each kind apart.
PRODUCT_ID_BASE = 8_100_000_000_000
VARIANT_ID_BASE = 45_100_000_000_000
INVENTORY_ITEM_ID_BASE = 47_200_000_000_000
IMAGE_ID_BASE = 39_300_000_000_000
COLLECTION_ID_BASE = 460_000_000_000
CUSTOMER_ID_BASE = 7_400_000_000_000
ORDER_ID_BASE = 6_500_000_000_000
LOCATION_ID_BASE = 78_000_000_000
HUBSPOT_ID_BASE = 51_000
ADMIN_ID_BASE = 991_267_600
PREFERRED_STORES = {"DE": "BER", "FR": "LYS", "US": "NWK", "GB": "BER"}
"""The warehouse nearest each country's customers (`vocabulary.WAREHOUSES` codes)."""


@dataclass(frozen=True, slots=True)
class Localized:
    """A text in each PIM locale (`en_US`, `fr_FR`, `de_DE`)."""

    en_US: str
    fr_FR: str
    de_DE: str

    def get(self, locale: str) -> str:
        value: str = getattr(self, locale)
        return value

    @classmethod
    def of(cls, word: v.Word) -> Localized:
        return cls(word.en, word.fr, word.de)


@dataclass(frozen=True, slots=True)
class Image:
    id: int
    url: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Variant:
    id: int
    inventory_item_id: int
    sku: str
    barcode: str
    title: str
    colour: v.Word
    size: str
    price: Decimal
    compare_at_price: Decimal | None
    image_index: int
    weight_g: int
    odoo_id: int
    """`product.product` id in the ERP."""
    akeneo_uuid: str
    """The variant's product uuid in the PIM."""


@dataclass(frozen=True, slots=True)
class Media:
    code: str
    filename: str
    alt: Localized


@dataclass(frozen=True, slots=True)
class Content:
    """What the PIM holds about a product, inherited by each of its variants."""

    name: Localized
    description: Localized
    features: tuple[Localized, ...]
    material: v.Word
    care: Localized
    dimensions: str
    family: str
    categories: tuple[str, ...]
    media: tuple[Media, ...]
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Product:
    id: int
    handle: str
    title: Localized
    description: Localized
    vendor: str
    product_type: v.Word
    tags: tuple[str, ...]
    colours: tuple[v.Word, ...]
    sizes: tuple[str, ...]
    variants: tuple[Variant, ...]
    images: tuple[Image, ...]
    content: Content
    created_at: datetime
    updated_at: datetime
    published: bool
    odoo_template_id: int


@dataclass(frozen=True, slots=True)
class Collection:
    id: int
    handle: str
    title: Localized
    description: Localized
    product_ids: tuple[int, ...]
    image: Image | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Warehouse:
    id: int
    """`stock.warehouse` id in the ERP."""
    code: str
    name: str
    location_id: int
    """The warehouse's main internal `stock.location` (`lot_stock_id`)."""
    shopify_location_id: int


@dataclass(frozen=True, slots=True)
class StockLevel:
    sku: str
    warehouse_id: int
    quantity: int
    reserved: int

    @property
    def available(self) -> int:
        return self.quantity - self.reserved


@dataclass(frozen=True, slots=True)
class CrmProfile:
    hubspot_id: str
    lifecycle_stage: str
    segments: tuple[str, ...]
    loyalty_tier: str
    loyalty_points: int
    email_consent: bool
    sms_consent: bool
    analytics_consent: bool
    preferred_store: str
    """The code of the warehouse the customer collects from and returns to (`WAREHOUSES`)."""
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    email: str
    first_name: str
    last_name: str
    phone: str
    country: str
    """ISO 3166 code of the default address."""
    city: str
    zip: str
    locale: str
    accepts_marketing: bool
    created_at: datetime
    crm: CrmProfile
    intercom_id: str
    odoo_partner_id: int

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True, slots=True)
class OrderLine:
    sku: str
    variant_id: int
    title: str
    quantity: int
    unit_price: Decimal


@dataclass(frozen=True, slots=True)
class Order:
    id: int
    number: int
    """Shopify `orderNumber`; its `name` is `#<number>`."""
    customer_id: int
    email: str
    lines: tuple[OrderLine, ...]
    created_at: datetime
    financial_status: str
    """Shopify `OrderFinancialStatus`: PAID, PENDING, REFUNDED."""
    fulfillment_status: str
    """Shopify `OrderFulfillmentStatus`: FULFILLED, UNFULFILLED, IN_PROGRESS."""
    cancelled: bool
    warehouse_id: int
    """Warehouse the order ships from."""
    erp: ErpOrder

    @property
    def name(self) -> str:
        return f"#{self.number}"

    @property
    def subtotal(self) -> Decimal:
        return sum((line.unit_price * line.quantity for line in self.lines), Decimal("0"))


@dataclass(frozen=True, slots=True)
class ErpOrder:
    """The sale order, invoice and delivery the ERP holds for a Shopify order."""

    sale_order_id: int
    sale_order_name: str
    state: str
    """`sale.order` state: sale or cancel."""
    invoice_id: int | None
    invoice_name: str | None
    payment_state: str
    delivery_id: int | None
    delivery_name: str | None
    delivery_state: str
    carrier: str
    tracking_ref: str | None


@dataclass(frozen=True, slots=True)
class Message:
    author: str
    """`user` (the customer) or `admin`."""
    admin_id: str | None
    body: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    customer_id: int
    subject: str
    state: str
    """open, closed or snoozed."""
    admin_id: str
    messages: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class Admin:
    id: str
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class MenuItem:
    title: str
    url: str
    resource_handle: str | None


@dataclass(frozen=True, slots=True)
class Shop:
    name: str
    description: str
    domain: str
    currency: str


@dataclass(frozen=True, slots=True)
class World:
    """Everything the five emulators serve, keyed so that cross-system joins always match."""

    size: int
    seed: int
    shop: Shop
    products: tuple[Product, ...]
    collections: tuple[Collection, ...]
    warehouses: tuple[Warehouse, ...]
    stock: tuple[StockLevel, ...]
    customers: tuple[Customer, ...]
    orders: tuple[Order, ...]
    admins: tuple[Admin, ...]
    conversations: tuple[Conversation, ...]
    menus: dict[str, tuple[MenuItem, ...]]

    def variants(self) -> list[tuple[Product, Variant]]:
        return [(product, variant) for product in self.products for variant in product.variants]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:]}"


class _Generator:
    def __init__(self, size: int, seed: int) -> None:
        self.size = size
        self.seed = seed
        self.rng = random.Random(seed)
        self.warehouses = tuple(
            Warehouse(
                id=i + 1,
                code=code,
                name=name,
                location_id=10 + i * 10,
                shopify_location_id=LOCATION_ID_BASE + i,
            )
            for i, (code, name) in enumerate(v.WAREHOUSES)
        )

    def when(self, after: datetime, days: int) -> datetime:
        return after + timedelta(seconds=self.rng.randrange(max(days, 1) * 86_400))

    def products(self) -> tuple[Product, ...]:
        products: list[Product] = []
        handles: set[str] = set()
        variant_seq = 0
        for index in range(self.size):
            rng = self.rng
            kind = v.KINDS[index % len(v.KINDS)] if index < len(v.KINDS) else rng.choice(v.KINDS)
            adjective = rng.choice(v.ADJECTIVES)
            material = rng.choice(v.MATERIALS)
            title = Localized(
                f"{adjective.en} {material.en} {kind.word.en}",
                f"{kind.word.fr} {adjective.fr} en {material.fr.lower()}",
                f"{adjective.de} {kind.word.de} aus {material.de}",
            )
            handle = base = slugify(title.en_US)
            suffix = 1
            while handle in handles:
                suffix += 1
                handle = f"{base}-{suffix}"
            handles.add(handle)
            colours = tuple(rng.sample(v.COLOURS, rng.choice((1, 1, 2, 2, 3))))
            sizes: tuple[str, ...] = kind.sizes
            if len(kind.sizes) > 1:
                start = rng.randrange(len(kind.sizes) - 1)
                sizes = kind.sizes[start : start + rng.choice((1, 2, 2, 3))]
            base_price = rng.randint(kind.price_min, kind.price_max) - 0.01
            on_sale = rng.random() < 0.2
            product_id = PRODUCT_ID_BASE + index
            images = tuple(
                Image(
                    id=IMAGE_ID_BASE + index * 4 + n,
                    url=f"https://cdn.shopify.com/s/files/1/0700/sandbox/products/{handle}-{colour.code.lower()}.jpg",
                    alt=f"{title.en_US} in {colour.en}",
                    width=1600,
                    height=2000,
                )
                for n, colour in enumerate(colours)
            )
            variants: list[Variant] = []
            for ci, colour in enumerate(colours):
                for size in sizes:
                    variant_seq += 1
                    sku = f"{kind.word.code}-{index + 1:05d}-{colour.code}-{size.replace('/', '')}"
                    price = _money(base_price + (5 if size in ("XL", "44", "36") else 0))
                    variants.append(
                        Variant(
                            id=VARIANT_ID_BASE + variant_seq,
                            inventory_item_id=INVENTORY_ITEM_ID_BASE + variant_seq,
                            sku=sku,
                            barcode=f"400{variant_seq:010d}",
                            title=f"{colour.en} / {size}" if len(kind.sizes) > 1 else colour.en,
                            colour=colour,
                            size=size,
                            price=price,
                            compare_at_price=_money(float(price) * 1.25) if on_sale else None,
                            image_index=ci,
                            weight_g=kind.weight_g,
                            odoo_id=variant_seq,
                            akeneo_uuid=_uuid(rng),
                        )
                    )
            created = self.when(EPOCH - timedelta(days=400), 380)
            updated = self.when(created, 30)
            features = tuple(Localized.of(w) for w in rng.sample(v.FEATURES, rng.randint(3, 5)))
            care = Localized.of(v.CARE[material.code])
            content = Content(
                name=title,
                description=Localized(
                    f"The {title.en_US.lower()} is cut from {material.en.lower()} for everyday comfort. "
                    f"{features[0].en_US}",
                    f"Ce {kind.word.fr.lower()} en {material.fr.lower()} est pensé pour le confort au quotidien. "
                    f"{features[0].fr_FR}",
                    f"Der {kind.word.de} aus {material.de} ist für den Alltag gemacht. {features[0].de_DE}",
                ),
                features=features,
                material=material,
                care=care,
                dimensions=f"{rng.randint(20, 80)} x {rng.randint(15, 60)} x {rng.randint(2, 30)} cm",
                family=kind.word.code.lower(),
                categories=("master", kind.category, f"{kind.category}_{kind.word.code.lower()}"),
                media=tuple(
                    Media(
                        code=f"{h[0]}/{h[1]}/{h[2]}/{h[3]}/{h}_{handle}-{n + 1}.jpg",
                        filename=f"{handle}-{n + 1}.jpg",
                        alt=Localized(title.en_US, title.fr_FR, title.de_DE),
                    )
                    for n in range(rng.randint(1, 3))
                    for h in [f"{rng.getrandbits(160):040x}"]
                ),
                updated_at=self.when(updated, 20),
            )
            tags = tuple(
                sorted({kind.category, material.code, adjective.code} | ({"sale"} if on_sale else set()))
            )
            products.append(
                Product(
                    id=product_id,
                    handle=handle,
                    title=title,
                    description=content.description,
                    vendor=rng.choice(v.BRANDS),
                    product_type=kind.word,
                    tags=tags,
                    colours=colours,
                    sizes=sizes,
                    variants=tuple(variants),
                    images=images,
                    content=content,
                    created_at=created,
                    updated_at=updated,
                    published=rng.random() > 0.02,
                    odoo_template_id=index + 1,
                )
            )
        return tuple(products)

    def collections(self, products: tuple[Product, ...]) -> tuple[Collection, ...]:
        by_kind: dict[str, list[int]] = {}
        for product in products:
            by_kind.setdefault(product.product_type.code, []).append(product.id)
        images = {product.id: product.images[0] for product in products}
        collections: list[Collection] = []

        def add(handle: str, title: Localized, description: Localized, ids: list[int]) -> None:
            cid = COLLECTION_ID_BASE + len(collections)
            collections.append(
                Collection(
                    cid,
                    handle,
                    title,
                    description,
                    tuple(ids),
                    images[ids[0]] if ids else None,
                    self.when(EPOCH, 60),
                )
            )

        for kind in v.KINDS:
            ids = by_kind.get(kind.word.code, [])
            plural = Localized(kind.word.en, kind.word.fr, kind.word.de)
            add(
                slugify(kind.word.en),
                plural,
                Localized(
                    f"All {kind.word.en.lower()} in the shop.",
                    f"Tous nos articles {kind.word.fr.lower()}.",
                    f"Alle Artikel: {kind.word.de}.",
                ),
                ids,
            )
        newest = sorted(products, key=lambda p: p.created_at, reverse=True)
        add(
            "new-arrivals",
            Localized("New Arrivals", "Nouveautés", "Neuheiten"),
            Localized("Just landed.", "Tout juste arrivés.", "Gerade eingetroffen."),
            [p.id for p in newest[:48]],
        )
        add(
            "sale",
            Localized("Sale", "Soldes", "Sale"),
            Localized(
                "Reduced for a short time.", "Prix réduits pour peu de temps.", "Kurze Zeit reduziert."
            ),
            [p.id for p in products if p.variants[0].compare_at_price is not None],
        )
        picks = self.rng.sample([p.id for p in products], min(len(products), 60))
        add(
            "bestsellers",
            Localized("Bestsellers", "Meilleures ventes", "Bestseller"),
            Localized("What everyone is wearing.", "Ce que tout le monde porte.", "Was alle tragen."),
            picks,
        )
        add(
            "frontpage",
            Localized("Home page", "Page d'accueil", "Startseite"),
            Localized("Featured on the home page.", "À la une.", "Auf der Startseite."),
            picks[:12],
        )
        return tuple(collections)

    def stock(self, products: tuple[Product, ...]) -> tuple[StockLevel, ...]:
        levels: list[StockLevel] = []
        rng = self.rng
        for product in products:
            for variant in product.variants:
                for warehouse in self.warehouses:
                    roll = rng.random()
                    if roll < 0.2:
                        quantity = 0
                    elif roll < 0.35:
                        quantity = rng.randint(1, 3)
                    else:
                        quantity = rng.randint(5, 60)
                    reserved = rng.randint(0, min(quantity, 3)) if quantity and rng.random() < 0.25 else 0
                    levels.append(StockLevel(variant.sku, warehouse.id, quantity, reserved))
        return tuple(levels)

    def customers(self) -> tuple[Customer, ...]:
        rng = self.rng
        count = max(12, self.size // 4)
        places = (
            ("DE", "Berlin", "10115", "de_DE"),
            ("FR", "Lyon", "69002", "fr_FR"),
            ("US", "New York", "10001", "en_US"),
            ("GB", "London", "EC1A 1BB", "en_US"),
        )
        customers: list[Customer] = []
        for i in range(count):
            first = rng.choice(v.FIRST_NAMES)
            last = rng.choice(v.LAST_NAMES)
            email = f"{slugify(first)}.{slugify(last)}{i + 1}@example.com"
            country, city, zip_code, locale = rng.choice(places)
            created = self.when(EPOCH - timedelta(days=500), 480)
            stage = rng.choice(("subscriber", "lead", "customer", "customer", "customer", "evangelist"))
            points = rng.randint(0, 12_000)
            tier = (
                "platinum"
                if points > 9000
                else "gold"
                if points > 5000
                else "silver"
                if points > 1500
                else "bronze"
            )
            segments = tuple(
                sorted(
                    rng.sample(
                        ("newsletter", "vip", "high-value", "churn-risk", "outdoor", "gift-buyer"),
                        rng.randint(0, 3),
                    )
                )
            )
            crm = CrmProfile(
                hubspot_id=str(HUBSPOT_ID_BASE + i * 7 + 1),
                lifecycle_stage=stage,
                segments=segments,
                loyalty_tier=tier,
                loyalty_points=points,
                email_consent=rng.random() < 0.7,
                sms_consent=rng.random() < 0.3,
                analytics_consent=rng.random() < 0.8,
                # The nearest warehouse, by country: derived, not drawn, so the rest of the world stays as it was.
                preferred_store=PREFERRED_STORES.get(country, v.WAREHOUSES[0][0]),
                created_at=created,
                updated_at=self.when(created, 200),
            )
            customers.append(
                Customer(
                    id=CUSTOMER_ID_BASE + i,
                    email=email,
                    first_name=first,
                    last_name=last,
                    phone=f"+49 30 {rng.randint(1_000_000, 9_999_999)}",
                    country=country,
                    city=city,
                    zip=zip_code,
                    locale=locale,
                    accepts_marketing=crm.email_consent,
                    created_at=created,
                    crm=crm,
                    intercom_id=f"{rng.getrandbits(96):024x}",
                    odoo_partner_id=100 + i,
                )
            )
        return tuple(customers)

    def orders(self, customers: tuple[Customer, ...], products: tuple[Product, ...]) -> tuple[Order, ...]:
        rng = self.rng
        orders: list[Order] = []
        for customer in customers:
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4))):
                n = len(orders) + 1
                lines = []
                for product in rng.sample(products, min(len(products), rng.randint(1, 3))):
                    variant = rng.choice(product.variants)
                    lines.append(
                        OrderLine(
                            variant.sku,
                            variant.id,
                            f"{product.title.en_US} - {variant.title}",
                            rng.choice((1, 1, 1, 2)),
                            variant.price,
                        )
                    )
                created = self.when(max(customer.created_at, EPOCH - timedelta(days=120)), 300)
                cancelled = rng.random() < 0.05
                fulfilled = not cancelled and rng.random() < 0.7
                paid = rng.random() < 0.9
                warehouse = rng.choice(self.warehouses)
                carrier = rng.choice(v.CARRIERS)
                erp = ErpOrder(
                    sale_order_id=n,
                    sale_order_name=f"S{n:05d}",
                    state="cancel" if cancelled else "sale",
                    invoice_id=None if cancelled else n,
                    invoice_name=None if cancelled else f"INV/2026/{n:05d}",
                    payment_state="paid" if paid else "not_paid",
                    delivery_id=n,
                    delivery_name=f"{warehouse.code}/OUT/{n:05d}",
                    delivery_state="cancel" if cancelled else "done" if fulfilled else "assigned",
                    carrier=carrier,
                    tracking_ref=f"{carrier[:3].upper()}{rng.randint(10**9, 10**10 - 1)}"
                    if fulfilled
                    else None,
                )
                orders.append(
                    Order(
                        id=ORDER_ID_BASE + n,
                        number=1000 + n,
                        customer_id=customer.id,
                        email=customer.email,
                        lines=tuple(lines),
                        created_at=created,
                        financial_status="REFUNDED" if cancelled else "PAID" if paid else "PENDING",
                        fulfillment_status="FULFILLED" if fulfilled else "UNFULFILLED",
                        cancelled=cancelled,
                        warehouse_id=warehouse.id,
                        erp=erp,
                    )
                )
        return tuple(orders)

    def admins(self) -> tuple[Admin, ...]:
        return tuple(
            Admin(str(ADMIN_ID_BASE + i), name, f"{slug}@northwind.example")
            for i, (name, slug) in enumerate(v.AGENTS)
        )

    def conversations(
        self,
        customers: tuple[Customer, ...],
        orders: tuple[Order, ...],
        products: tuple[Product, ...],
        admins: tuple[Admin, ...],
    ) -> tuple[Conversation, ...]:
        rng = self.rng
        orders_of: dict[int, list[Order]] = {}
        for order in orders:
            orders_of.setdefault(order.customer_id, []).append(order)
        conversations: list[Conversation] = []
        for customer in customers:
            if rng.random() > 0.45:
                continue
            for _ in range(rng.choice((1, 1, 2))):
                template = rng.choice(v.CONVERSATION_SUBJECTS)
                mine = orders_of.get(customer.id)
                about = rng.choice(mine) if mine else None
                subject = template.format(
                    order=about.name if about else "my order", product=rng.choice(products).title.en_US
                )
                admin = rng.choice(admins)
                at = self.when(EPOCH, 300)
                messages = [Message("user", None, subject, at)]
                for turn in range(rng.randint(1, 5)):
                    at += timedelta(minutes=rng.randint(2, 600))
                    if turn % 2 == 0:
                        messages.append(Message("admin", admin.id, rng.choice(v.AGENT_LINES), at))
                    else:
                        messages.append(Message("user", None, rng.choice(v.CUSTOMER_LINES), at))
                conversations.append(
                    Conversation(
                        id=str(1000 + len(conversations) + 1),
                        customer_id=customer.id,
                        subject=subject,
                        state=rng.choice(("open", "closed", "closed", "snoozed")),
                        admin_id=admin.id,
                        messages=tuple(messages),
                    )
                )
        return tuple(conversations)


def generate(size: int = DEMO_SIZE, seed: int = 42) -> World:
    """Build the sandbox world: `size` products and everything that hangs off them."""
    if size < 1:
        raise ValueError("size must be at least 1")
    gen = _Generator(size, seed)
    products = gen.products()
    collections = gen.collections(products)
    stock = gen.stock(products)
    customers = gen.customers()
    orders = gen.orders(customers, products)
    admins = gen.admins()
    conversations = gen.conversations(customers, orders, products, admins)
    menus = {
        "main-menu": tuple(
            MenuItem(c.title.en_US, f"/collections/{c.handle}", c.handle) for c in collections[-4:]
        )
        + tuple(MenuItem(c.title.en_US, f"/collections/{c.handle}", c.handle) for c in collections[:6]),
        "footer": (
            MenuItem("Search", "/search", None),
            MenuItem("Shipping", "/policies/shipping-policy", None),
            MenuItem("Returns", "/policies/refund-policy", None),
        ),
    }
    shop = Shop(
        "Northwind Outfitters",
        "Clothing and gear for everyday adventures.",
        "northwind-outfitters.myshopify.com",
        SHOP_CURRENCY,
    )
    return World(
        size,
        seed,
        shop,
        products,
        collections,
        gen.warehouses,
        stock,
        customers,
        orders,
        admins,
        conversations,
        menus,
    )


__all__ = [
    "CUSTOMER_PASSWORD",
    "DEMO_SIZE",
    "EPOCH",
    "SHOP_CURRENCY",
    "Admin",
    "Collection",
    "Content",
    "Conversation",
    "CrmProfile",
    "Customer",
    "ErpOrder",
    "Image",
    "Localized",
    "Media",
    "MenuItem",
    "Message",
    "Order",
    "OrderLine",
    "Product",
    "Shop",
    "StockLevel",
    "Variant",
    "Warehouse",
    "World",
    "generate",
    "slugify",
]
