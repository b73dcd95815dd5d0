"""Cart metafields: `cartMetafieldsSet`, `cartMetafieldDelete`, `CartInput.metafields` and
`Cart.metafield(s)`.

A key is `namespace.key`, or a bare key in the namespace Shopify reserves for the calling app
(`$app`; the sandbox's storefront token belongs to one fixed app). Values are checked against their type the way
Shopify's metafield validation does; one bad metafield sets none of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sandbox.shopify.ids import gid, parse_gid
from sandbox.shopify.merchandising.metafields import MetafieldRecord, same

from .cart_records import Cart
from .context import Info, StorefrontContext

STOREFRONT_APP_ID = 6_171_937
"""The app behind the sandbox's storefront token; bare keys live in its namespace."""
APP_NAMESPACE = f"app--{STOREFRONT_APP_ID}"
APP_ALIAS = "$app"
KEY_LENGTH = (2, 64)
NAMESPACE_LENGTH = (3, 255)
INT64 = 2**63


def _is_integer(value: str) -> bool:
    return re.fullmatch(r"[+-]?\d+", value) is not None and -INT64 <= int(value) < INT64


def _is_decimal(value: str) -> bool:
    try:
        return Decimal(value).is_finite() and re.fullmatch(r"[+-]?\d+(\.\d+)?", value) is not None
    except InvalidOperation:
        return False


def _is_json(value: str) -> bool:
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def _is_date_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_reference(kind: str) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        parsed = parse_gid(value)
        return parsed is not None and parsed.kind == kind and parsed.number is not None

    return check


SCALAR_TYPES: dict[str, Callable[[str], bool]] = {
    "boolean": lambda value: value in ("true", "false"),
    "color": lambda value: re.fullmatch(r"#[0-9A-Fa-f]{6}", value) is not None,
    "date": _is_date,
    "date_time": _is_date_time,
    "json": _is_json,
    "multi_line_text_field": lambda value: True,
    "number_decimal": _is_decimal,
    "number_integer": _is_integer,
    "single_line_text_field": lambda value: "\n" not in value,
    "url": lambda value: re.fullmatch(r"(https?|mailto|sms|tel)://?\S+", value) is not None,
    "collection_reference": _is_reference("Collection"),
    "product_reference": _is_reference("Product"),
    "variant_reference": _is_reference("ProductVariant"),
}
"""The metafield types a cart takes, with the check of a value of each."""

LIST_TYPES = {"single_line_text_field", "number_integer", "number_decimal", "date", "url", "color"}
LIST_TYPES |= {"product_reference", "variant_reference", "collection_reference"}
"""The types that also come as `list.<type>`: a JSON array of such values."""


def value_problem(type_: str, value: str) -> str | None:
    """Why `value` is no value of metafield type `type_`: an error code, or None when it is one."""
    if type_.startswith("list.") and type_[5:] in LIST_TYPES:
        item_check = SCALAR_TYPES[type_[5:]]
        try:
            items = json.loads(value)
        except ValueError:
            return "INVALID_VALUE"
        fits = isinstance(items, list) and all(isinstance(item, str) and item_check(item) for item in items)
        return None if fits else "INVALID_VALUE"
    check = SCALAR_TYPES.get(type_)
    if check is None:
        return "INVALID_TYPE"
    return None if check(value) else "INVALID_VALUE"


def _namespace(namespace: str | None) -> str:
    """`$app` (or none) stands for the calling app's own namespace."""
    return APP_NAMESPACE if namespace in (None, "", APP_ALIAS) else namespace


def split_key(key: str) -> tuple[str, str]:
    namespace, dot, bare = key.rpartition(".")
    return (_namespace(namespace), bare) if dot else (APP_NAMESPACE, key)


