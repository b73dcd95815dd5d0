"""A cart's delivery groups: the lines shipped together, their delivery options and the choice made.

Shopify works groups out once the cart has a selected delivery address and something to ship:
lines bought once travel in one group, lines bought on a selling plan in another. Options follow the address's delivery
zone (`cart_seed.SHIPPING_RATES`), with local pickup at the shop's locations in the address's
country; carrier-calculated rates are listed only when `withCarrierRates: true` asks, as
Shopify's are. No option is selected until `cartSelectedDeliveryOptionsUpdate` picks one; a pick
the address no longer offers falls away.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sandbox.seed import Localized
from sandbox.shopify.cart_seed import (
    PICKUP_COUNTRIES,
    PICKUP_DESCRIPTION,
    SHIPPING_RATES,
    delivery_zone,
    pickup_title,
)
from sandbox.shopify.markets import Market
from sandbox.shopify.money import money
from sandbox.shopify.records import AddressRecord
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.store import Store

from .cart_market import cart_market
from .cart_records import Cart, CartLine, SelectableAddress
from .context import Info

ONE_TIME_PURCHASE = "ONE_TIME_PURCHASE"
SUBSCRIPTION = "SUBSCRIPTION"
GROUP_TYPES = (ONE_TIME_PURCHASE, SUBSCRIPTION)
"""One group for what is bought once, one for what is bought on a selling plan."""


@dataclass(frozen=True, slots=True)
class DeliveryOption:
    handle: str
    code: str
    title: Localized
    description: Localized
    price: Decimal
    """In EUR; converted to the cart's currency when shown."""
    method: str
    """`DeliveryMethodType`."""
    carrier: bool


def _handle(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:32]


def _options(country: str, store: Store) -> tuple[DeliveryOption, ...]:
    zone = delivery_zone(country)
    if zone is None:
        return ()
    options = [
        DeliveryOption(
            _handle(zone.value, rate.code),
            rate.code,
            rate.title,
            rate.description,
            rate.price,
            "SHIPPING",
            rate.carrier,
        )
        for rate in SHIPPING_RATES[zone]
    ]
    options += [
        DeliveryOption(
            _handle("pickup", location.id),
            location.code,
            pickup_title(location.name),
            PICKUP_DESCRIPTION,
            Decimal(0),
            "PICK_UP",
            carrier=False,
        )
        for location in store.locations.values()
        if PICKUP_COUNTRIES.get(location.code) == country
    ]
    return tuple(options)


def delivery_options(country: str | None, store: Store) -> tuple[DeliveryOption, ...]:
    """Every option for an address in `country`, carrier rates included."""
    if country is None:
        return ()
    return store.lasting(("delivery-options", country), lambda: _options(country, store))


@dataclass(frozen=True, slots=True)
class DeliveryGroup:
    id: str
    group_type: str
    cart: Cart
    lines: tuple[CartLine, ...]
    address: SelectableAddress
    options: tuple[DeliveryOption, ...]
    selected: DeliveryOption | None
    with_carrier_rates: bool = False


def _group_id(cart: Cart, group_type: str) -> str:
    number = int(hashlib.sha256(f"{cart.token}:{group_type}".encode()).hexdigest()[:12], 16)
    return f"gid://shopify/CartDeliveryGroup/{number}"


def delivery_groups(cart: Cart, store: Store) -> list[DeliveryGroup]:
    address = cart.selected_address
    if address is None:
        return []
    options = delivery_options(address.address.country_code, store)
    groups = []
    for group_type in GROUP_TYPES:
        subscribed = group_type == SUBSCRIPTION
        lines = tuple(
            ln for ln in cart.lines if ln.quantity > 0 and (ln.selling_plan is not None) == subscribed
        )
        if not lines:
            continue
        chosen = cart.selected_options.get(group_type)
        selected = next((option for option in options if option.handle == chosen), None)
        groups.append(
            DeliveryGroup(_group_id(cart, group_type), group_type, cart, lines, address, options, selected)
        )
    return groups


def selected_shipping(cart: Cart, market: Market, store: Store) -> Decimal:
    """What the selected delivery options cost, in the market's currency."""
    return sum(
        (market.convert(group.selected.price) for group in delivery_groups(cart, store) if group.selected),
        Decimal(0),
    )


# Resolvers


def _groups(cart: Cart, info: Info, withCarrierRates: bool = False, **args: Any) -> Connection[DeliveryGroup]:
    groups = [
        replace(group, with_carrier_rates=withCarrierRates)
        for group in delivery_groups(cart, info.context.store)
    ]
    return list_connection(groups, args)


def _offered(group: DeliveryGroup, info: Info) -> list[tuple[DeliveryGroup, DeliveryOption]]:
    return [(group, option) for option in group.options if group.with_carrier_rates or not option.carrier]


def _selected(group: DeliveryGroup, info: Info) -> tuple[DeliveryGroup, DeliveryOption] | None:
    return (group, group.selected) if group.selected else None


def mailing_address(selectable: SelectableAddress) -> AddressRecord:
    """A cart address in the `MailingAddress` form older fields return."""
    address = selectable.address
    mailing_id = int(hashlib.sha256(selectable.id.encode()).hexdigest()[:12], 16)
    return AddressRecord(
        mailing_id,
        f"gid://shopify/MailingAddress/{mailing_id}",
        address.first_name or "",
        address.last_name or "",
        address.address1 or "",
        address.city or "",
        address.zip or "",
        address.country_code or "",
        address.phone or "",
    )


def _estimated_cost(offer: tuple[DeliveryGroup, DeliveryOption], info: Info) -> dict[str, str]:
    group, option = offer
    market = cart_market(group.cart, info.context)
    return money(market.convert(option.price), market.currency)


DELIVERY_GROUP_RESOLVERS: dict[str, dict[str, Any]] = {
    "Cart": {"deliveryGroups": _groups},
    "CartDeliveryGroup": {
        "id": lambda group, info: group.id,
        "groupType": lambda group, info: group.group_type,
        "cartLines": lambda group, info, **args: list_connection(group.lines, args),
        "deliveryAddress": lambda group, info: mailing_address(group.address),
        "deliveryOptions": _offered,
        "selectedDeliveryOption": _selected,
    },
    "CartDeliveryOption": {
        "handle": lambda offer, info: offer[1].handle,
        "code": lambda offer, info: offer[1].code,
        "title": lambda offer, info: offer[1].title.get(info.context.locale),
        "description": lambda offer, info: offer[1].description.get(info.context.locale),
        "deliveryMethodType": lambda offer, info: offer[1].method,
        "estimatedCost": _estimated_cost,
    },
}

__all__ = [
    "DELIVERY_GROUP_RESOLVERS",
    "DeliveryGroup",
    "DeliveryOption",
    "delivery_groups",
    "delivery_options",
    "mailing_address",
    "selected_shipping",
]
