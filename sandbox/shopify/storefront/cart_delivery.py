"""The buyer's delivery choices: `cartDeliveryAddresses{Add,Replace,Update,Remove}` and
`cartSelectedDeliveryOptionsUpdate`, with `Cart.delivery` and its addresses.

A cart holds up to 20 addresses, at most one selected. Every address needs its country; with
`validationStrategy: STRICT` the street, city, last name and a postal code of the country's form
are required too. Whatever the strategy, text fields refuse HTML, URLs and more than 255
characters. An address already on the cart is not added twice (a `DUPLICATE_DELIVERY_ADDRESS`
warning names the one kept). `copyFromCustomerAddressId` copies the signed-in customer's address.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.shopify.markets import COUNTRIES
from sandbox.shopify.records import CustomerRecord

from .cart_payloads import Payload, UserError, Warning, update, user_error
from .cart_records import Cart, DeliveryAddress, SelectableAddress
from .context import Info
from .delivery_groups import delivery_groups

MAX_ADDRESSES = 20
"""Delivery addresses one cart holds."""
MAX_FIELD_LENGTH = 255

INPUT_FIELDS = {
    "address1": "address1",
    "address2": "address2",
    "city": "city",
    "company": "company",
    "countryCode": "country_code",
    "firstName": "first_name",
    "lastName": "last_name",
    "phone": "phone",
    "provinceCode": "province_code",
    "zip": "zip",
}
"""`CartDeliveryAddressInput` field → `DeliveryAddress` attribute."""

STRICT_REQUIRED = {
    "address1": "Enter an address",
    "city": "Enter a city",
    "lastName": "Enter a last name",
    "zip": "Enter a ZIP / postal code",
}

POSTAL_CODES = {
    "AT": r"\d{4}",
    "BE": r"\d{4}",
    "CH": r"\d{4}",
    "DE": r"\d{5}",
    "DK": r"\d{4}",
    "ES": r"\d{5}",
    "FR": r"\d{5}",
    "GB": r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}",
    "IT": r"\d{5}",
    "NL": r"\d{4} ?[A-Z]{2}",
    "PL": r"\d{2}-\d{3}",
    "US": r"\d{5}(-\d{4})?",
}
"""The postal code forms STRICT validation knows, by country."""

HTML_TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"https?://|www\.", re.IGNORECASE)


def _text_errors(spec: dict[str, Any], path: list[str]) -> list[UserError]:
    errors = []
    for name, value in spec.items():
        if name == "countryCode" or not isinstance(value, str):
            continue
        where = [*path, name]
        if len(value) > MAX_FIELD_LENGTH:
            errors.append(user_error(where, f"{name} is too long", "ADDRESS_FIELD_IS_TOO_LONG"))
        elif HTML_TAG.search(value):
            errors.append(
                user_error(where, f"{name} can't contain HTML tags", "ADDRESS_FIELD_CONTAINS_HTML_TAGS")
            )
        elif URL.search(value):
            errors.append(user_error(where, f"{name} can't contain a URL", "ADDRESS_FIELD_CONTAINS_URL"))
    return errors


def _strict_errors(spec: dict[str, Any], path: list[str]) -> list[UserError]:
    errors = [
        user_error([*path, name], message, "ADDRESS_FIELD_IS_REQUIRED")
        for name, message in STRICT_REQUIRED.items()
        if not (spec.get(name) or "").strip()
    ]
    country, zip_code = spec.get("countryCode"), (spec.get("zip") or "").strip()
    pattern = POSTAL_CODES.get(country or "")
    if zip_code and pattern and not re.fullmatch(pattern, zip_code.upper()):
        name = COUNTRIES[country][0] if country in COUNTRIES else country
        errors.append(
            user_error(
                [*path, "zip"], f"Enter a valid ZIP / postal code for {name}", "INVALID_ZIP_CODE_FOR_COUNTRY"
            )
        )
    return errors


def _customer_address(customer: CustomerRecord | None, address_id: str) -> DeliveryAddress | None:
    if customer is None or address_id.partition("?")[0] != customer.address.gid:
        return None
    a = customer.address
    return DeliveryAddress(
        a.country_code, a.address1, None, a.city, None, a.first_name, a.last_name, a.phone, None, a.zip
    )


def _address(
    cart: Cart, spec: dict[str, Any], strategy: str, path: list[str]
) -> tuple[DeliveryAddress | None, list[UserError]]:
    """The address a `CartAddressInput` describes, or why it cannot be used."""
    copy_from: str | None = spec.get("copyFromCustomerAddressId")
    typed: dict[str, Any] | None = spec.get("deliveryAddress")
    if (copy_from is None) == (typed is None):
        message = "Provide either a delivery address or a customer address to copy"
        return None, [user_error(path, message, "INVALID")]
    if copy_from is not None:
        copied = _customer_address(cart.customer, copy_from)
        if copied is None:
            where = [*path, "copyFromCustomerAddressId"]
            return None, [
                user_error(where, "The customer address does not exist", "INVALID_DELIVERY_ADDRESS_ID")
            ]
        return copied, []
    assert typed is not None
    where = [*path, "deliveryAddress"]
    errors = _text_errors(typed, where)
    if not typed.get("countryCode"):
        errors.insert(0, user_error([*where, "countryCode"], "Select a country", "ADDRESS_FIELD_IS_REQUIRED"))
    if strategy == "STRICT":
        errors += _strict_errors(typed, where)
    if errors:
        return None, errors
    fields = {INPUT_FIELDS[name]: value for name, value in typed.items() if name in INPUT_FIELDS}
    return DeliveryAddress(**fields), []


def _one_selected(specs: list[dict[str, Any]], path: list[str]) -> list[UserError]:
    if sum(1 for spec in specs if spec.get("selected")) > 1:
        return [
            user_error(
                path, "Only one delivery address can be selected", "ONLY_ONE_DELIVERY_ADDRESS_CAN_BE_SELECTED"
            )
        ]
    return []


def add_addresses(
    cart: Cart, specs: list[dict[str, Any]], path: list[str], *, replacing: bool = False
) -> tuple[list[UserError], list[Warning]]:
    """Add `CartSelectableAddressInput`s to the cart (all of them or, on any userError, none)."""
    kept = [] if replacing else list(cart.addresses)
    errors = _one_selected(specs, path)
    new: list[tuple[DeliveryAddress, dict[str, Any]]] = []
    for index, spec in enumerate(specs):
        strategy = spec.get("validationStrategy") or "COUNTRY_CODE_ONLY"
        address, problems = _address(cart, spec["address"], strategy, [*path, str(index), "address"])
        errors += problems
        if address is not None:
            new.append((address, spec))
    warnings: list[Warning] = []
    unique: list[tuple[DeliveryAddress, dict[str, Any]]] = []
    twins: list[SelectableAddress] = []
    for address, spec in new:
        twin = next((a for a in kept if a.address == address), None)
        if twin is not None:
            warnings.append(_duplicate(twin))
            if spec.get("selected"):
                twins.append(twin)
        elif all(address != other for other, _ in unique):
            unique.append((address, spec))
    if len(kept) + len(unique) > MAX_ADDRESSES:
        errors.append(
            user_error(
                path,
                f"A cart can have up to {MAX_ADDRESSES} delivery addresses",
                "TOO_MANY_DELIVERY_ADDRESSES",
            )
        )
    if errors:
        return errors, []
    added = [
        SelectableAddress(
            f"gid://shopify/CartSelectableAddress/{cart.next_number()}?cart={cart.token}",
            address,
            bool(spec.get("selected")),
            bool(spec.get("oneTimeUse")),
        )
        for address, spec in unique
    ]
    # Selecting an address, new or already there, deselects the one selected before.
    chosen = next((a for a in added if a.selected), None) or next(iter(twins), None)
    if chosen is not None:
        for other in kept:
            other.selected = other is chosen
    cart.addresses = [*kept, *added]
    return [], warnings


def _duplicate(kept: SelectableAddress) -> Warning:
    return {
        "code": "DUPLICATE_DELIVERY_ADDRESS",
        "message": "This delivery address is already on the cart",
        "target": kept.id,
    }


def cart_delivery_addresses_add(
    _root: None, info: Info, cartId: str, addresses: list[dict[str, Any]]
) -> Payload:
    return update(info, cartId, lambda cart: add_addresses(cart, addresses, ["addresses"]))


def cart_delivery_addresses_replace(
    _root: None, info: Info, cartId: str, addresses: list[dict[str, Any]]
) -> Payload:
    return update(info, cartId, lambda cart: add_addresses(cart, addresses, ["addresses"], replacing=True))


def _unknown_address(path: list[str]) -> UserError:
    return user_error(path, "The delivery address does not exist", "INVALID_DELIVERY_ADDRESS_ID")


def cart_delivery_addresses_update(
    _root: None, info: Info, cartId: str, addresses: list[dict[str, Any]]
) -> Payload:
    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        by_id = {address.id: address for address in cart.addresses}
        errors = _one_selected(addresses, ["addresses"])
        changes: list[tuple[SelectableAddress, DeliveryAddress | None, dict[str, Any]]] = []
        for index, spec in enumerate(addresses):
            path = ["addresses", str(index)]
            target = by_id.get(spec["id"])
            if target is None:
                errors.append(_unknown_address([*path, "id"]))
                continue
            replacement = None
            if spec.get("address") is not None:
                strategy = spec.get("validationStrategy") or "COUNTRY_CODE_ONLY"
                replacement, problems = _address(cart, spec["address"], strategy, [*path, "address"])
                errors += problems
            changes.append((target, replacement, spec))
        if errors:
            return errors, []
        for target, replacement, spec in changes:
            if replacement is not None:
                target.address = replacement
            if spec.get("oneTimeUse") is not None:
                target.one_time_use = spec["oneTimeUse"]
            if spec.get("selected") is not None:
                if spec["selected"]:
                    for other in cart.addresses:
                        other.selected = False
                target.selected = spec["selected"]
        return [], []

    return update(info, cartId, change)


def cart_delivery_addresses_remove(_root: None, info: Info, cartId: str, addressIds: list[str]) -> Payload:
    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        known = {address.id for address in cart.addresses}
        errors = [
            _unknown_address(["addressIds", str(index)])
            for index, address_id in enumerate(addressIds)
            if address_id not in known
        ]
        if not errors:
            cart.addresses = [address for address in cart.addresses if address.id not in addressIds]
        return errors, []

    return update(info, cartId, change)


def cart_selected_delivery_options_update(
    _root: None, info: Info, cartId: str, selectedDeliveryOptions: list[dict[str, str]]
) -> Payload:
    ctx = info.context

    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        groups = {group.id: group for group in delivery_groups(cart, ctx.store)}
        errors: list[UserError] = []
        chosen: dict[str, str] = {}
        for index, selection in enumerate(selectedDeliveryOptions):
            path = ["selectedDeliveryOptions", str(index)]
            group = groups.get(selection["deliveryGroupId"])
            if group is None:
                message = "The delivery group does not exist"
                errors.append(user_error([*path, "deliveryGroupId"], message, "INVALID_DELIVERY_GROUP"))
            elif all(option.handle != selection["deliveryOptionHandle"] for option in group.options):
                message = "The delivery option is not available for this delivery group"
                errors.append(user_error([*path, "deliveryOptionHandle"], message, "INVALID_DELIVERY_OPTION"))
            else:
                chosen[group.group_type] = selection["deliveryOptionHandle"]
        if not errors:
            cart.selected_options.update(chosen)
        return errors, []

    return update(info, cartId, change)


# Resolvers


def _addresses(cart: Cart, info: Info, selected: bool = False) -> list[SelectableAddress]:
    return [address for address in cart.addresses if address.selected or not selected]


def _formatted(
    address: DeliveryAddress, info: Info, withName: bool = False, withCompany: bool = True
) -> list[str]:
    lines = []
    if withName and (address.first_name or address.last_name):
        lines.append(" ".join(part for part in (address.first_name, address.last_name) if part))
    if withCompany and address.company:
        lines.append(address.company)
    lines += [part for part in (address.address1, address.address2) if part]
    lines.append(" ".join(part for part in (address.zip, address.city) if part))
    lines.append(_country_name(address.country_code))
    return [line for line in lines if line]


def _country_name(code: str | None) -> str:
    return COUNTRIES[code][0] if code in COUNTRIES else code or ""


def _name(address: DeliveryAddress, info: Info) -> str | None:
    parts = [part for part in (address.first_name, address.last_name) if part]
    return " ".join(parts) or None


def _formatted_area(address: DeliveryAddress, info: Info) -> str:
    return ", ".join(part for part in (address.city, _country_name(address.country_code)) if part)


CART_DELIVERY_RESOLVERS: dict[str, dict[str, Any]] = {
    "Mutation": {
        "cartDeliveryAddressesAdd": cart_delivery_addresses_add,
        "cartDeliveryAddressesReplace": cart_delivery_addresses_replace,
        "cartDeliveryAddressesUpdate": cart_delivery_addresses_update,
        "cartDeliveryAddressesRemove": cart_delivery_addresses_remove,
        "cartSelectedDeliveryOptionsUpdate": cart_selected_delivery_options_update,
    },
    "Cart": {"delivery": lambda cart, info: cart},
    "CartDelivery": {"addresses": _addresses},
    "CartSelectableAddress": {
        "id": lambda address, info: address.id,
        "address": lambda address, info: address.address,
        "selected": lambda address, info: address.selected,
        "oneTimeUse": lambda address, info: address.one_time_use,
    },
    "CartDeliveryAddress": {
        "address1": lambda a, info: a.address1,
        "address2": lambda a, info: a.address2,
        "city": lambda a, info: a.city,
        "company": lambda a, info: a.company,
        "countryCode": lambda a, info: a.country_code,
        "firstName": lambda a, info: a.first_name,
        "lastName": lambda a, info: a.last_name,
        "phone": lambda a, info: a.phone,
        "provinceCode": lambda a, info: a.province_code,
        "zip": lambda a, info: a.zip,
        "name": _name,
        "formatted": _formatted,
        "formattedArea": _formatted_area,
        "latitude": lambda a, info: None,
        "longitude": lambda a, info: None,
    },
}

__all__ = ["CART_DELIVERY_RESOLVERS", "MAX_ADDRESSES", "add_addresses"]
