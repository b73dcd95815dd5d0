"""The sandbox world as a shopper sees it: merchandise to buy and a customer to sign in as."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sandbox.seed import CUSTOMER_PASSWORD, Customer, Product, Variant, World
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox

CENT = Decimal("0.01")


def stock(world: World, variant: Variant) -> int:
    return sum(level.quantity - level.reserved for level in world.stock if level.sku == variant.sku)


def merchandise(
    world: World, *, kind: str | None = None, not_kind: tuple[str, ...] = ("SCK", "CAP"), at_least: int = 1
) -> list[tuple[Product, Variant]]:
    """Published variants with `at_least` units in stock; of one kind, or (by default) none of the
    kinds sold under a quantity rule."""
    return [
        (product, variant)
        for product in world.products
        if product.published
        and (product.product_type.code == kind if kind else product.product_type.code not in not_kind)
        for variant in product.variants
        if stock(world, variant) >= at_least
    ]


def variants(
    world: World, *, kind: str | None = None, not_kind: tuple[str, ...] = ("SCK", "CAP"), at_least: int = 1
) -> list[Variant]:
    return [variant for _, variant in merchandise(world, kind=kind, not_kind=not_kind, at_least=at_least)]


def gid(variant: Variant) -> str:
    return f"gid://shopify/ProductVariant/{variant.id}"


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, ROUND_HALF_UP)


def amount(money: dict[str, str]) -> Decimal:
    return Decimal(money["amount"])


async def sign_in(shop: ShopifySandbox, customer: Customer) -> str:
    """A customer access token for `customer` (every sandbox customer shares one password)."""
    reply = await shop.storefront(
        document("storefront", "CustomerAccessTokenCreate"),
        {"input": {"email": customer.email, "password": CUSTOMER_PASSWORD}},
    )
    token: str = reply.data["customerAccessTokenCreate"]["customerAccessToken"]["accessToken"]
    return token


__all__ = ["amount", "cents", "gid", "merchandise", "sign_in", "stock", "variants"]
