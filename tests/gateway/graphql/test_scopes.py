"""The scopes an operation needs, read from every field it selects, however the document is written."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema, OperationDefinitionNode, parse

from gateway.graphql.scopes import required_scopes


def _needs(schema: GraphQLSchema, text: str) -> dict[str, str]:
    document = parse(text)
    (operation,) = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return required_scopes(schema, document, operation)


def test_the_catalog_needs_catalog_read(composed_schema: GraphQLSchema) -> None:
    assert _needs(
        composed_schema, "{ products(first: 1) { nodes { title content { name } } } shop { name } }"
    ) == {"catalog:read": "QueryRoot.products"}


def test_introspection_and_typename_need_nothing(composed_schema: GraphQLSchema) -> None:
    assert _needs(composed_schema, "{ __typename __schema { queryType { name } } }") == {}


@pytest.mark.parametrize(
    "text",
    [
        "query($t: String!) { customer(customerAccessToken: $t) { profile { segments } } }",
        "query($t: String!) { me: customer(customerAccessToken: $t) { ...P } } fragment P on Customer { profile { segments } }",
        "query($t: String!) { customer(customerAccessToken: $t) { ... on Customer { ... { profile { segments } } } } }",
    ],
)
def test_a_field_is_found_through_aliases_and_fragments(composed_schema: GraphQLSchema, text: str) -> None:
    assert _needs(composed_schema, text) == {"customer:read:self": "QueryRoot.customer"}


def test_each_gateway_field_names_its_own_scope(composed_schema: GraphQLSchema) -> None:
    text = """query($t: String!) {
      customer(customerAccessToken: $t) {
        conversations { totalCount }
        orders(first: 1) { nodes { fulfilment { state } invoices { number } } }
      }
    }"""

    assert _needs(composed_schema, text) == {
        "customer:read:self": "QueryRoot.customer",
        "chat:read:self": "Customer.conversations",
        "orders:read:self": "Customer.orders",
    }


def test_an_order_reached_through_node_still_needs_the_orders_scope(composed_schema: GraphQLSchema) -> None:
    text = 'query { node(id: "gid://shopify/Order/1") { ... on Order { fulfilment { state } } } }'

    assert _needs(composed_schema, text) == {
        "catalog:read": "QueryRoot.node",
        "orders:read:self": "Order.fulfilment",
    }


@pytest.mark.parametrize(
    ("mutation", "scope"),
    [
        ("cartCreate(input: {}) { cart { id } }", "cart:write"),
        (
            'customerAccessTokenCreate(input: {email: "a", password: "b"}) { customerUserErrors { code } }',
            "customer:read:self",
        ),
        ('customerRecover(email: "a@b.c") { customerUserErrors { code } }', "customer:write:self"),
    ],
)
def test_mutations_go_by_their_family(composed_schema: GraphQLSchema, mutation: str, scope: str) -> None:
    needed = _needs(composed_schema, f"mutation {{ {mutation} }}")

    assert list(needed) == [scope]


def test_a_fragment_spread_twice_is_read_once_and_cycles_end(composed_schema: GraphQLSchema) -> None:
    text = """{ a: products(first: 1) { ...F } b: products(first: 1) { ...F } }
    fragment F on ProductConnection { nodes { title } }"""

    assert _needs(composed_schema, text) == {"catalog:read": "QueryRoot.products"}
