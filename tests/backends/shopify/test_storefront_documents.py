"""Every document the gateway's Storefront connector sends validates against Shopify's own schema."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from gateway.backends.shopify import storefront_documents as documents
from gateway.models.catalog import Detail
from tests.shopify_specs import needs_specs, real_storefront

pytestmark = needs_specs

STATIC = {
    name: getattr(documents, name)
    for name in ("VARIANTS_BY_IDS", "COLLECTIONS_BY_IDS", "COLLECTIONS", "SHOP")
}
BUILT = {
    **{
        f"{build.__name__} ({detail})": build(detail)
        for build in (
            documents.products_by_ids,
            documents.products,
            documents.collection_products,
            documents.search,
        )
        for detail in Detail
    },
    **{
        f"collection with products by {by} ({detail})": documents.collection_with_products(by, detail)
        for by in ("handle", "id")
        for detail in Detail
    },
    "products by 1 handle (card)": documents.by_handles("product", 1, Detail.CARD),
    "products by 50 handles (full)": documents.by_handles("product", 50, Detail.FULL),
    "collections by 3 handles": documents.by_handles("collection", 3),
    "menus by 2 handles": documents.menus(2),
}


@pytest.mark.parametrize(("name", "document"), [*STATIC.items(), *BUILT.items()], ids=lambda v: v[:40])
def test_document_is_valid_at_shopify(name: str, document: str) -> None:
    assert [error.message for error in validate(real_storefront(), parse(document))] == []


def test_the_card_is_a_strict_subset_of_the_full_product() -> None:
    card, full = (documents.DETAILED[d]["GatewayProduct"] for d in (Detail.CARD, Detail.FULL))

    assert len(card) < len(full)
    assert "description" not in card
    assert "description" in full


def test_every_document_carries_the_in_context_variables() -> None:
    for document in [*STATIC.values(), *BUILT.values()]:
        assert "@inContext(country: $country, language: $language)" in document
