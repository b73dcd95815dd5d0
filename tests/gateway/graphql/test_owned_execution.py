"""The gateway's own types run for every site of an answer: plain selections without graphql-core.

A selection of plain leaf fields (a card's `content { name }`, a variant's `stock { available }`)
is completed directly; every other one goes through graphql-core. Both must give the same answer:
the same selection with an `@include(if: true)` (which sends it to graphql-core) is the reference.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from graphql import FieldNode, OperationDefinitionNode, parse

from gateway.graphql.grafting import Site
from gateway.graphql.owned_execution import Group, OwnedExecutor
from gateway.models import content as content_models, stock as stock_models
from schema.catalog.content import ProductContent
from schema.catalog.stock import VariantStock
from schema.extensions import EXTENSIONS

EXECUTOR = OwnedExecutor(EXTENSIONS)
WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def content(sku: Any = "TEE-1", name: str | None = "T-shirt") -> ProductContent:
    model = content_models.ProductContent(
        sku=sku,
        uuid="u-1",
        name=content_models.Localized({"fr_FR": name} if name else {}),
        description=content_models.Localized({}),
        features={},
        attributes=(),
        media=(),
        categories=(),
        updated_at=WHEN,
    )
    return ProductContent.from_model(model, "fr_FR", "en_US")


def stock(on_hand: int) -> VariantStock:
    warehouse = stock_models.Warehouse("1", "Lyon", "LYO")
    model = stock_models.VariantStock("TEE-1", (stock_models.WarehouseStock(warehouse, on_hand, 1),))
    return VariantStock.from_model(model, 5)


def run(parent: str, field: str, selection: str, values: list[Any]) -> tuple[list[Any], list[str], bool]:
    """Each value's answer under `selection`, the errors' messages and paths, and whether the
    answers were completed without graphql-core."""
    operation = parse(f"{{ x {{ {field} {selection} }} }}").definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    [outer] = operation.selection_set.selections
    assert isinstance(outer, FieldNode)
    assert outer.selection_set is not None
    [node] = outer.selection_set.selections
    assert isinstance(node, FieldNode)
    sites = [
        Site(parent, field, {}, field, (node,), {}, ("x", index, field), {}) for index in range(len(values))
    ]
    plain = EXECUTOR._plain(Group("g0", sites, values)) is not None
    errors = EXECUTOR.execute([Group("g0", sites, values)], {}, (), {})
    return [site.target[field] for site in sites], [f"{e.message} at {e.path}" for e in errors], plain


@pytest.mark.parametrize(
    ("parent", "field", "selection", "values"),
    [
        ("Product", "content", "{ name }", [content(), content(name=None)]),
        ("Product", "content", "{ __typename sku title: name name updatedAt locale }", [content()]),
        ("ProductVariant", "stock", "{ available lowStock inStock reserved }", [stock(3), stock(40)]),
    ],
    ids=["name", "aliases, typename and a date", "stock"],
)
def test_a_plain_selection_is_answered_as_graphql_core_answers_it(
    parent: str, field: str, selection: str, values: list[Any]
) -> None:
    reference = selection.replace("{ ", "{ __typename @include(if: true) ", 1)

    plain = run(parent, field, selection, values)
    executed = run(parent, field, reference, values)

    assert (plain[2], executed[2]) == (True, False)
    assert plain[1] == executed[1] == []
    rows = executed[0]
    if "__typename" not in selection:  # the reference asked for it too
        rows = [{k: v for k, v in row.items() if k != "__typename"} for row in rows]
    assert plain[0] == rows
    assert list(plain[0][0]) == list(rows[0])  # the client's order of keys


def test_a_null_the_schema_forbids_is_graphql_cores_error() -> None:
    answers, errors, plain = run("Product", "content", "{ sku name }", [content(), content(sku=None)])

    assert not plain

    assert answers == [{"sku": "TEE-1", "name": "T-shirt"}, None]
    assert errors == [
        "Cannot return null for non-nullable field ProductContent.sku. at ['x', 1, 'content', 'sku']"
    ]


def test_nested_selections_and_fragments_still_run_through_graphql_core() -> None:
    answers, errors, plain = run(
        "ProductVariant", "stock", "{ available warehouses { warehouse { code } available } }", [stock(3)]
    )

    assert not plain
    assert errors == []
    assert answers == [{"available": 2, "warehouses": [{"warehouse": {"code": "LYO"}, "available": 2}]}]


def test_a_value_whose_field_cannot_be_read_is_graphql_cores_error() -> None:
    answers, errors, plain = run("Product", "content", "{ name }", [content(), object()])

    assert not plain
    assert answers[0] == {"name": "T-shirt"}
    assert answers[1] == {"name": None}  # a nullable field: null where it failed
    assert len(errors) == 1
    assert errors[0].endswith("at ['x', 1, 'content', 'name']")
