"""The Storefront-API-shaped operations are valid where they are sent: the gateway's composed schema for
the client's, Shopify's own Storefront schema for the floor's."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    FieldNode,
    GraphQLSchema,
    Visitor,
    build_client_schema,
    get_introspection_query,
    parse,
    validate,
    visit,
)

from bench.floor_documents import ACCOUNT, CART_ADD, CART_STOCK_READ, GATEWAY_FIELDS, HYDROGEN_PRODUCT
from bench.operations import CART_CREATE, CUSTOMER_SIGN_IN
from bench.scenarios import STOREFRONT_PATH
from tests.harness import Gateway
from tests.shopify_specs import needs_specs, real_storefront

from .scenario_requests import scenario

CATALOG_ONLY_UNDER_GATEWAY_FIELDS = {"available", "warehouse", "warehouses", "features"}
"""Fields of the gateway's catalog types that no Shopify field of these operations shares a name with."""
ACCOUNT_ONLY_UNDER_GATEWAY_FIELDS = {
    *("lifecycleStage", "loyalty", "tier", "points", "consents", "channel", "granted"),
    *("id", "state", "unread", "preview"),
    *("deliveries", "carrier", "trackingNumber", "number", "amountTotal"),
}
"""The same for the account page's CRM, chat and ERP types (`nodes` and `currencyCode` are Shopify's too)."""

CLIENT_AND_FLOOR = [
    ("product_page", HYDROGEN_PRODUCT, {"content", "stock"}, CATALOG_ONLY_UNDER_GATEWAY_FIELDS, "sku"),
    ("cart_add", CART_ADD, {"stock"}, CATALOG_ONLY_UNDER_GATEWAY_FIELDS, "sku"),
    (
        "account_page",
        ACCOUNT,
        {"profile", "conversations", "fulfilment", "invoices"},
        ACCOUNT_ONLY_UNDER_GATEWAY_FIELDS,
        "email",
    ),
]
"""Each scenario, the document its floor sends Shopify, the gateway's fields it selects, the fields
only found under those, and the key the gateway's fields are joined by."""
PARAMETERS = ("name", "sent", "owned", "only_under", "key")


def _fields(document: str) -> set[str]:
    names: set[str] = set()

    class Collect(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            names.add(node.name.value)

    visit(parse(document), Collect())
    return names


@pytest.fixture
async def composed(cached: Gateway) -> GraphQLSchema:
    """The schema the Storefront API path serves, as its introspection shows it."""
    async with cached.http.post(
        f"{cached.url}{STOREFRONT_PATH}", json={"query": get_introspection_query()}
    ) as response:
        return build_client_schema((await response.json())["data"])


@pytest.mark.parametrize(PARAMETERS, CLIENT_AND_FLOOR)
async def test_the_operation_is_valid_against_the_composed_schema(
    composed: GraphQLSchema, name: str, sent: str, owned: set[str], only_under: set[str], key: str
) -> None:
    measured = scenario(name)

    assert measured.path == STOREFRONT_PATH
    assert validate(composed, parse(measured.query)) == []
    assert _fields(measured.query) >= owned


@pytest.mark.parametrize(PARAMETERS, CLIENT_AND_FLOOR)
def test_the_floor_sends_the_client_s_selection_without_the_gateway_s_fields(
    name: str, sent: str, owned: set[str], only_under: set[str], key: str
) -> None:
    client, floor = _fields(scenario(name).query), _fields(sent)

    assert GATEWAY_FIELDS.isdisjoint(floor)
    assert floor == client - GATEWAY_FIELDS - only_under
    assert key in floor  # the key the gateway's fields are joined by


@needs_specs
@pytest.mark.parametrize(
    "document", [HYDROGEN_PRODUCT, CART_ADD, CART_STOCK_READ, CART_CREATE, ACCOUNT, CUSTOMER_SIGN_IN]
)
def test_the_floor_s_documents_are_valid_for_shopify(document: str) -> None:
    assert validate(real_storefront(), parse(document)) == []
