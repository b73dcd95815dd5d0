"""The validation steps of Akeneo's `search` filter, in the order and words of its validator.

Shape first (every property maps to a list of `{"operator", "value"}` clauses), then category codes,
property names, the identifier limit and locales; the value helpers word type errors as Akeneo's
`InvalidPropertyTypeException` does.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from .catalog import Catalog
from .errors import AkeneoError
from .php import gettype
from .structure import IDENTIFIER, LOCALES

IDENTIFIER_LIMIT = 100
"""Values allowed in an identifier `IN` filter."""


def fail(message: str, status: int = 422) -> AkeneoError:
    return AkeneoError(status, message)


def unsupported(prop: str, operator: Any) -> AkeneoError:
    return fail(f'Filter on property "{prop}" is not supported or does not support operator "{operator}"')


def plural(codes: list[str], one: str, many: str) -> str:
    return (many if len(codes) > 1 else one) % ", ".join(codes)


def as_criteria(search: Any) -> dict[str, Any]:
    """A decoded `search` as PHP sees it: a JSON list is an array with keys "0", "1", …"""
    if isinstance(search, dict):
        return {str(k): v for k, v in search.items()}
    if isinstance(search, list):
        return {str(i): v for i, v in enumerate(search)}
    raise fail("Search query parameter should be valid JSON.", 400)


def check_structure(criteria: dict[str, Any]) -> None:
    for prop, filters in criteria.items():
        if not isinstance(filters, list) or not filters:
            example = f'{{"{prop}":[{{"operator": "my_operator", "value": "my_value"}}]}}'
            raise fail(f'Structure of filter "{prop}" should respect this structure: {example}')
        for clause in filters:
            operator = clause.get("operator") if isinstance(clause, dict) else None
            if operator is None:
                raise fail(f'Operator is missing for the property "{prop}".')
            if not isinstance(operator, str):
                raise fail(f'Operator has to be a string, "{gettype(operator)}" given.')


def check_categories(criteria: dict[str, Any], catalog: Catalog) -> None:
    unknown: list[str] = []
    for clause in criteria.get("categories", ()):
        codes = clause.get("value")
        if not isinstance(codes, list):
            continue
        for code in codes:
            code = code.strip() if isinstance(code, str) else str(code)
            if code not in catalog.structure.categories:
                unknown.append(code)
    if unknown:
        raise fail(plural(unknown, 'Category "%s" does not exist.', 'Categories "%s" do not exist.'))


def check_properties(criteria: dict[str, Any], catalog: Catalog, fields: Collection[str]) -> None:
    for prop, filters in criteria.items():
        if prop not in fields and prop not in catalog.structure.attributes:
            raise unsupported(prop, filters[0]["operator"])


def check_identifier_limit(criteria: dict[str, Any]) -> None:
    # Akeneo caps the `identifier` field at 100 values with a 400; the main identifier attribute
    # goes through the same limit, reported as a validation error (422).
    for prop, status in (("identifier", 400), (IDENTIFIER, 422)):
        clause = next((c for c in criteria.get(prop, ()) if c["operator"] == "IN"), None)
        if clause is None:
            continue
        value = clause.get("value")
        if value is None:
            raise fail(f"The {prop} filter can't contain null value")
        if isinstance(value, list) and len({str(v) for v in value}) > IDENTIFIER_LIMIT:
            raise fail(
                f"The {prop} filter can't contain more than {IDENTIFIER_LIMIT} product identifiers.", status
            )


def check_locales(criteria: dict[str, Any], search_locale: str | None) -> None:
    codes: list[str] = []
    for prop, filters in criteria.items():
        for clause in filters:
            locale = clause.get("locale")
            if locale is not None and not isinstance(locale, str):
                raise fail(f'Property "{prop}" expects a string with the key "locale".')
            if "locales" in clause:
                raise fail(f'Property "{prop}" expects an array with the key "locale".')
            if locale is not None:
                codes.append(locale)
    if search_locale is not None:
        codes.append(search_locale)
    unknown = [code for code in dict.fromkeys(codes) if code not in LOCALES]
    if unknown:
        raise fail(
            plural(
                unknown,
                'Locale "%s" does not exist or is not activated.',
                'Locales "%s" do not exist or are not activated.',
            )
        )


def expect_array(prop: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise fail(f'Property "{prop}" expects an array as data, "{gettype(value)}" given.')
    return value


def expect_strings(prop: str, value: Any) -> list[str]:
    items = expect_array(prop, value)
    if not all(isinstance(item, str) for item in items):
        raise fail(f'Property "{prop}" expects an array of strings as data.')
    return items


def expect_string(prop: str, value: Any) -> str:
    if not isinstance(value, str):
        raise fail(f'Property "{prop}" expects a string as data, "{gettype(value)}" given.')
    return value


__all__ = [
    "IDENTIFIER_LIMIT",
    "as_criteria",
    "check_categories",
    "check_identifier_limit",
    "check_locales",
    "check_properties",
    "check_structure",
    "expect_array",
    "expect_string",
    "expect_strings",
    "fail",
    "plural",
    "unsupported",
]
