"""The Storefront API schema this emulator serves: our SDL subset with its resolvers attached."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from graphql import GraphQLSchema, build_schema

from sandbox.shopify.records import (
    AddressRecord,
    CollectionRecord,
    OptionValueRecord,
    OrderRecord,
    ProductOptionRecord,
    ProductRecord,
    VariantRecord,
)
from sandbox.shopify.relay import bind, bind_abstract_types, bind_connections
from sandbox.shopify.store import Store

from .cart import CART_RESOLVERS, CART_TYPE_NAMES
from .catalog import CATALOG_RESOLVERS
from .content import CONTENT_RESOLVERS, CONTENT_TYPE_NAMES
from .customer import CUSTOMER_RESOLVERS
from .product_page import PRODUCT_PAGE_RESOLVERS, PRODUCT_PAGE_TYPE_NAMES
from .shop import SHOP_RESOLVERS
from .state import Cart, CartLine

TYPE_NAMES: dict[type, str] = {
    ProductRecord: "Product",
    VariantRecord: "ProductVariant",
    CollectionRecord: "Collection",
    ProductOptionRecord: "ProductOption",
    OptionValueRecord: "ProductOptionValue",
    Store: "Shop",
    Cart: "Cart",
    CartLine: "CartLine",
    OrderRecord: "Order",
    AddressRecord: "MailingAddress",
    **CONTENT_TYPE_NAMES,
    **CART_TYPE_NAMES,
    **PRODUCT_PAGE_TYPE_NAMES,
}
"""The GraphQL type each record class stands for, for interfaces and unions (`Node`, `Merchandise`…)."""


def storefront_sdl() -> str:
    return files(__package__.rpartition(".")[0]).joinpath("storefront.graphql").read_text()


@cache
def storefront_schema() -> GraphQLSchema:
    """Built once per process: resolvers read the store from the request context, not the schema."""
    schema = build_schema(storefront_sdl())
    bind_connections(schema)
    for resolvers in (
        CATALOG_RESOLVERS,
        SHOP_RESOLVERS,
        CART_RESOLVERS,
        CUSTOMER_RESOLVERS,
        CONTENT_RESOLVERS,
        PRODUCT_PAGE_RESOLVERS,
    ):
        bind(schema, resolvers)
    bind_abstract_types(schema, TYPE_NAMES)
    return schema


__all__ = ["TYPE_NAMES", "storefront_schema", "storefront_sdl"]
