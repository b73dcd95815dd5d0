"""Shopify's error locations point into the printed upstream document; the client reads its own text."""

from __future__ import annotations

import re

from graphql import GraphQLSchema, parse

from gateway.graphql.planning import plan_operation
from schema.extensions import EXTENSIONS

CLIENT = """query Page($h: String!)
@inContext(language: FR)   {
  product(handle: $h) {
    content { name }
        title
    variants(first: 2) { nodes { stock { available } price { amount } } }
  }
}"""


def _position(text: str, word: str) -> tuple[int, int]:
    """(line, column) of the first whole `word` in `text`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if found := re.search(rf"\b{word}\b", line):
            return number, found.start() + 1
    raise AssertionError(f"{word} is not in the text")


def test_every_client_node_maps_back_to_where_the_client_wrote_it(composed_schema: GraphQLSchema) -> None:
    plan = plan_operation(composed_schema, parse(CLIENT), None, EXTENSIONS)

    for word in ("title", "price", "product", "amount"):
        assert plan.locations[_position(plan.upstream, word)] == _position(CLIENT, word)


def test_nodes_the_gateway_added_map_to_nothing(composed_schema: GraphQLSchema) -> None:
    plan = plan_operation(composed_schema, parse(CLIENT), None, EXTENSIONS)
    printed = plan.upstream.splitlines()

    added = next(i for i, text in enumerate(printed) if "__gw_" in text)

    assert (added + 1, printed[added].index("__gw_") + 1) not in plan.locations
