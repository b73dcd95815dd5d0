"""`customerUpdate`: the signed-in customer changes their given and family names."""

from __future__ import annotations

from typing import Any

from sandbox.shopify.changes import CustomerUpdated

from .context import Info
from .input_checks import problem_with_text

FIELD_NAMES = {"firstName": "first name", "lastName": "last name"}

MESSAGES = {
    "TOO_LONG": "The {} is longer than 255 characters.",
    "CONTAINS_HTML_TAGS": "The {} may not contain HTML tags.",
    "CONTAINS_URL": "The {} may not contain a web address.",
}


def customer_update(_root: None, info: Info, input: dict[str, Any]) -> dict[str, Any]:
    ctx = info.context
    customer = ctx.viewer
    given = {name: value for name, value in input.items() if name in FIELD_NAMES and value is not None}
    if not given:
        error = {
            "code": "CUSTOMER_INPUT_ARGUMENT_EMPTY",
            "field": ["input"],
            "message": "Give at least one name to change.",
        }
        return {"customer": None, "userErrors": [error]}
    errors = []
    for name, value in given.items():
        code = problem_with_text(value, links_allowed=False)
        if code is not None:
            errors.append(
                {"code": code, "field": ["input", name], "message": MESSAGES[code].format(FIELD_NAMES[name])}
            )
    if errors:
        return {"customer": None, "userErrors": errors}
    if "firstName" in given:
        customer.first_name = given["firstName"].strip()
    if "lastName" in given:
        customer.last_name = given["lastName"].strip()
    customer.updated_at = ctx.store.now()
    ctx.store.touch()
    ctx.store.changes.publish(CustomerUpdated(customer))
    return {"customer": customer, "userErrors": []}


PROFILE_RESOLVERS: dict[str, dict[str, Any]] = {"Mutation": {"customerUpdate": customer_update}}

__all__ = ["PROFILE_RESOLVERS", "customer_update"]
