"""Cart lines held to the ERP's stock: the lines a mutation asks for, and Shopify's rules on the ERP's figure."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLSchema, OperationDefinitionNode, parse, validate
from graphql.execution.values import get_variable_values

from gateway.graphql.cart_stock import (
    NOT_ENOUGH,
    OUT_OF_STOCK,
    Held,
    Variant,
    cap_added,
    cap_updated,
    read_asks,
)

RED = Variant("gid://shopify/ProductVariant/1", "RED-1", "Tee - Red")
BLUE = Variant("gid://shopify/ProductVariant/2", "BLUE-1", "Tee - Blue")
VARIANTS = {RED.id: RED, BLUE.id: BLUE}


def asks_of(schema: GraphQLSchema, text: str, variables: dict[str, Any] | None = None) -> list[Any]:
    document = parse(text)
    assert validate(schema, document) == []
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    assert not isinstance(coerced, list), coerced
    return read_asks(schema, operation, coerced.coerced)


def test_lines_are_read_from_literals_and_variables_with_shopify_s_default_quantity(
    composed_schema: GraphQLSchema,
) -> None:
    asks = asks_of(
        composed_schema,
        """mutation($lines: [CartLineUpdateInput!]!, $cart: ID!) {
          made: cartCreate(input: {note: "gift", lines: [{merchandiseId: "v1"}]}) { cart { id } }
          cartLinesAdd(cartId: $cart, lines: [{merchandiseId: "v2", quantity: 3}]) { cart { id } }
          cartLinesUpdate(cartId: $cart, lines: $lines) { cart { id } }
          cartNoteUpdate(cartId: $cart, note: "x") { cart { id } }
        }""",
        {"cart": "c1", "lines": [{"id": "l1", "quantity": 4}]},
    )

    assert [(a.key, a.field, a.argument, a.cart_id) for a in asks] == [
        ("made", "cartCreate", "input", None),
        ("cartLinesAdd", "cartLinesAdd", "lines", "c1"),
        ("cartLinesUpdate", "cartLinesUpdate", "lines", "c1"),
    ]
    assert [dict(line) for a in asks for line in a.lines] == [
        {"merchandiseId": "v1", "quantity": 1},
        {"merchandiseId": "v2", "quantity": 3},
        {"id": "l1", "quantity": 4},
    ]
    assert asks[0].with_lines([]) == {"note": "gift", "lines": []}


def test_skipped_fields_and_carts_made_without_lines_are_not_checked(composed_schema: GraphQLSchema) -> None:
    asks = asks_of(
        composed_schema,
        """mutation($no: Boolean!) {
          cartCreate(input: {note: "empty"}) { cart { id } }
          cartLinesAdd(cartId: "c", lines: [{merchandiseId: "v"}]) @include(if: $no) { cart { id } }
        }""",
        {"no": False},
    )

    assert asks == []


def test_an_added_line_gets_what_is_left_besides_the_cart_s_lines() -> None:
    held = [Held("line-red", 2, RED)]

    caps = cap_added([{"merchandiseId": RED.id, "quantity": 3}], held, VARIANTS, {"RED-1": 4})

    assert [(c.index, c.quantity, c.code, c.target) for c in caps] == [(0, 2, NOT_ENOUGH, None)]
    assert caps[0].message == "Only 2 items were added to your cart due to availability."


def test_lines_added_in_one_call_share_the_erp_s_stock() -> None:
    lines = [
        {"merchandiseId": RED.id, "quantity": 1},
        {"merchandiseId": BLUE.id, "quantity": 5},
        {"merchandiseId": RED.id, "quantity": 2},
    ]

    caps = cap_added(lines, [], VARIANTS, {"RED-1": 2, "BLUE-1": 5})

    assert [(c.index, c.quantity, c.message) for c in caps] == [
        (2, 1, "Only 1 item was added to your cart due to availability.")
    ]


@pytest.mark.parametrize(
    ("held", "target"),
    [([], RED.id), ([Held("line-red", 3, RED)], "line-red")],
    ids=["new line: the variant", "line in the cart: that line"],
)
def test_nothing_left_is_out_of_stock(held: list[Held], target: str) -> None:
    caps = cap_added([{"merchandiseId": RED.id, "quantity": 1}], held, VARIANTS, {"RED-1": 3 if held else 0})

    assert [(c.quantity, c.code, c.target) for c in caps] == [(0, OUT_OF_STOCK, target)]
    assert caps[0].message == "The product 'Tee - Red' is already sold out."


def test_without_an_erp_figure_shopify_decides() -> None:
    unknown = Variant("gid://shopify/ProductVariant/3", None, "Gift card - 50")
    lines = [{"merchandiseId": unknown.id, "quantity": 9}, {"merchandiseId": BLUE.id, "quantity": 9}]

    assert cap_added(lines, [], {**VARIANTS, unknown.id: unknown}, {"RED-1": 0}) == []


def test_an_updated_line_gets_what_is_left_besides_the_other_lines_of_its_variant() -> None:
    held = [Held("a", 1, RED), Held("b", 2, RED), Held("c", 1, BLUE)]
    lines = [{"id": "a", "quantity": 5}, {"id": "c", "quantity": 0}, {"id": "nope", "quantity": 9}]

    caps = cap_updated(lines, held, VARIANTS, {"RED-1": 4, "BLUE-1": 0})

    assert [(c.index, c.quantity, c.code, c.target) for c in caps] == [(0, 2, NOT_ENOUGH, "a")]


def test_an_update_to_a_sold_out_variant_takes_the_line_out() -> None:
    held = [Held("a", 1, RED)]

    caps = cap_updated([{"id": "a", "merchandiseId": BLUE.id, "quantity": 2}], held, VARIANTS, {"BLUE-1": 0})

    assert [(c.quantity, c.code, c.target, c.message) for c in caps] == [
        (0, OUT_OF_STOCK, "a", "The product 'Tee - Blue' is already sold out.")
    ]


def test_an_update_without_a_quantity_is_not_capped() -> None:
    held = [Held("a", 5, RED)]

    assert cap_updated([{"id": "a", "attributes": []}], held, VARIANTS, {"RED-1": 1}) == []
