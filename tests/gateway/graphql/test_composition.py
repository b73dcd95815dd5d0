"""Composition: Shopify's schema as served, the gateway's fields added, every ambiguity refused by name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import strawberry
from graphql import GraphQLObjectType, GraphQLSchema, build_schema, get_named_type, print_schema

from gateway.graphql.composition import CompositionError, changes, compose
from schema import STRAWBERRY_CONFIG
from schema.extensions import EXTENSIONS
from schema.joins import Extension, SiteInput
from tests.shopify_specs import needs_specs

SPEC = (
    Path(__file__).resolve().parents[3] / ".." / "shared" / "specs" / "shopify" / "storefront_2026-04.graphql"
)

UPSTREAM = """
"Shopify's description of a product."
type Product { id: ID! handle: String! variants(first: Int): ProductVariantConnection! }
type ProductVariantConnection { nodes: [ProductVariant!]! }
type ProductVariant { id: ID! sku: String }
type Customer { email: String }
type Order { id: ID! name: String! }
scalar URL
type Query { product(handle: String!): Product }
"""


def upstream(sdl: str = UPSTREAM) -> GraphQLSchema:
    return build_schema(sdl, assume_valid=True)


@strawberry.type(description="A label the gateway adds.")
class Badge:
    text: str = strawberry.field(description="What the badge says.")


@strawberry.type(description="Clashes with Shopify's Product.")
class ProductVariantConnection:
    total: int = strawberry.field(description="Nothing.")


async def no_values(context: Any, sites: Sequence[SiteInput]) -> list[Any]:
    return [None] * len(sites)


def badge(parent: str = "Product", field: str = "badge", requires: str = "handle") -> Extension:
    return Extension(
        parent=parent,
        field=field,
        type=Badge,
        description="The gateway's badge.",
        requires=requires,
        load=no_values,
    )


def test_the_gateway_s_fields_are_added_and_shopify_s_kept_as_served() -> None:
    composed = compose(upstream(), [badge()])

    product = composed.type_map["Product"]
    assert isinstance(product, GraphQLObjectType)
    assert list(product.fields) == ["id", "handle", "variants", "badge"]
    assert product.description == "Shopify's description of a product."
    assert product.fields["badge"].description == "The gateway's badge."
    assert str(product.fields["badge"].type) == "Badge"  # nullable: a failing system nulls only its fields
    badge_type = composed.type_map["Badge"]
    assert isinstance(badge_type, GraphQLObjectType)
    assert badge_type.fields["text"].description == "What the badge says."
    assert "GatewayCompositionProbe" not in composed.type_map


def test_a_list_valued_field_is_a_nullable_list_of_non_null_values() -> None:
    badges = Extension("Product", "badges", Badge, "The gateway's badges.", "handle", no_values, many=True)

    composed = compose(upstream(), [badges])

    product = composed.type_map["Product"]
    assert isinstance(product, GraphQLObjectType)
    assert str(product.fields["badges"].type) == "[Badge!]"


def test_a_type_named_like_shopify_s_is_refused_naming_both() -> None:
    clash = Extension("Product", "counts", ProductVariantConnection, "x", "handle", no_values)

    with pytest.raises(CompositionError) as refused:
        compose(upstream(), [clash])

    assert str(refused.value) == (
        "the gateway's type ProductVariantConnection has the name of the Storefront API's type "
        "ProductVariantConnection"
    )


def test_a_field_shopify_has_is_refused_naming_both() -> None:
    with pytest.raises(CompositionError) as refused:
        compose(upstream(), [badge(field="handle")])

    assert str(refused.value) == (
        "the gateway's field Product.handle clashes with the Storefront API's field Product.handle"
    )


def test_a_parent_shopify_lacks_is_refused() -> None:
    with pytest.raises(
        CompositionError, match="extends Article, which the Storefront API has no object type of"
    ):
        compose(upstream(), [badge(parent="Article")])


def test_a_key_shopify_cannot_answer_is_refused_naming_the_key_and_the_field() -> None:
    with pytest.raises(CompositionError) as refused:
        compose(upstream(), [badge(parent="ProductVariant", requires="barcode")])

    message = str(refused.value)
    assert message.startswith(
        "the gateway's field ProductVariant.badge is keyed by `barcode`, which the Storefront API's "
        "ProductVariant cannot answer:"
    )
    assert "Cannot query field 'barcode' on type 'ProductVariant'." in message


def test_the_gateway_s_extensions_compose_with_the_sandbox_shaped_schema() -> None:
    composed = compose(upstream(), EXTENSIONS, STRAWBERRY_CONFIG)

    assert get_named_type(composed.type_map["Product"].fields["content"].type).name == "ProductContent"  # type: ignore[attr-defined]
    assert get_named_type(composed.type_map["ProductVariant"].fields["stock"].type).name == "VariantStock"  # type: ignore[attr-defined]
    assert str(composed.type_map["Order"].fields["fulfilment"].type) == "ErpFulfilment"  # type: ignore[attr-defined]
    assert str(composed.type_map["Order"].fields["invoices"].type) == "[ErpInvoice!]"  # type: ignore[attr-defined]


@needs_specs
def test_the_gateway_s_extensions_compose_with_the_real_storefront_schema() -> None:
    real = upstream(SPEC.read_text())
    composed = compose(real, EXTENSIONS, STRAWBERRY_CONFIG)

    # Every type and field of Shopify's is there as Shopify declares it; only the gateway's are new.
    breaking, dangerous = changes(real, composed)
    assert breaking == []
    assert dangerous == []
    added = set(composed.type_map) - set(real.type_map)
    assert added == {
        "ProductContent",
        "ContentAttribute",
        "ContentMedia",
        "ContentCategory",
        "VariantStock",
        "WarehouseStock",
        "Warehouse",
        "CrmProfile",
        "CrmLoyalty",
        "CrmConsent",
        "CrmConsentChannel",
        "ChatConversationConnection",
        "ChatConversationEdge",
        "ChatConversation",
        "ChatConversationState",
        "ChatParticipant",
        "ChatPageInfo",
        "ErpFulfilment",
        "ErpDelivery",
        "ErpDeliveryLine",
        "ErpInvoice",
        "Date",
    }


def test_changes_lists_breaking_and_dangerous_ones() -> None:
    old = upstream()
    new = upstream(
        UPSTREAM.replace("handle: String! variants", "variants").replace(
            "(first: Int)", "(first: Int, reverse: Boolean)"
        )
    )

    breaking, dangerous = changes(old, new)

    assert breaking == ["FIELD_REMOVED: Field Product.handle was removed."]
    assert dangerous == ["OPTIONAL_ARG_ADDED: An optional argument Product.variants(reverse:) was added."]


def test_an_extension_s_arguments_are_composed_with_their_descriptions() -> None:
    counted = Extension(
        parent="Product",
        field="badges",
        type=Badge,
        description="The gateway's badges.",
        requires="handle",
        load=no_values,
        arguments='(\n  """How many badges, at most."""\n  first: Int = 3\n)',
    )

    composed = compose(upstream(), [counted])

    product = composed.type_map["Product"]
    assert isinstance(product, GraphQLObjectType)
    assert product.fields["badges"].args["first"].description == "How many badges, at most."
    assert 'badges(\n    """How many badges, at most."""\n    first: Int = 3\n  ): Badge' in print_schema(
        composed
    )
