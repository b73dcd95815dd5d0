"""A cart client that speaks to the emulator the way Hydrogen's `createCartHandler` does.

Each method sends the document Hydrogen's cart handler sends (`operations/storefront/Hydrogen*`),
with its variables: the storefront's i18n `country` and `language` on every call, the cart id the
handler keeps, `cartCreate` when a line, code or note comes before any cart exists, and the cart id
as `ownerId` of every metafield. Methods return the mutation's payload as Shopify answered it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox

Payload = dict[str, Any]


@dataclass
class HydrogenCart:
    shop: ShopifySandbox
    country: str | None = None
    language: str | None = None
    cart_id: str | None = None

    async def _send(self, operation: str, **variables: Any) -> dict[str, Any]:
        i18n = {
            name: value for name, value in (("country", self.country), ("language", self.language)) if value
        }
        reply = await self.shop.storefront(document("storefront", operation), {**i18n, **variables})
        data: dict[str, Any] = reply.data
        return data

    async def _mutate(self, operation: str, field: str, **variables: Any) -> Payload:
        payload: Payload = (await self._send(operation, **variables))[field]
        return payload

    async def get(self) -> dict[str, Any] | None:
        if self.cart_id is None:
            return None
        cart: dict[str, Any] | None = (await self._send("HydrogenCartQuery", cartId=self.cart_id))["cart"]
        return cart

    async def create(self, **cart_input: Any) -> Payload:
        payload = await self._mutate("HydrogenCartCreate", "cartCreate", input=cart_input)
        if payload["cart"]:
            self.cart_id = payload["cart"]["id"]
        return payload

    async def add_lines(self, lines: list[dict[str, Any]]) -> Payload:
        if self.cart_id is None:
            return await self.create(lines=lines)
        return await self._mutate("HydrogenCartLinesAdd", "cartLinesAdd", cartId=self.cart_id, lines=lines)

    async def update_lines(self, lines: list[dict[str, Any]]) -> Payload:
        return await self._mutate(
            "HydrogenCartLinesUpdate", "cartLinesUpdate", cartId=self.cart_id, lines=lines
        )

    async def remove_lines(self, line_ids: list[str]) -> Payload:
        return await self._mutate(
            "HydrogenCartLinesRemove", "cartLinesRemove", cartId=self.cart_id, lineIds=line_ids
        )

    async def update_discount_codes(self, codes: list[str]) -> Payload:
        unique = list(dict.fromkeys(codes))  # Hydrogen drops exact duplicates before sending
        if self.cart_id is None:
            return await self.create(discountCodes=unique)
        return await self._mutate(
            "HydrogenCartDiscountCodesUpdate",
            "cartDiscountCodesUpdate",
            cartId=self.cart_id,
            discountCodes=unique,
        )

    async def update_gift_card_codes(self, codes: list[str]) -> Payload:
        return await self._mutate(
            "HydrogenCartGiftCardCodesUpdate",
            "cartGiftCardCodesUpdate",
            cartId=self.cart_id,
            giftCardCodes=codes,
        )

    async def add_gift_card_codes(self, codes: list[str]) -> Payload:
        return await self._mutate(
            "HydrogenCartGiftCardCodesAdd", "cartGiftCardCodesAdd", cartId=self.cart_id, giftCardCodes=codes
        )

    async def remove_gift_card_codes(self, applied_ids: list[str]) -> Payload:
        return await self._mutate(
            "HydrogenCartGiftCardCodesRemove",
            "cartGiftCardCodesRemove",
            cartId=self.cart_id,
            appliedGiftCardIds=applied_ids,
        )

    async def update_buyer_identity(self, identity: dict[str, Any]) -> Payload:
        if self.cart_id is None:
            return await self.create(buyerIdentity=identity)
        return await self._mutate(
            "HydrogenCartBuyerIdentityUpdate",
            "cartBuyerIdentityUpdate",
            cartId=self.cart_id,
            buyerIdentity=identity,
        )

    async def update_note(self, note: str) -> Payload:
        if self.cart_id is None:
            return await self.create(note=note)
        return await self._mutate("HydrogenCartNoteUpdate", "cartNoteUpdate", cartId=self.cart_id, note=note)

    async def update_attributes(self, attributes: list[dict[str, str]]) -> Payload:
        if self.cart_id is None:
            return await self.create(attributes=attributes)
        return await self._mutate(
            "HydrogenCartAttributesUpdate", "cartAttributesUpdate", cartId=self.cart_id, attributes=attributes
        )

    async def update_selected_delivery_options(self, options: list[dict[str, str]]) -> Payload:
        return await self._mutate(
            "HydrogenCartSelectedDeliveryOptionsUpdate",
            "cartSelectedDeliveryOptionsUpdate",
            cartId=self.cart_id,
            selectedDeliveryOptions=options,
        )

    async def add_delivery_addresses(self, addresses: list[dict[str, Any]]) -> Payload:
        return await self._mutate(
            "HydrogenCartDeliveryAddressesAdd",
            "cartDeliveryAddressesAdd",
            cartId=self.cart_id,
            addresses=addresses,
        )

    async def update_delivery_addresses(self, addresses: list[dict[str, Any]]) -> Payload:
        return await self._mutate(
            "HydrogenCartDeliveryAddressesUpdate",
            "cartDeliveryAddressesUpdate",
            cartId=self.cart_id,
            addresses=addresses,
        )

    async def remove_delivery_addresses(self, address_ids: list[str]) -> Payload:
        return await self._mutate(
            "HydrogenCartDeliveryAddressesRemove",
            "cartDeliveryAddressesRemove",
            cartId=self.cart_id,
            addressIds=address_ids,
        )

    async def replace_delivery_addresses(self, addresses: list[dict[str, Any]]) -> Payload:
        return await self._mutate(
            "HydrogenCartDeliveryAddressesReplace",
            "cartDeliveryAddressesReplace",
            cartId=self.cart_id,
            addresses=addresses,
        )

    async def set_metafields(self, metafields: list[dict[str, str]]) -> Payload:
        owned = [{**metafield, "ownerId": self.cart_id} for metafield in metafields]
        return await self._mutate("HydrogenCartMetafieldsSet", "cartMetafieldsSet", metafields=owned)

    async def delete_metafield(self, key: str) -> Payload:
        reply = await self.shop.storefront(
            document("storefront", "HydrogenCartMetafieldDelete"),
            {"input": {"ownerId": self.cart_id, "key": key}},
        )
        payload: Payload = reply.data["cartMetafieldDelete"]
        return payload

    async def details(self, **variables: Any) -> dict[str, Any]:
        """More of the cart than Hydrogen's fragment reads: costs, discounts, delivery, metafields."""
        i18n = {
            name: value for name, value in (("country", self.country), ("language", self.language)) if value
        }
        reply = await self.shop.storefront(
            document("storefront", "CartDetails"), {**i18n, "id": self.cart_id, **variables}
        )
        cart: dict[str, Any] = reply.data["cart"]
        return cart


__all__ = ["HydrogenCart", "Payload"]
