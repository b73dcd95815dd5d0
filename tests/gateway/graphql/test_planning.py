"""Planning: Shopify gets the client's operation, less the gateway's fields, plus the keys they need."""

from __future__ import annotations

import pytest
from graphql import build_schema, parse, validate

from gateway.graphql.composition import compose
from gateway.graphql.planning import Plan, PlanningError, plan_operation
from schema import STRAWBERRY_CONFIG
from schema.extensions import EXTENSIONS

UPSTREAM = build_schema(
    """
    directive @inContext(country: String, language: String) on QUERY | MUTATION
    interface Node { id: ID! }
    type Product implements Node { id: ID! title: String! variants(first: Int): VariantConnection! }
    type VariantConnection { nodes: [ProductVariant!]! }
    type ProductVariant implements Node { id: ID! sku: String title: String! }
    type Page implements Node { id: ID! title: String! }
    union SearchResult = Product | Page
    type Cart { id: ID! }
    type Customer { email: String }
    type Order implements Node { id: ID! name: String! }
    type CartCreatePayload { cart: Cart }
    type Query {
      product(handle: String!): Product
      search(query: String!): [SearchResult!]!
      node(id: ID!): Node
    }
    type Mutation { cartCreate(note: String): CartCreatePayload }
    """,
    assume_valid=True,
)
COMPOSED = compose(UPSTREAM, EXTENSIONS, STRAWBERRY_CONFIG)


def plan(text: str, operation_name: str | None = None) -> Plan:
    document = parse(text)
    assert validate(COMPOSED, document) == []
    return plan_operation(COMPOSED, document, operation_name, EXTENSIONS)


def upstream_of(text: str, operation_name: str | None = None) -> str:
    """The planned document, compacted for comparison."""
    return " ".join(plan(text, operation_name).upstream.split())


def test_a_selection_without_gateway_fields_goes_unchanged() -> None:
    text = 'query P($h: String!) @inContext(country: "FR") { p: product(handle: $h) { id t: title } }'

    assert (
        upstream_of(text)
        == 'query P($h: String!) @inContext(country: "FR") { p: product(handle: $h) { id t: title } }'
    )
    assert plan(text).variables == frozenset({"h"})
    assert not plan(text).extends


def test_gateway_fields_go_and_their_keys_come_under_reserved_aliases() -> None:
    text = '{ product(handle: "h") { title content { name } variants(first: 2) { nodes { id stock { available } } } } }'

    assert upstream_of(text) == (
        '{ product(handle: "h") { title variants(first: 2) { nodes { id __gw_ProductVariant_stock_0: sku } } '
        "__gw_Product_content_0: variants(first: 1) { nodes { sku } } } }"
    )
    planned = plan(text)
    assert planned.extends
    assert [key.alias for key in planned.keys[("Product", "content")]] == ["__gw_Product_content_0"]
    assert [key.name for key in planned.keys[("ProductVariant", "stock")]] == ["sku"]


def test_fragments_and_variables_only_the_gateway_uses_are_dropped() -> None:
    text = """
    query Q($h: String!, $detail: Boolean!) {
      product(handle: $h) { ...Card }
    }
    fragment Card on Product { title content { ...Copy } variants { nodes { stock @include(if: $detail) { available } } } }
    fragment Copy on ProductContent { name description @skip(if: $detail) }
    """

    planned = plan(text)

    assert "Copy" not in planned.upstream
    assert "$detail" not in planned.upstream
    assert planned.variables == frozenset({"h"})
    assert "fragment Card on Product" in planned.upstream


def test_abstract_selections_carry_the_typename_to_walk_them() -> None:
    text = '{ search(query: "x") { ... on Product { content { name } } ... on Page { title } } }'

    assert upstream_of(text) == (
        '{ search(query: "x") { ... on Product { __gw_Product_content_0: variants(first: 1) { nodes { sku } } } '
        "... on Page { title } __gw_type: __typename } }"
    )


def test_a_selection_left_empty_keeps_a_field() -> None:
    assert upstream_of('{ product(handle: "h") { content { name } } }') == (
        '{ product(handle: "h") { __gw_Product_content_0: variants(first: 1) { nodes { sku } } } }'
    )
    assert upstream_of('{ node(id: "1") { ... on ProductVariant { stock { available } } } }') == (
        '{ node(id: "1") { ... on ProductVariant { __gw_ProductVariant_stock_0: sku } __gw_type: __typename } }'
    )


def test_only_the_chosen_operation_goes_and_mutations_are_planned_alike() -> None:
    text = 'query A { product(handle: "a") { id } } mutation B { cartCreate(note: "n") { cart { id } } }'

    assert upstream_of(text, "B") == 'mutation B { cartCreate(note: "n") { cart { id } } }'
    assert plan(text, "B").operation_type == "mutation"


def test_reserved_aliases_and_ambiguous_operations_are_refused() -> None:
    with pytest.raises(PlanningError, match="aliases starting with __gw_ are reserved"):
        plan('{ product(handle: "h") { __gw_x: title } }')
    with pytest.raises(PlanningError, match="several operations"):
        plan('query A { product(handle: "a") { id } } query B { product(handle: "b") { id } }')
    with pytest.raises(PlanningError, match="no operation named 'C'"):
        plan('query A { product(handle: "a") { id } }', "C")


@pytest.mark.parametrize(
    ("text", "private"),
    [
        ('{ product(handle: "tee") { title variants(first: 2) { nodes { sku } } } }', False),
        ('query @inContext(country: "FR") { product(handle: "tee") { title } }', False),
        ('mutation { cartCreate(note: "n") { cart { id } } }', True),
        ('{ node(id: "gid://shopify/Cart/1") { ... on Cart { id } } }', True),
        ('{ node(id: "x") { ...C } } fragment C on Cart { id }', True),
        ('query @inContext(buyer: "token") { product(handle: "tee") { title } }', True),
    ],
    ids=["a-product", "a-market", "a-mutation", "a-cart-by-node", "a-cart-fragment", "a-buyer-context"],
)
def test_an_answer_for_one_buyer_is_marked_private(text: str, private: bool) -> None:
    assert plan_operation(COMPOSED, parse(text), None, EXTENSIONS).private is private
