"""What a cart costs in its market: line prices, discount codes, shipping, gift cards and totals.

The order is Shopify's: product codes take their share off each entitled line (the line's total
falls), order codes off the subtotal and shipping codes off the selected delivery option (both
listed on the cart, not on lines); gift cards pay what is then due, in the order applied. One code
per scope applies; a second of the same scope is not honoured. `subtotalAmount` is after line
discounts and before cart discounts, `totalAmount` what is left to pay, and `checkoutChargeAmount`
the subtotal (the sandbox has no deferred payments). Amounts round half up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sandbox.shopify.cart_seed import DiscountCode, DiscountScope, GiftCard, discount_code, gift_cards
from sandbox.shopify.markets import SHOP_CURRENCY, Market
from sandbox.shopify.money import CENT, format_amount
from sandbox.shopify.store import Store

from .cart_records import Cart, CartLine
from .delivery_groups import selected_shipping

HUNDRED = Decimal(100)


class MoneyValue(dict[str, str]):
    """A `MoneyV2` inside the `PricingValue` union: read like any MoneyV2, told apart by its class."""


@dataclass(frozen=True, slots=True)
class PercentageValue:
    """`PricingPercentageValue`."""

    percentage: float


@dataclass(frozen=True, slots=True)
class CodeAllocation:
    """A discount code's share of one line or of the cart (`CartCodeDiscountAllocation`)."""

    code: str
    amount: Decimal
    currency: str
    target_type: str
    """`DiscountApplicationTargetType`: LINE_ITEM or SHIPPING_LINE."""
    target_selection: str
    """`DiscountApplicationTargetSelection`: ALL or ENTITLED."""
    allocation_method: str
    """`DiscountApplicationAllocationMethod`: ACROSS or EACH."""
    value: MoneyValue | PercentageValue


@dataclass(frozen=True, slots=True)
class LinePrice:
    unit: Decimal
    compare_at: Decimal | None
    subtotal: Decimal
    """Before line-level discounts."""
    allocations: tuple[CodeAllocation, ...]

    @property
    def total(self) -> Decimal:
        return self.subtotal - sum((a.amount for a in self.allocations), Decimal(0))


@dataclass(frozen=True, slots=True)
class CodeOutcome:
    code: str
    """As the buyer typed it."""
    applicable: bool
    warning: str | None
    """The `CartWarningCode` explaining why the code does not apply."""


@dataclass(frozen=True, slots=True)
class GiftCardUse:
    card: GiftCard
    used: Decimal
    """In the cart's currency."""
    currency: str
    """The cart's."""
    used_in_card_currency: Decimal
    """In the card's currency (EUR)."""


@dataclass(frozen=True, slots=True)
class Pricing:
    market: Market
    lines: dict[str, LinePrice]
    """By line id."""
    subtotal: Decimal
    cart_allocations: tuple[CodeAllocation, ...]
    shipping: Decimal
    gift_cards: tuple[GiftCardUse, ...]
    codes: tuple[CodeOutcome, ...]

    @property
    def currency(self) -> str:
        return self.market.currency

    @property
    def due(self) -> Decimal:
        """What the buyer owes before gift cards pay their part."""
        discounts = sum((a.amount for a in self.cart_allocations), Decimal(0))
        return self.subtotal + self.shipping - discounts

    @property
    def total(self) -> Decimal:
        return self.due - sum((use.used for use in self.gift_cards), Decimal(0))

    def money(self, amount: Decimal) -> dict[str, str]:
        return {"amount": format_amount(amount), "currencyCode": self.currency}


def shop_gift_cards(store: Store) -> dict[str, GiftCard]:
    """The shop's gift cards by code, drawn once per store."""
    cards = store.lasting(("gift-cards",), lambda: gift_cards(store.seed))
    return {card.code: card for card in cards}


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, ROUND_HALF_UP)


def _line_price(line: CartLine, market: Market) -> LinePrice:
    """A line's unit price; under a selling plan, the plan's price, the regular one as compare-at."""
    regular = market.convert(line.variant.price)
    compare_at = market.convert(line.variant.compare_at_price) if line.variant.compare_at_price else None
    plan = line.selling_plan
    unit = plan.price(regular) if plan else regular
    if plan and unit < regular:
        compare_at = max(compare_at or regular, regular)
    return LinePrice(unit, compare_at, unit * line.quantity, allocations=())


def _allocation(
    discount: DiscountCode, entered: str, amount: Decimal, currency: str, *, entitled: bool
) -> CodeAllocation:
    value: MoneyValue | PercentageValue
    if discount.percentage is not None:
        value = PercentageValue(float(discount.percentage))
    else:
        assert discount.amount is not None
        value = MoneyValue(amount=format_amount(discount.amount), currencyCode=SHOP_CURRENCY)
    shipping = discount.scope is DiscountScope.SHIPPING
    return CodeAllocation(
        entered,
        amount,
        currency,
        "SHIPPING_LINE" if shipping else "LINE_ITEM",
        "ENTITLED" if entitled else "ALL",
        "EACH" if entitled else "ACROSS",
        value,
    )


def _off(discount: DiscountCode, base: Decimal, market: Market) -> Decimal:
    if discount.percentage is not None:
        return _cents(base * discount.percentage / HUNDRED)
    assert discount.amount is not None
    return min(market.convert(discount.amount), base)


