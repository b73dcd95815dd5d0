"""The Customer Account API schema this emulator serves: our SDL subset with its resolvers attached."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from graphql import GraphQLSchema, build_schema

from sandbox.shopify.records import (
    AddressRecord,
    CustomerRecord,
    FulfillmentRecord,
    OrderLineRecord,
    OrderRecord,
)
from sandbox.shopify.relay import bind, bind_abstract_types, bind_connections

from .address_mutations import ADDRESS_RESOLVERS
from .customer import CUSTOMER_RESOLVERS
from .orders import ORDER_RESOLVERS
from .profile_updates import PROFILE_RESOLVERS

TYPE_NAMES: dict[type, str] = {
    CustomerRecord: "Customer",
    AddressRecord: "CustomerAddress",
    OrderRecord: "Order",
    OrderLineRecord: "LineItem",
    FulfillmentRecord: "Fulfillment",
}


def customer_account_sdl() -> str:
    return files(__package__.rpartition(".")[0]).joinpath("customer_account.graphql").read_text()


@cache
def customer_account_schema() -> GraphQLSchema:
    """Built once per process: resolvers read the store and the customer from the request context."""
    schema = build_schema(customer_account_sdl())
    bind_connections(schema)
    for resolvers in (CUSTOMER_RESOLVERS, ORDER_RESOLVERS, PROFILE_RESOLVERS, ADDRESS_RESOLVERS):
        bind(schema, resolvers)
    bind_abstract_types(schema, TYPE_NAMES)
    return schema


__all__ = ["TYPE_NAMES", "customer_account_schema", "customer_account_sdl"]
