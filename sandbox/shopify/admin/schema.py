"""The Admin API schema this emulator serves: our SDL subset with its resolvers attached."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from graphql import GraphQLSchema, build_schema

from sandbox.shopify.records import (
    AddressRecord,
    CustomerRecord,
    FulfillmentRecord,
    InventoryLevel,
    LocationRecord,
    OrderLineRecord,
    OrderRecord,
    ProductRecord,
    VariantRecord,
)
from sandbox.shopify.relay import bind, bind_abstract_types, bind_connections
from sandbox.shopify.store import Store

from .catalog import CATALOG_RESOLVERS, InventoryItem
from .customers import CUSTOMER_RESOLVERS
from .inventory import INVENTORY_RESOLVERS
from .nodes import NODE_RESOLVERS
from .orders import ORDER_RESOLVERS
from .state import WebhookSubscription
from .webhook_subscriptions import WEBHOOK_RESOLVERS

TYPE_NAMES: dict[type, str] = {
    ProductRecord: "Product",
    VariantRecord: "ProductVariant",
    InventoryItem: "InventoryItem",
    InventoryLevel: "InventoryLevel",
    LocationRecord: "Location",
    CustomerRecord: "Customer",
    OrderRecord: "Order",
    OrderLineRecord: "LineItem",
    FulfillmentRecord: "Fulfillment",
    AddressRecord: "MailingAddress",
    WebhookSubscription: "WebhookSubscription",
    Store: "Shop",
}


def admin_sdl() -> str:
    return files(__package__.rpartition(".")[0]).joinpath("admin.graphql").read_text()


@cache
def admin_schema() -> GraphQLSchema:
    schema = build_schema(admin_sdl())
    bind_connections(schema)
    for resolvers in (
        CATALOG_RESOLVERS,
        CUSTOMER_RESOLVERS,
        ORDER_RESOLVERS,
        INVENTORY_RESOLVERS,
        WEBHOOK_RESOLVERS,
        NODE_RESOLVERS,
    ):
        bind(schema, resolvers)
    bind_abstract_types(schema, TYPE_NAMES)
    return schema


__all__ = ["TYPE_NAMES", "admin_schema", "admin_sdl"]
