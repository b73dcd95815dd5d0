"""The ERP's check around a cart mutation: the document Shopify gets, and the warnings the client gets."""

from __future__ import annotations

from typing import Any

from graphql import (
    FragmentDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    parse,
    validate,
)
from graphql.execution.values import get_variable_values

from gateway.graphql.cart_stock import NOT_ENOUGH, OUT_OF_STOCK, Cap, read_asks
from gateway.graphql.cart_stock_check import ERRORS_KEY, LINES_KEY, WARNINGS_KEY, Checked, rewritten
from gateway.graphql.planning import Plan, plan_operation
from schema.extensions import EXTENSIONS, STOCK_OVERRIDES

from .conftest import STOREFRONT_SDL

SHOPIFY = build_schema(STOREFRONT_SDL.read_text())

ADD = """mutation Add($cart: ID!, $lines: [CartLineInput!]!, $note: String!) {
  added: cartLinesAdd(cartId: $cart, lines: $lines) {
    cart { id note: attribute(key: "gift") { value } lines(first: 5) { nodes { merchandise { ... on ProductVariant { stock { available } } } } } }
    ...Warned
  }
  cartNoteUpdate(cartId: $cart, note: $note) { cart { id } }
}
fragment Warned on CartLinesAddPayload { problems: warnings { __typename kind: code target } warnings { message } }"""
VARIABLES = {
    "cart": "c1",
    "note": "hi",
    "lines": [
        {"merchandiseId": "v1", "quantity": 5, "attributes": [{"key": "gift", "value": "yes"}]},
        {"merchandiseId": "v2", "quantity": 1},
    ],
}


def prepared(schema: GraphQLSchema, text: str, variables: dict[str, Any]) -> tuple[Any, ...]:
    document = parse(text)
    assert validate(schema, document) == []
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables)
    assert not isinstance(coerced, list), coerced
    plan = plan_operation(schema, document, None, EXTENSIONS, STOCK_OVERRIDES)
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return operation, coerced.coerced, plan, fragments


def test_a_capped_mutation_goes_to_shopify_with_its_lines_in_a_reserved_variable(
    composed_schema: GraphQLSchema,
) -> None:
    # given: the first line capped to 2, the second left out
    operation, variables, plan, _ = prepared(composed_schema, ADD, VARIABLES)
    [ask] = read_asks(composed_schema, operation, variables)
    caps = [Cap(0, 2, NOT_ENOUGH, "Only 2…", None, "v1"), Cap(1, 0, OUT_OF_STOCK, "sold out", "v2", "v2")]

    # when
    sent_plan, sent = rewritten(composed_schema, plan, VARIABLES, [(ask, caps, frozenset())])

    # then: a document Shopify's own schema accepts, with the client's other variables kept
    document = parse(sent_plan.upstream)
    assert validate(SHOPIFY, document) == []
    assert "$lines" not in sent_plan.upstream
    assert sent == {
        "cart": "c1",
        "note": "hi",
        "__gw_lines_0": [
            {"merchandiseId": "v1", "quantity": 2, "attributes": [{"key": "gift", "value": "yes"}]}
        ],
    }
    assert sent_plan.variables == frozenset(sent)
    for key in (LINES_KEY, WARNINGS_KEY, ERRORS_KEY):
        assert f"{key}:" in sent_plan.upstream
    assert sent_plan.upstream.count(LINES_KEY) == 1  # only the capped field is asked more


def test_a_literal_cart_input_is_replaced_whole(composed_schema: GraphQLSchema) -> None:
    text = """mutation { cartCreate(input: {note: "n", buyerIdentity: {countryCode: FR}, lines: [{merchandiseId: "v1", quantity: 3}]}) { cart { id } } }"""
    operation, variables, plan, _ = prepared(composed_schema, text, {})
    [ask] = read_asks(composed_schema, operation, variables)

    sent_plan, sent = rewritten(
        composed_schema, plan, {}, [(ask, [Cap(0, 1, NOT_ENOUGH, "Only 1…", None, "v1")], frozenset())]
    )

    assert validate(SHOPIFY, parse(sent_plan.upstream)) == []
    assert sent == {
        "__gw_input_0": {
            "note": "n",
            "buyerIdentity": {"countryCode": "FR"},
            "lines": [{"merchandiseId": "v1", "quantity": 1}],
        }
    }


def _answer(warnings: list[dict[str, str]], errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    lines = {
        "nodes": [{"id": "old", "merchandise": {"id": "v1"}}, {"id": "new", "merchandise": {"id": "v2"}}]
    }
    return {
        "data": {
            "added": {
                "problems": list(warnings),
                "warnings": list(warnings),
                LINES_KEY: {"lines": lines},
                WARNINGS_KEY: warnings,
                ERRORS_KEY: errors or [],
            }
        }
    }


def _checked(
    schema: GraphQLSchema,
    plan: Plan,
    operation: OperationDefinitionNode,
    variables: dict[str, Any],
    *caps: Cap,
) -> Checked:
    """The check of ADD with these caps, its cart having held the line `old`."""
    [ask] = read_asks(schema, operation, variables)
    return Checked(plan, {}, [(ask, list(caps), frozenset({"old"}))])


def test_warnings_follow_the_client_s_selection_and_new_lines_are_read_from_shopify_s_answer(
    composed_schema: GraphQLSchema,
) -> None:
    # given: caps of an existing line and of a line Shopify made
    operation, variables, plan, fragments = prepared(composed_schema, ADD, VARIABLES)
    raised = Cap(0, 1, NOT_ENOUGH, "Only 1 item was added…", None, "v1")
    made = Cap(1, 2, NOT_ENOUGH, "Only 2 items were added…", None, "v2")
    checked = _checked(composed_schema, plan, operation, variables, raised, made)
    answer = _answer([])
    body: dict[str, Any] = {"data": {"added": {"problems": [], "warnings": []}}}

    # when
    checked.warn(operation, fragments, variables, body, answer)

    # then
    assert body["data"]["added"] == {
        "problems": [
            {"__typename": "CartWarning", "kind": NOT_ENOUGH, "target": "old"},
            {"__typename": "CartWarning", "kind": NOT_ENOUGH, "target": "new"},
        ],
        "warnings": [{"message": "Only 1 item was added…"}, {"message": "Only 2 items were added…"}],
    }


def test_a_warning_shopify_gave_is_not_repeated_and_a_refused_change_warns_of_nothing(
    composed_schema: GraphQLSchema,
) -> None:
    operation, variables, plan, fragments = prepared(composed_schema, ADD, VARIABLES)
    cap = Cap(0, 1, NOT_ENOUGH, "Only 1 item was added…", "old", "v1")
    shopify_s = {"code": NOT_ENOUGH, "target": "old", "message": "Only 0…"}

    repeated: dict[str, Any] = {"data": {"added": {"problems": [], "warnings": []}}}
    _checked(composed_schema, plan, operation, variables, cap).warn(
        operation, fragments, variables, repeated, _answer([shopify_s])
    )
    refused: dict[str, Any] = {"data": {"added": {"problems": [], "warnings": []}}}
    _checked(composed_schema, plan, operation, variables, cap).warn(
        operation, fragments, variables, refused, _answer([], [{"code": "INVALID"}])
    )

    assert repeated["data"]["added"] == {"problems": [], "warnings": []}
    assert refused["data"]["added"] == {"problems": [], "warnings": []}
