"""Requested query cost: Shopify's model, counted once per fragment, however often it is spread."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from graphql import OperationDefinitionNode, build_schema, parse, validate
from graphql.execution.values import get_variable_values

from gateway.graphql.query_cost import (
    COST_CAP,
    MAX_PAGE_SIZE,
    MUTATION_COST,
    RequestedCost,
    over_budget,
    requested_cost,
    with_estimate,
)
from tests.shopify_specs import needs_specs, real_storefront

SCHEMA = build_schema(
    """
    type Query {
      shop: Shop!
      product(handle: String!): Product
      products(first: Int, last: Int, after: String): ProductConnection!
      paged(first: Int = 7): ProductConnection!
      search(query: String!, first: Int, last: Int): SearchResultItemConnection!
      node(id: ID!): Node
    }
    type Mutation {
      cartCreate(input: CartInput): CartCreatePayload
    }
    input CartInput { note: String }
    interface Node { id: ID! }
    enum CurrencyCode { EUR USD }
    type Shop { name: String! brand: Brand }
    type Brand { slogan: String logo: Image }
    type Image { url: String! }
    type Money { amount: String! currencyCode: CurrencyCode! }
    type Product implements Node {
      id: ID!
      title: String!
      featuredImage: Image
      variants(first: Int, last: Int): ProductVariantConnection!
      content: ProductContent
    }
    type ProductContent { name: String attributes: [ContentAttribute!]! }
    type ContentAttribute { code: String! }
    type ProductVariant implements Node { id: ID! sku: String price: Money! product: Product! }
    type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! filters: [Filter!]! }
    type ProductEdge { cursor: String! node: Product! }
    type ProductVariantConnection { edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo! }
    type ProductVariantEdge { cursor: String! node: ProductVariant! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type Filter { id: String! }
    type Author { name: String }
    type Page implements Node { id: ID! title: String! author: Author }
    type Article implements Node { id: ID! author: Author image: Image }
    union SearchResultItem = Product | Page | Article
    type SearchResultItemConnection { nodes: [SearchResultItem!]! totalCount: Int! }
    type CartCreatePayload { cart: Cart }
    type Cart { id: ID! lines(first: Int): ProductVariantConnection! }
    """
)
OWNED = frozenset({("Product", "content")})


def estimate(
    text: str, variables: dict[str, Any] | None = None, *, valid: bool = True, schema: Any = SCHEMA
) -> RequestedCost:
    document = parse(text)
    if valid:  # the gateway counts only documents that validated
        assert validate(schema, document) == []
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    assert not isinstance(coerced, list), coerced
    return requested_cost(schema, document, operation, coerced.coerced, owned=OWNED)


def cost(text: str, variables: dict[str, Any] | None = None, *, valid: bool = True) -> int:
    return estimate(text, variables, valid=valid).points


def test_scalars_and_enums_are_free_objects_cost_one() -> None:
    assert cost("{ shop { name } }") == 1
    assert cost("{ shop { brand { slogan logo { url } } } }") == 3
    assert cost('{ product(handle: "a") { variants(first: 1) { nodes { price { currencyCode } } } } }') == 5
    assert cost("{ __typename }") == 0


def test_a_connection_costs_two_plus_its_page_of_objects() -> None:
    assert cost("{ products(first: 10) { nodes { id } } }") == 12
    assert cost("{ products(first: 10) { edges { cursor node { id } } } }") == 12
    assert cost("{ products(last: 3) { nodes { id } } }") == 5
    # pageInfo and edges are the connection's own 2; a connection's other objects are counted once.
    assert cost("{ products(first: 10) { pageInfo { hasNextPage } } }") == 2
    assert cost("{ products(first: 10) { nodes { title } filters { id } } }") == 13


def test_the_page_size_comes_from_the_literal_the_variable_its_default_or_the_maximum() -> None:
    by_variable = "query($n: Int) { products(first: $n) { nodes { id } } }"
    by_default = "query($n: Int = 20) { products(first: $n) { nodes { id } } }"

    assert cost(by_variable, {"n": 5}) == 7
    assert cost(by_default) == 22
    assert cost(by_default, {"n": 1}) == 3
    assert cost(by_variable) == 2 + MAX_PAGE_SIZE
    assert cost(by_variable, {"n": None}) == 2 + MAX_PAGE_SIZE
    assert cost("{ products { nodes { id } } }") == 2 + MAX_PAGE_SIZE
    assert cost("{ paged { nodes { id } } }") == 2 + 7  # the argument's default in the schema


def test_nested_connections_multiply() -> None:
    text = """
    { products(first: 10) { nodes { variants(first: 5) { nodes { product { featuredImage { url } } } } } } }
    """
    per_variant = 1 + 2  # the variant, its product and the product's image
    per_product = 1 + (2 + 5 * per_variant)

    assert cost(text) == 2 + 10 * per_product


def test_fragments_cost_what_their_selections_cost_at_every_spread() -> None:
    inline = "{ a: shop { brand { logo { url } } } b: shop { brand { logo { url } } } }"
    named = "{ a: shop { ...Logo } b: shop { ...Logo } } fragment Logo on Shop { brand { logo { url } } }"
    nested = """
    query { products(first: 4) { ...Page } }
    fragment Page on ProductConnection { nodes { ...Card } filters { id } }
    fragment Card on Product { featuredImage { url } }
    """

    assert cost(inline) == cost(named) == 6
    assert cost("{ shop { ... on Shop { brand { slogan } } ... { name } } }") == 2
    assert cost(nested) == 2 + 4 * 2 + 1  # the connection's filters stay out of the multiplication


def test_an_abstract_selection_costs_its_costliest_member() -> None:
    search = """
    { search(query: "x", first: 10) { totalCount nodes {
        ... on Node { id }
        ... on Product { featuredImage { url } variants(first: 2) { nodes { id } } }
        ...PageAuthor
    } } }
    fragment PageAuthor on Page { author { name } }
    """
    node = '{ node(id: "1") { id ... on Product { featuredImage { url } } ... on ProductVariant { price { amount } product { id } } } }'
    members = """
    { search(query: "x", first: 1) { nodes {
        ... on Page { author { name } }
        ... on Article { author { name } }
        ... on Article { image { url } }
    } } }
    """

    assert cost(search) == 2 + 10 * (1 + (1 + (2 + 2)))  # the product's image and two variants
    assert cost(node) == 1 + 2
    assert cost(members) == 2 + 1 * (1 + 2)  # both fragments on Article apply to it together


def test_a_mutation_costs_ten_a_root_field_whatever_it_selects() -> None:
    create = "mutation { cartCreate(input: {}) { cart { lines(first: 250) { nodes { id } } } } }"
    twice = "mutation { a: cartCreate { cart { id } } b: cartCreate { cart { id } } __typename }"
    spread = "mutation { ...Create } fragment Create on Mutation { cartCreate { cart { id } } }"

    assert cost(create) == MUTATION_COST
    assert cost(twice) == 2 * MUTATION_COST
    assert cost(spread) == MUTATION_COST


def test_a_gateway_owned_field_costs_one_object_whatever_it_selects() -> None:
    assert cost('{ product(handle: "a") { content { name attributes { code } } } }') == 2
    assert cost("{ products(first: 4) { nodes { content { name } } } }") == 2 + 4 * 2


def test_introspection_is_free() -> None:
    assert cost("{ __schema { types { name fields { type { name } } } } shop { name } }") == 1
    assert cost('{ __type(name: "Shop") { fields { name } } }') == 0


def test_skipped_selections_are_not_counted() -> None:
    text = "query($with: Boolean!) { shop { name brand @include(if: $with) { slogan } } products(first: 2) @skip(if: true) { nodes { id } } }"

    assert cost(text, {"with": False}) == 1
    assert cost(text, {"with": True}) == 2


def test_fragment_fan_out_is_counted_once_per_fragment_with_the_exact_total() -> None:
    levels = 40
    fragments = " ".join(f"fragment F{i} on Shop {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels))
    text = f"{{ shop {{ ...F0 }} }} {fragments} fragment F{levels} on Shop {{ brand {{ slogan }} }}"

    found = estimate(text, valid=False)

    assert found.points == 1 + 2**levels
    assert found.visits == 2 + 2 * levels + 2  # each selection once; the second spread reuses the first


def test_costs_past_the_cap_stop_at_it() -> None:
    fan_out = " ".join(f"fragment F{i} on Shop {{ ...F{i + 1} ...F{i + 1} }}" for i in range(80))
    spreads = f"{{ shop {{ ...F0 }} }} {fan_out} fragment F80 on Shop {{ brand {{ slogan }} }}"
    pages = " ".join(
        f"fragment P{i} on Product {{ variants(first: 250) {{ nodes {{ product {{ ...P{i + 1} }} }} }} }}"
        for i in range(12)
    )
    nested = f'{{ product(handle: "a") {{ ...P0 }} }} {pages} fragment P12 on Product {{ id }}'

    found = estimate(spreads, valid=False)
    assert found.points == COST_CAP
    assert found.capped
    assert found.visits < 200
    assert estimate(nested, valid=False).points == COST_CAP


def test_unknown_fragments_and_cycles_cost_nothing() -> None:
    assert cost("{ shop { ...Missing name } }", valid=False) == 1
    cycle = "{ shop { ...A } } fragment A on Shop { ...B } fragment B on Shop { ...A ...B brand { slogan } }"
    assert cost(cycle, valid=False) == 2


def test_deep_nesting_and_long_chains_need_no_recursion() -> None:
    length = 2 * sys.getrecursionlimit()
    depth = 190  # about as deep as graphql-core parses
    inline = "{ shop { " + "... on Shop { " * depth + "brand { slogan }" + " }" * depth + " } }"
    chain = " ".join(f"fragment F{i} on Shop {{ ...F{i + 1} }}" for i in range(length))
    spreads = f"{{ shop {{ ...F0 }} }} {chain} fragment F{length} on Shop {{ brand {{ slogan }} }}"

    assert cost(inline, valid=False) == 2
    assert cost(spreads, valid=False) == 2


def test_the_refusal_and_the_estimate_take_the_shape_of_shopify_s_cost() -> None:
    refusal = over_budget(RequestedCost(1502, 10), 1000)
    (error,) = refusal["errors"]

    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED"
    assert error["extensions"]["cost"] == {"requestedQueryCost": 1502, "maximumAvailable": 1000}
    assert "1502" in error["message"]
    assert "1000" in error["message"]
    assert refusal["extensions"]["cost"] == error["extensions"]["cost"]
    assert "at least" in over_budget(RequestedCost(COST_CAP, 10), 1000)["errors"][0]["message"]

    estimate_ = RequestedCost(12, 3)
    assert with_estimate({}, estimate_) == {"cost": {"requestedQueryCost": 12}}
    assert with_estimate({"stale": []}, estimate_) == {"stale": [], "cost": {"requestedQueryCost": 12}}
    theirs = {"cost": {"requestedQueryCost": 40, "actualQueryCost": 12}}
    assert with_estimate(theirs, estimate_) == theirs
    assert with_estimate({"cost": {"actualQueryCost": 3}}, estimate_) == {
        "cost": {"actualQueryCost": 3, "requestedQueryCost": 12}
    }


@needs_specs
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{ shop { name primaryDomain { host } } }", 2),
        ("{ products(first: 10) { edges { node { id variants(first: 5) { nodes { id } } } } } }", 2 + 10 * 8),
        (
            '{ search(query: "x", first: 3) { nodes { ... on Product { featuredImage { url } } ... on Article { author: authorV2 { name } image { url } } } } }',
            2 + 3 * 3,
        ),
        ("mutation { cartCreate(input: {}) { cart { id lines(first: 100) { nodes { id } } } } }", 10),
    ],
)
def test_shopify_s_own_schema(text: str, expected: int) -> None:
    assert estimate(text, schema=real_storefront()).points == expected