class _Pricer:
    """Applies a cart's codes scope by scope, noting each code's outcome under its position."""

    def __init__(self, cart: Cart, market: Market, store: Store) -> None:
        self.cart, self.market, self.store = cart, market, store
        self.lines = {line.id: _line_price(line, market) for line in cart.lines}
        self.outcomes: dict[int, CodeOutcome] = {}
        self.cart_allocations: list[CodeAllocation] = []
        self.has_items = any(line.quantity > 0 for line in cart.lines)

    def codes(self, scope: DiscountScope) -> list[tuple[int, str, DiscountCode]]:
        found = []
        for position, entered in enumerate(self.cart.discount_codes):
            discount = discount_code(entered)
            if discount is None:
                self.outcomes[position] = CodeOutcome(entered, False, "DISCOUNT_NOT_FOUND")
            elif discount.scope is scope:
                found.append((position, entered, discount))
        return found

    def refuse(self, position: int, entered: str, warning: str) -> None:
        self.outcomes[position] = CodeOutcome(entered, False, warning)

    def accept(self, position: int, entered: str) -> None:
        self.outcomes[position] = CodeOutcome(entered, True, None)

    def apply_product_codes(self) -> None:
        applied = False
        for position, entered, discount in self.codes(DiscountScope.PRODUCT):
            entitled = [
                line
                for line in self.cart.lines
                if line.quantity > 0 and line.variant.product.product_type == discount.product_type
            ]
            if applied:
                self.refuse(position, entered, "DISCOUNT_CODE_NOT_HONOURED")
                continue
            if not entitled:
                self.refuse(position, entered, "DISCOUNT_NO_ENTITLED_LINE_ITEMS")
                continue
            for line in entitled:
                price = self.lines[line.id]
                share = _allocation(
                    discount,
                    entered,
                    _off(discount, price.subtotal, self.market),
                    self.market.currency,
                    entitled=True,
                )
                self.lines[line.id] = LinePrice(
                    price.unit, price.compare_at, price.subtotal, (*price.allocations, share)
                )
            applied = True
            self.accept(position, entered)

    def apply_order_codes(self, subtotal: Decimal) -> None:
        applied = False
        for position, entered, discount in self.codes(DiscountScope.ORDER):
            minimum = discount.minimum_subtotal
            if not self.has_items:
                self.refuse(position, entered, "DISCOUNT_NO_ENTITLED_LINE_ITEMS")
            elif applied:
                self.refuse(position, entered, "DISCOUNT_CODE_NOT_HONOURED")
            elif minimum is not None and subtotal < self.market.convert(minimum):
                self.refuse(position, entered, "DISCOUNT_PURCHASE_NOT_IN_RANGE")
            else:
                amount = _off(discount, subtotal, self.market)
                self.cart_allocations.append(
                    _allocation(discount, entered, amount, self.market.currency, entitled=False)
                )
                applied = True
                self.accept(position, entered)

    def apply_shipping_codes(self, shipping: Decimal) -> None:
        applied = False
        for position, entered, discount in self.codes(DiscountScope.SHIPPING):
            if not self.has_items:
                self.refuse(position, entered, "DISCOUNT_NO_ENTITLED_SHIPPING_LINES")
            elif applied:
                self.refuse(position, entered, "DISCOUNT_CODE_NOT_HONOURED")
            else:
                if shipping > 0:
                    amount = _off(discount, shipping, self.market)
                    self.cart_allocations.append(
                        _allocation(discount, entered, amount, self.market.currency, entitled=False)
                    )
                applied = True
                self.accept(position, entered)

    def gift_cards(self, due: Decimal) -> tuple[GiftCardUse, ...]:
        cards = shop_gift_cards(self.store)
        uses = []
        for code in self.cart.gift_card_codes:
            card = cards[code]
            available = self.market.convert(card.balance)
            used = min(available, max(due, Decimal(0)))
            due -= used
            in_card_currency = card.balance if used == available else _cents(used / self.market.rate)
            uses.append(GiftCardUse(card, used, self.market.currency, in_card_currency))
        return tuple(uses)


def cart_pricing(cart: Cart, market: Market, store: Store) -> Pricing:
    """The cart's prices in `market`, worked out once per version of the cart."""
    key = (cart.revision, market.country)
    if cart.priced is not None and cart.priced[0] == key:
        priced: Pricing = cart.priced[1]
        return priced
    pricer = _Pricer(cart, market, store)
    pricer.apply_product_codes()
    subtotal = sum((price.total for price in pricer.lines.values()), Decimal(0))
    pricer.apply_order_codes(subtotal)
    shipping = selected_shipping(cart, market, store)
    pricer.apply_shipping_codes(shipping)
    discounts = sum((a.amount for a in pricer.cart_allocations), Decimal(0))
    pricing = Pricing(
        market,
        pricer.lines,
        subtotal,
        tuple(pricer.cart_allocations),
        shipping,
        pricer.gift_cards(subtotal + shipping - discounts),
        tuple(pricer.outcomes[position] for position in sorted(pricer.outcomes)),
    )
    cart.priced = (key, pricing)
    return pricing


__all__ = [
    "CodeAllocation",
    "CodeOutcome",
    "GiftCardUse",
    "LinePrice",
    "MoneyValue",
    "PercentageValue",
    "Pricing",
    "cart_pricing",
    "shop_gift_cards",
]
