"""What only the Storefront API keeps: carts and customer access tokens.

Cart tokens are a base64 of a region and a ULID, as Shopify's are; a cart is found only with its
key. Tokens come from the emulator's seeded random source, so a run is reproducible.
"""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sandbox.shopify.ids import parse_gid
from sandbox.shopify.records import CustomerRecord

from .cart_records import Cart, CartLine

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TOKEN_LIFETIME = timedelta(days=14)
"""How long a customer access token lasts."""
CART_METAFIELD_ID_BASE = 25_400_000_000_000


@dataclass(slots=True)
class CustomerToken:
    customer: CustomerRecord
    expires_at: datetime


class StorefrontState:
    """Carts and customer access tokens of one emulator."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self.carts: dict[str, Cart] = {}
        self.tokens: dict[str, CustomerToken] = {}
        self._metafields = CART_METAFIELD_ID_BASE

    def _ulid(self, now: datetime) -> str:
        millis = int(now.timestamp() * 1000)
        stamp = "".join(CROCKFORD[(millis >> shift) & 31] for shift in range(45, -5, -5))
        return stamp + "".join(self._rng.choice(CROCKFORD) for _ in range(16))

    def new_cart(self, now: datetime, country: str | None) -> Cart:
        raw = f"gcp-europe-west4:{self._ulid(now)}".encode()
        token = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        cart = Cart(token, f"{self._rng.getrandbits(128):032x}", now, now, country)
        self.carts[token] = cart
        return cart

    def cart(self, cart_id: str) -> Cart | None:
        """The cart a `gid://shopify/Cart/…?key=…` id names; None without the right key."""
        parsed = parse_gid(cart_id)
        if parsed is None or parsed.kind != "Cart":
            return None
        cart = self.carts.get(parsed.key)
        if cart is None or parsed.query != f"key={cart.key}":
            return None
        return cart

    def new_line_id(self, cart: Cart) -> str:
        value = f"{self._rng.getrandbits(128):032x}"
        uuid = f"{value[:8]}-{value[8:12]}-4{value[13:16]}-a{value[17:20]}-{value[20:]}"
        return f"gid://shopify/CartLine/{uuid}?cart={cart.token}"

    def new_metafield_id(self) -> int:
        """Cart metafields are numbered across carts, after the catalog's."""
        self._metafields += 1
        return self._metafields

    def issue_token(self, customer: CustomerRecord, now: datetime) -> tuple[str, CustomerToken]:
        token = f"{self._rng.getrandbits(128):032x}"
        issued = CustomerToken(customer, now + TOKEN_LIFETIME)
        self.tokens[token] = issued
        return token, issued

    def customer_for(self, token: str | None, now: datetime) -> CustomerRecord | None:
        issued = self.tokens.get(token or "")
        if issued is None or issued.expires_at <= now:
            return None
        return issued.customer


__all__ = ["Cart", "CartLine", "CustomerToken", "StorefrontState"]