def metafield_problems(spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    """What is wrong with one metafield input: (input field, error code, message) each."""
    problems = []
    namespace, key = split_key(spec["key"])
    if not key.strip():
        problems.append(("key", "BLANK", "Key can't be blank"))
    elif not KEY_LENGTH[0] <= len(key) <= KEY_LENGTH[1]:
        code = "TOO_SHORT" if len(key) < KEY_LENGTH[0] else "TOO_LONG"
        problems.append(("key", code, f"Key must be {KEY_LENGTH[0]} to {KEY_LENGTH[1]} characters long"))
    elif not NAMESPACE_LENGTH[0] <= len(namespace) <= NAMESPACE_LENGTH[1]:
        code = "TOO_SHORT" if len(namespace) < NAMESPACE_LENGTH[0] else "TOO_LONG"
        bounds = f"{NAMESPACE_LENGTH[0]} to {NAMESPACE_LENGTH[1]}"
        problems.append(("key", code, f"Namespace must be {bounds} characters long"))
    if not spec["value"].strip():
        problems.append(("value", "BLANK", "Value can't be blank"))
        return problems
    problem = value_problem(spec["type"], spec["value"])
    if problem == "INVALID_TYPE":
        problems.append(("type", problem, f"Type '{spec['type']}' is not a supported metafield type"))
    elif problem == "INVALID_VALUE":
        problems.append(("value", problem, f"Value is not a valid {spec['type']}"))
    return problems


def set_metafields(ctx: StorefrontContext, cart: Cart, specs: list[dict[str, Any]]) -> list[MetafieldRecord]:
    """Write checked metafield inputs to the cart: a new value keeps the metafield's id."""
    now = ctx.store.now()
    written = []
    for spec in specs:
        namespace, key = split_key(spec["key"])
        old = cart.metafields.get((namespace, key))
        number = old.id if old else ctx.state.new_metafield_id()
        record = MetafieldRecord(
            number,
            gid("Metafield", number),
            namespace,
            key,
            spec["type"],
            same(spec["value"]),
            None,
            old.created_at if old else now,
            now,
        )
        cart.metafields[namespace, key] = record
        written.append(record)
    return written


def cart_metafields_set(_root: None, info: Info, metafields: list[dict[str, Any]]) -> dict[str, Any]:
    ctx = info.context
    errors = []
    for index, spec in enumerate(metafields):
        where = ["metafields", str(index)]
        if ctx.state.cart(spec["ownerId"]) is None:
            errors.append(_set_error([*where, "ownerId"], "INVALID_OWNER", "Owner does not exist", index))
        for name, code, message in metafield_problems(spec):
            errors.append(_set_error([*where, name], code, message, index))
    if errors:
        return {"metafields": None, "userErrors": errors}
    written = []
    for spec in metafields:
        cart = ctx.state.cart(spec["ownerId"])
        assert cart is not None
        written += set_metafields(ctx, cart, [spec])
        cart.changed(ctx.store.now())
    return {"metafields": written, "userErrors": []}


def _set_error(field: list[str], code: str, message: str, index: int) -> dict[str, Any]:
    return {"field": field, "code": code, "message": message, "elementIndex": index}


def cart_metafield_delete(_root: None, info: Info, input: dict[str, str]) -> dict[str, Any]:
    ctx = info.context
    cart = ctx.state.cart(input["ownerId"])
    if cart is None:
        error = {"field": ["input", "ownerId"], "code": "INVALID_OWNER", "message": "Owner does not exist"}
        return {"deletedId": None, "userErrors": [error]}
    removed = cart.metafields.pop(split_key(input["key"]), None)
    if removed is None:
        error = {
            "field": ["input", "key"],
            "code": "METAFIELD_DOES_NOT_EXIST",
            "message": "Metafield not found.",
        }
        return {"deletedId": None, "userErrors": [error]}
    cart.changed(ctx.store.now())
    return {"deletedId": removed.gid, "userErrors": []}


def _metafield(cart: Cart, info: Info, key: str, namespace: str | None = None) -> MetafieldRecord | None:
    return cart.metafields.get((_namespace(namespace), key))


def _metafields(cart: Cart, info: Info, identifiers: list[dict[str, str]]) -> list[MetafieldRecord | None]:
    return [_metafield(cart, info, i["key"], i.get("namespace")) for i in identifiers]


CART_METAFIELD_RESOLVERS: dict[str, dict[str, Any]] = {
    "Mutation": {"cartMetafieldsSet": cart_metafields_set, "cartMetafieldDelete": cart_metafield_delete},
    "Cart": {"metafield": _metafield, "metafields": _metafields},
}

__all__ = ["APP_NAMESPACE", "CART_METAFIELD_RESOLVERS", "metafield_problems", "set_metafields", "split_key"]
