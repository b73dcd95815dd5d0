"""What the shop's carts can apply: discount codes, gift cards and shipping rates.

Discount codes are the shop's published promotions, the same in every world. Gift card codes are
drawn from the world's seed (16 characters, as Shopify issues them), so a test or a demo user finds
them with `gift_cards(world.seed)`. Amounts are in the shop's currency (EUR) and convert to the
cart's market like prices do. Shipping rates follow the delivery zone of the address; each of the
shop's locations offers local pickup to addresses in its own country.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from sandbox.seed import Localized

from .markets import COUNTRIES, SHOP_COUNTRY


class DiscountScope(Enum):
    """What a discount code takes its amount off."""

    PRODUCT = "product"
    """Each entitled line (line-level: the line's total falls)."""
    ORDER = "order"
    """The cart's subtotal (cart-level: only the cart's total falls)."""
    SHIPPING = "shipping"
    """The selected delivery option."""


@dataclass(frozen=True, slots=True)
class DiscountCode:
    code: str
    title: str
    scope: DiscountScope
    percentage: Decimal | None
    """Percent off; None for a fixed amount."""
    amount: Decimal | None = None
    """Fixed amount off, in EUR."""
    minimum_subtotal: Decimal | None = None
    """Cart subtotal (EUR) the code needs before it applies."""
    product_type: str | None = None
    """The only product type a PRODUCT code applies to."""


DISCOUNT_CODES: tuple[DiscountCode, ...] = (
    DiscountCode("WELCOME10", "10% off your first order", DiscountScope.ORDER, Decimal(10)),
    DiscountCode("FREESHIP", "Free shipping", DiscountScope.SHIPPING, Decimal(100)),
    DiscountCode(
        "SAVE15",
        "€15 off orders of €100 or more",
        DiscountScope.ORDER,
        None,
        amount=Decimal(15),
        minimum_subtotal=Decimal(100),
    ),
    DiscountCode("KNIT20", "20% off sweaters", DiscountScope.PRODUCT, Decimal(20), product_type="Sweater"),
)
"""Codes are case-insensitive: `welcome10` is WELCOME10."""


def discount_code(code: str) -> DiscountCode | None:
    wanted = code.strip().upper()
    return next((discount for discount in DISCOUNT_CODES if discount.code == wanted), None)


GIFT_CARD_ID_BASE = 620_000_000_000
GIFT_CARD_BALANCES = (Decimal(10), Decimal(25), Decimal(50), Decimal(100))
GIFT_CARD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
"""Lower-case letters and digits without the look-alikes (i, l, o, 0, 1), as Shopify's codes."""


@dataclass(frozen=True, slots=True)
class GiftCard:
    id: int
    code: str
    balance: Decimal
    """What is left on the card, in EUR."""

    @property
    def gid(self) -> str:
        return f"gid://shopify/AppliedGiftCard/{self.id}"

    @property
    def last_characters(self) -> str:
        return self.code[-4:]


def gift_cards(seed: int) -> tuple[GiftCard, ...]:
    """The shop's active gift cards: one per balance in `GIFT_CARD_BALANCES`."""
    rng = random.Random(f"gift-cards:{seed}")
    return tuple(
        GiftCard(GIFT_CARD_ID_BASE + n, "".join(rng.choice(GIFT_CARD_ALPHABET) for _ in range(16)), balance)
        for n, balance in enumerate(GIFT_CARD_BALANCES)
    )


def normalized_gift_card_code(code: str) -> str:
    """Buyers type codes with spaces or dashes, in any case; the card's code has neither."""
    return "".join(ch for ch in code.lower() if ch.isalnum())


class DeliveryZone(Enum):
    DOMESTIC = "domestic"
    EUROPE = "europe"
    WORLD = "world"


EUROPEAN_UNION = frozenset(
    {"AT", "BE", "CY", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL"}
    | {"PT", "SI", "SK", "SE", "DK", "PL"}
)
"""The shop's European zone: the EU countries it sells to, besides its own."""


def delivery_zone(country: str | None) -> DeliveryZone | None:
    """The zone of an address's country; None where the shop does not ship."""
    if country == SHOP_COUNTRY:
        return DeliveryZone.DOMESTIC
    if country in EUROPEAN_UNION:
        return DeliveryZone.EUROPE
    if country in COUNTRIES:
        return DeliveryZone.WORLD
    return None


@dataclass(frozen=True, slots=True)
class ShippingRate:
    code: str
    title: Localized
    description: Localized
    price: Decimal
    """In EUR."""
    carrier: bool
    """Calculated by a carrier: offered only when `deliveryGroups(withCarrierRates: true)` asks."""


STANDARD = Localized("Standard shipping", "Livraison standard", "Standardversand")
EXPRESS = Localized("Express shipping", "Livraison express", "Expressversand")

SHIPPING_RATES: dict[DeliveryZone, tuple[ShippingRate, ...]] = {
    DeliveryZone.DOMESTIC: (
        ShippingRate(
            "Standard",
            STANDARD,
            Localized("2–3 business days", "2 à 3 jours ouvrés", "2–3 Werktage"),
            Decimal("4.90"),
            carrier=False,
        ),
        ShippingRate(
            "Express",
            EXPRESS,
            Localized("Next business day", "Jour ouvré suivant", "Nächster Werktag"),
            Decimal("9.90"),
            carrier=True,
        ),
    ),
    DeliveryZone.EUROPE: (
        ShippingRate(
            "Standard",
            STANDARD,
            Localized("3–6 business days", "3 à 6 jours ouvrés", "3–6 Werktage"),
            Decimal("9.90"),
            carrier=False,
        ),
        ShippingRate(
            "Express",
            EXPRESS,
            Localized("1–2 business days", "1 à 2 jours ouvrés", "1–2 Werktage"),
            Decimal("24.90"),
            carrier=True,
        ),
    ),
    DeliveryZone.WORLD: (
        ShippingRate(
            "International",
            Localized("International shipping", "Livraison internationale", "Internationaler Versand"),
            Localized("5–10 business days", "5 à 10 jours ouvrés", "5–10 Werktage"),
            Decimal("19.90"),
            carrier=False,
        ),
        ShippingRate(
            "Express",
            EXPRESS,
            Localized("2–4 business days", "2 à 4 jours ouvrés", "2–4 Werktage"),
            Decimal("49.90"),
            carrier=True,
        ),
    ),
}


PICKUP_COUNTRIES = {"BER": "DE", "LYS": "FR", "NWK": "US"}
"""Where each of the shop's locations stands, by location code: buyers there may pick up."""


def pickup_title(location_name: str) -> Localized:
    return Localized(
        f"Pick up at {location_name}", f"Retrait à {location_name}", f"Abholung: {location_name}"
    )


PICKUP_DESCRIPTION = Localized(
    "Usually ready in 24 hours", "Prêt en général sous 24 h", "Meist in 24 Stunden bereit"
)


__all__ = [
    "DISCOUNT_CODES",
    "PICKUP_COUNTRIES",
    "PICKUP_DESCRIPTION",
    "SHIPPING_RATES",
    "DeliveryZone",
    "DiscountCode",
    "DiscountScope",
    "GiftCard",
    "ShippingRate",
    "delivery_zone",
    "discount_code",
    "gift_cards",
    "normalized_gift_card_code",
    "pickup_title",
]
