"""Cart metafields: written with `cartMetafieldsSet` or at creation, read back, checked, deleted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import generate

from .hydrogen_cart import HydrogenCart
from .sandbox_client import ShopifySandbox, running

STOREFRONT_CART_METAFIELDS = """
query CartMetafields($id: ID!) {
  cart(id: $id) {
    gift: metafield(namespace: "custom", key: "gift") { ...Field }
    own: metafield(key: "wrapping") { ...Field }
    alias: metafield(namespace: "$app", key: "wrapping") { key }
    metafields(identifiers: [{namespace: "custom", key: "gift"}, {namespace: "custom", key: "absent"}]) { key }
  }
}

fragment Field on Metafield { id namespace key type value createdAt updatedAt }
"""

STOREFRONT_CART_METAFIELDS_SET = """
mutation CartMetafieldsSet($metafields: [CartMetafieldsSetInput!]!) {
  cartMetafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value }
    userErrors { code elementIndex field message }
  }
}
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(40)) as sandbox:
        yield sandbox


async def fields(shop: ShopifySandbox, cart_id: str | None) -> dict[str, Any]:
    found: dict[str, Any] = (await shop.storefront(STOREFRONT_CART_METAFIELDS, {"id": cart_id})).data["cart"]
    return found


async def test_metafields_set_read_back_and_keep_their_id_when_changed(shop: ShopifySandbox) -> None:
    # given
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create()

    # when
    first = await hydrogen.set_metafields(
        [
            {"key": "custom.gift", "type": "boolean", "value": "true"},
            {"key": "wrapping", "type": "single_line_text_field", "value": "red"},
        ]
    )
    before = await fields(shop, hydrogen.cart_id)
    await hydrogen.set_metafields([{"key": "custom.gift", "type": "boolean", "value": "false"}])
    after = await fields(shop, hydrogen.cart_id)

    # then
    assert first == {"userErrors": []}
    assert before["gift"]["namespace"] == "custom"
    assert before["gift"]["value"] == "true"
    assert before["gift"]["id"].startswith("gid://shopify/Metafield/")
    assert before["own"]["namespace"].startswith("app--")
    assert (before["own"]["key"], before["own"]["value"]) == ("wrapping", "red")
    assert before["alias"] == {"key": "wrapping"}
    assert before["metafields"] == [{"key": "gift"}, None]
    assert after["gift"]["id"] == before["gift"]["id"]
    assert after["gift"]["value"] == "false"
    assert after["gift"]["createdAt"] == before["gift"]["createdAt"]


async def test_one_bad_metafield_sets_none(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create()
    reply = await shop.storefront(
        STOREFRONT_CART_METAFIELDS_SET,
        {
            "metafields": [
                {"ownerId": hydrogen.cart_id, "key": "custom.gift", "type": "boolean", "value": "true"},
                {
                    "ownerId": hydrogen.cart_id,
                    "key": "custom.count",
                    "type": "number_integer",
                    "value": "two",
                },
                {"ownerId": hydrogen.cart_id, "key": "custom.size", "type": "shoe_size", "value": "42"},
                {"ownerId": hydrogen.cart_id, "key": "x", "type": "json", "value": "{}"},
                {
                    "ownerId": "gid://shopify/Cart/nope?key=nope",
                    "key": "custom.note",
                    "type": "json",
                    "value": "[]",
                },
            ]
        },
    )
    payload = reply.data["cartMetafieldsSet"]
    assert payload["metafields"] is None
    assert payload["userErrors"] == [
        {
            "code": "INVALID_VALUE",
            "elementIndex": 1,
            "field": ["metafields", "1", "value"],
            "message": "Value is not a valid number_integer",
        },
        {
            "code": "INVALID_TYPE",
            "elementIndex": 2,
            "field": ["metafields", "2", "type"],
            "message": "Type 'shoe_size' is not a supported metafield type",
        },
        {
            "code": "TOO_SHORT",
            "elementIndex": 3,
            "field": ["metafields", "3", "key"],
            "message": "Key must be 2 to 64 characters long",
        },
        {
            "code": "INVALID_OWNER",
            "elementIndex": 4,
            "field": ["metafields", "4", "ownerId"],
            "message": "Owner does not exist",
        },
    ]
    assert (await fields(shop, hydrogen.cart_id))["gift"] is None


async def test_metafields_set_returns_what_it_wrote(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create()
    reply = await shop.storefront(
        STOREFRONT_CART_METAFIELDS_SET,
        {
            "metafields": [
                {
                    "ownerId": hydrogen.cart_id,
                    "key": "custom.tags",
                    "type": "list.single_line_text_field",
                    "value": '["a","b"]',
                }
            ]
        },
    )
    [written] = reply.data["cartMetafieldsSet"]["metafields"]
    assert {k: written[k] for k in ("namespace", "key", "type", "value")} == {
        "namespace": "custom",
        "key": "tags",
        "type": "list.single_line_text_field",
        "value": '["a","b"]',
    }


async def test_cart_create_takes_metafields_and_refuses_bad_ones(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    created = await hydrogen.create(metafields=[{"key": "custom.gift", "type": "boolean", "value": "true"}])
    refused = await HydrogenCart(shop, country="DE").create(
        metafields=[{"key": "custom.gift", "type": "boolean", "value": "yes"}]
    )
    assert created["userErrors"] == []
    assert (await fields(shop, hydrogen.cart_id))["gift"]["value"] == "true"
    assert refused["cart"] is None
    assert refused["userErrors"] == [
        {
            "code": "INVALID_METAFIELDS",
            "field": ["input", "metafields", "0", "value"],
            "message": "Value is not a valid boolean",
        }
    ]


async def test_deleting_a_metafield_of_a_missing_cart_names_the_owner(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, cart_id="gid://shopify/Cart/nope?key=nope")
    payload = await hydrogen.delete_metafield("custom.gift")
    assert payload == {
        "errors": [
            {"code": "INVALID_OWNER", "field": ["input", "ownerId"], "message": "Owner does not exist"}
        ]
    }
