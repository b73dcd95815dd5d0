"""Checks property writes the way HubSpot does: every invalid property reported in one 400.

The error's `message` embeds a JSON array of per-property results and `errors` lists them again,
each with `code` (PROPERTY_DOESNT_EXIST, READ_ONLY_VALUE, INVALID_OPTION, INVALID_LONG, ...).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .errors import HubSpotError, validation_error
from .properties import PROPERTIES, PropertyDefinition
from .timestamps import iso_ms, parse_moment

PORTAL_ID = 146_201_583
"""The sandbox portal (HubSpot account) id; validation messages and webhooks carry it."""

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True, slots=True)
class Issue:
    """One refused property of a write, as HubSpot lists it in the error."""

    name: str
    value: str
    code: str
    message: str


def _as_text(value: object) -> str | None:
    """HubSpot accepts JSON numbers and booleans for properties and stores their text."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return None


def _options_text(definition: PropertyDefinition) -> str:
    items = [
        f'label: "{label}"\nvalue: "{value}"\ndisplay_order: {index}\nhidden: false\nread_only: false\n'
        for index, (label, value) in enumerate(definition.options)
    ]
    return "[" + ", ".join(items) + "]"


def _check_value(definition: PropertyDefinition, text: str) -> tuple[str, Issue | None]:
    name = definition.name
    if definition.type == "number":
        try:
            Decimal(text)
        except InvalidOperation:
            return text, Issue(name, text, "INVALID_LONG", f"{text} was not a valid long.")
        return text, None
    if definition.type in ("datetime", "date"):
        moment = parse_moment(text)
        if moment is None:
            return text, Issue(name, text, "INVALID_LONG", f"{text} was not a valid long.")
        return iso_ms(moment), None
    if definition.type == "bool":
        if text.lower() not in ("true", "false"):
            message = f"{text} was not one of the allowed options: {_options_text(definition)}"
            return text, Issue(name, text, "INVALID_OPTION", message)
        return text.lower(), None
    if definition.type == "enumeration":
        allowed = {value for _, value in definition.options}
        chosen = [part for part in text.split(";") if part] if definition.multiple else [text]
        for part in chosen:
            if part not in allowed:
                message = f"{part} was not one of the allowed options: {_options_text(definition)}"
                return text, Issue(name, text, "INVALID_OPTION", message)
        return text, None
    if name == "email" and not _EMAIL.fullmatch(text):
        return text, Issue(name, text, "INVALID_EMAIL", f"Email address {text} is invalid")
    return text, None


def check_properties(raw: object) -> dict[str, str | None]:
    """The stored text of each written property (`None` clears it), or a HubSpotError for the lot."""
    if not isinstance(raw, dict):
        raise validation_error("Invalid input JSON: properties must be an object of property names to values")
    values: dict[str, str | None] = {}
    issues: list[Issue] = []
    for name, value in raw.items():
        definition = PROPERTIES.get(name)
        text = "" if value is None else _as_text(value)
        if text is None:
            raise validation_error(f"Invalid input JSON: the value of property {name} must be a string")
        if definition is None:
            issues.append(Issue(name, text, "PROPERTY_DOESNT_EXIST", f'Property "{name}" does not exist'))
            continue
        if definition.read_only:
            message = f'"{name}" is a calculated property; its value cannot be set.'
            issues.append(Issue(name, text, "READ_ONLY_VALUE", message))
            continue
        if text == "":
            # An empty string is how HubSpot clients clear a property.
            values[name] = None
            continue
        stored, issue = _check_value(definition, text)
        if issue is not None:
            issues.append(issue)
        else:
            values[name] = stored
    if issues:
        raise _invalid(issues)
    return values


def _invalid(issues: list[Issue]) -> HubSpotError:
    embedded = [
        {
            "isValid": False,
            "message": issue.message,
            "error": issue.code,
            "name": issue.name,
            "localizedErrorMessage": issue.message,
            "propertyValue": issue.value,
            "portalId": PORTAL_ID,
        }
        for issue in issues
    ]
    message = "Property values were not valid: " + json.dumps(
        embedded, separators=(",", ":"), ensure_ascii=False
    )
    errors = [
        {"message": issue.message, "code": issue.code, "context": {"propertyName": [issue.name]}}
        for issue in issues
    ]
    return validation_error(message, errors=errors)


__all__ = ["PORTAL_ID", "check_properties"]
