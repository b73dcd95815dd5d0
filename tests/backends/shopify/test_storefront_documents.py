"""Every document the gateway's Storefront connector sends validates against Shopify's own schema."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from gateway.backends.shopify import storefront_documents as documents

from .shopify_specs import needs_specs, real_storefront

pytestmark = needs_specs

STATIC = {
    name: getattr(documents, name)
    for name in (
        "PRODUCTS_BY_IDS",
        "VARIANTS_BY_IDS",
        "COLLECTIONS_BY_IDS",
        "PRODUCTS",
        "COLLECTIONS",
        "COLLECTION_PRODUCTS",
        "SEARCH",
        "SHOP",
    )
}
BUILT = {
    "products by 1 handle": documents.by_handles("product", 1),
    "products by 50 handles": documents.by_handles("product", 50),
    "collections by 3 handles": documents.by_handles("collection", 3),
    "menus by 2 handles": documents.menus(2),
}


@pytest.mark.parametrize(("name", "document"), [*STATIC.items(), *BUILT.items()], ids=lambda v: v[:40])
def test_document_is_valid_at_shopify(name: str, document: str) -> None:
    assert [error.message for error in validate(real_storefront(), parse(document))] == []


def test_every_document_carries_the_in_context_variables() -> None:
    for document in [*STATIC.values(), *BUILT.values()]:
        assert "@inContext(country: $country, language: $language)" in document
