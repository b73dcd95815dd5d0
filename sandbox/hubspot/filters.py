"""HubSpot's CRM search DSL: filter groups ORed, filters within a group ANDed, one sort, offset paging.

Comparisons follow the property's type: numbers as decimals, datetimes as epoch milliseconds
(values may be sent as milliseconds or ISO dates), booleans and strings case-insensitively,
multiple-checkbox values as sets of options. `NEQ`, `NOT_IN`, `NOT_CONTAINS_TOKEN` and
`NOT_HAS_PROPERTY` match contacts where the property is unset, as HubSpot's index does.
`CONTAINS_TOKEN` matches a whole token (or the whole value) and takes `*` wildcards.

Groups holding an `EQ`/`IN` on `email` or `hs_object_id` start from the store's indexes, so a
100-email `IN` costs 100 dict hits, not a scan.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .bodies import JsonBody
from .errors import invalid_json, validation_error
from .properties import PROPERTIES, QUERY_PROPERTIES, PropertyDefinition
from .store import Contact, ContactStore
from .timestamps import parse_moment

OPERATORS = (
    "BETWEEN",
    "CONTAINS_TOKEN",
    "EQ",
    "GT",
    "GTE",
    "HAS_PROPERTY",
    "IN",
    "LT",
    "LTE",
    "NEQ",
    "NOT_CONTAINS_TOKEN",
    "NOT_HAS_PROPERTY",
    "NOT_IN",
)
MAX_FILTER_GROUPS = 5
"""Raised from 3 on 2024-08-26 (HubSpot changelog)."""
MAX_FILTERS_PER_GROUP = 6
MAX_FILTERS = 18
DEFAULT_LIMIT = 10
MAX_LIMIT = 200
MAX_RESULTS = 10_000
"""Searches never page past the first 10,000 results."""
MAX_QUERY_LENGTH = 3000

SEARCH_FIELDS = ("after", "filterGroups", "limit", "properties", "query", "sorts")
_GROUP_FIELDS = ("filters",)
_FILTER_FIELDS = ("highValue", "operator", "propertyName", "value", "values")
_SORT_FIELDS = ("direction", "propertyName")
_INDEXED = frozenset({"email", "hs_object_id"})
_TOKEN_SPLIT = re.compile(r"[\s;,]+")

Comparable = Decimal | int | str


@dataclass(frozen=True, slots=True)
class Filter:
    """One parsed filter: the property, the operator and its operands (already typed)."""

    definition: PropertyDefinition
    operator: str
    value: Comparable | None = None
    high_value: Comparable | None = None
    values: frozenset[Comparable] = frozenset()
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Search:
    """A validated search request."""

    groups: tuple[tuple[Filter, ...], ...]
    query: str | None
    sort: tuple[PropertyDefinition, bool] | None
    """The sort property and whether it is descending."""
    properties: list[str] | None
    limit: int
    after: int


def _typed(definition: PropertyDefinition, raw: object) -> Comparable:
    """The filter operand in the property's comparison domain, or a 400 if it has none there."""
    if isinstance(raw, bool):
        text = "true" if raw else "false"
    elif isinstance(raw, int | float | str):
        text = str(raw)
    else:
        raise validation_error(f"Invalid input JSON: the value for {definition.name} must be a string")
    if definition.type == "number":
        try:
            return Decimal(text)
        except InvalidOperation:
            raise validation_error(f"{text} is not a valid number for property {definition.name}") from None
    if definition.type in ("datetime", "date"):
        moment = parse_moment(text)
        if moment is None:
            raise validation_error(f"{text} is not a valid date for property {definition.name}")
        return int(moment.timestamp() * 1000)
    return text.lower()


def _stored(definition: PropertyDefinition, value: str) -> Comparable | None:
    if definition.type == "number":
        try:
            return Decimal(value)
        except InvalidOperation:
            return None
    if definition.type in ("datetime", "date"):
        moment = parse_moment(value)
        return int(moment.timestamp() * 1000) if moment else None
    return value.lower()


def _parse_filter(body: JsonBody, raw: object) -> Filter:
    item = body.check(raw, "Filter", _FILTER_FIELDS)
    name = item.get("propertyName")
    operator = item.get("operator")
    if not isinstance(name, str) or not name:
        raise validation_error("Invalid input JSON: propertyName is required")
    if operator not in OPERATORS:
        accepted = ", ".join(OPERATORS)
        error = invalid_json(
            f'Cannot deserialize value of type `FilterOperator` from String "{operator}": '
            f"not one of the values accepted for Enum class: [{accepted}]",
            **body.position(f'"{operator}"'),
        )
        error.category = "VALIDATION_ERROR"
        raise error
    definition = PROPERTIES.get(name)
    if definition is None:
        message = f'Property "{name}" does not exist'
        raise validation_error(
            message,
            errors=[
                {"message": message, "code": "PROPERTY_DOESNT_EXIST", "context": {"propertyName": [name]}}
            ],
        )
    if operator in ("HAS_PROPERTY", "NOT_HAS_PROPERTY"):
        return Filter(definition, operator)
    if operator in ("IN", "NOT_IN"):
        values = item.get("values")
        if not isinstance(values, list) or not values:
            raise validation_error(f"{operator} filters require a non-empty values list for {name}")
        return Filter(definition, operator, values=frozenset(_typed(definition, v) for v in values))
    if item.get("value") is None:
        raise validation_error(f"{operator} filters require a value for {name}")
    value = _typed(definition, item["value"])
    raw_text = str(item["value"]).lower()
    if operator == "BETWEEN":
        if item.get("highValue") is None:
            raise validation_error(f"BETWEEN filters require a highValue for {name}")
        return Filter(definition, operator, value, _typed(definition, item["highValue"]), raw=raw_text)
    return Filter(definition, operator, value, raw=raw_text)


def _parse_sort(body: JsonBody, sorts: object) -> tuple[PropertyDefinition, bool] | None:
    if sorts is None or sorts == []:
        return None
    if not isinstance(sorts, list):
        raise validation_error("Invalid input JSON: sorts must be a list")
    if len(sorts) > 1:
        raise validation_error("Only one sort is supported per search.")
    sort = sorts[0]
    if isinstance(sort, str):
        name, descending = sort.removeprefix("-"), sort.startswith("-")
    else:
        spec = body.check(sort, "Sort", _SORT_FIELDS)
        name = spec.get("propertyName", "")
        direction = spec.get("direction", "ASCENDING")
        if direction not in ("ASCENDING", "DESCENDING"):
            raise validation_error(f"{direction} is not a valid sort direction; use ASCENDING or DESCENDING")
        descending = direction == "DESCENDING"
    definition = PROPERTIES.get(name) if isinstance(name, str) else None
    if definition is None:
        raise validation_error(f'Property "{name}" does not exist')
    return definition, descending


def _int_field(data: dict[str, Any], key: str, default: int) -> int:
    value = data.get(key)
    if value is None:
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise validation_error(f"Invalid input JSON: {key} must be an integer, got {value!r}") from None


def parse_search(body: JsonBody) -> Search:
    data = body.data
    groups_raw = data.get("filterGroups") or []
    if not isinstance(groups_raw, list):
        raise validation_error("Invalid input JSON: filterGroups must be a list")
    if len(groups_raw) > MAX_FILTER_GROUPS:
        raise validation_error(
            f"Too many filter groups: {len(groups_raw)}. The maximum is {MAX_FILTER_GROUPS}."
        )
    groups: list[tuple[Filter, ...]] = []
    for raw_group in groups_raw:
        group = body.check(raw_group, "FilterGroup", _GROUP_FIELDS)
        filters = group.get("filters") or []
        if not isinstance(filters, list):
            raise validation_error("Invalid input JSON: filters must be a list")
        if len(filters) > MAX_FILTERS_PER_GROUP:
            raise validation_error(
                f"Too many filters in a filter group: {len(filters)}. The maximum is {MAX_FILTERS_PER_GROUP}."
            )
        groups.append(tuple(_parse_filter(body, f) for f in filters))
    total = sum(len(g) for g in groups)
    if total > MAX_FILTERS:
        raise validation_error(f"Too many filters: {total}. The maximum is {MAX_FILTERS} across all groups.")
    query = data.get("query")
    if query is not None and (not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH):
        raise validation_error(f"query must be a string of at most {MAX_QUERY_LENGTH} characters")
    limit = _int_field(data, "limit", DEFAULT_LIMIT)
    if not 1 <= limit <= MAX_LIMIT:
        raise validation_error(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    after = _int_field(data, "after", 0)
    if after < 0:
        raise validation_error(f"after must not be negative, got {after}")
    if after >= MAX_RESULTS:
        raise validation_error(
            f"Cannot page past the first {MAX_RESULTS} results of a search (after={after}). Narrow the filters."
        )
    properties = data.get("properties")
    if properties is not None and (
        not isinstance(properties, list) or not all(isinstance(p, str) for p in properties)
    ):
        raise validation_error("Invalid input JSON: properties must be a list of strings")
    return Search(
        tuple(g for g in groups if g),
        query or None,
        _parse_sort(body, data.get("sorts")),
        properties,
        limit,
        after,
    )


def _tokens(value: str) -> list[str]:
    lowered = value.lower()
    return [lowered, *_TOKEN_SPLIT.split(lowered)]


def _contains_token(value: str, pattern: str) -> bool:
    tokens = _tokens(value)
    if "*" in pattern:
        return any(fnmatch.fnmatchcase(token, pattern) for token in tokens)
    return pattern in tokens


def _matches(contact: Contact, f: Filter) -> bool:
    raw = contact.properties.get(f.definition.name)
    present = raw is not None and raw != ""
    op = f.operator
    if op == "HAS_PROPERTY":
        return present
    if op == "NOT_HAS_PROPERTY":
        return not present
    negated = op in ("NEQ", "NOT_IN", "NOT_CONTAINS_TOKEN")
    if not present:
        return negated
    assert raw is not None
    if op in ("CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"):
        return _contains_token(raw, f.raw) != negated
    if f.definition.multiple:
        chosen = {part.lower() for part in raw.split(";") if part}
        if op in ("EQ", "NEQ"):
            return (f.value in chosen) != negated
        if op in ("IN", "NOT_IN"):
            return bool(chosen & f.values) != negated
        return False
    value = _stored(f.definition, raw)
    if value is None:
        return negated
    if op == "EQ":
        return value == f.value
    if op == "NEQ":
        return value != f.value
    if op == "IN":
        return value in f.values
    if op == "NOT_IN":
        return value not in f.values
    return _ordered(op, value, f)


def _ordered(op: str, value: Comparable, f: Filter) -> bool:
    # Operands of one filter share the property's domain, so mixed-type comparisons cannot occur.
    low: Any = f.value
    if op == "LT":
        return bool(value < low)
    if op == "LTE":
        return bool(value <= low)
    if op == "GT":
        return bool(value > low)
    if op == "GTE":
        return bool(value >= low)
    if op == "BETWEEN":
        high: Any = f.high_value
        return bool(low <= value <= high)
    return False


def _candidates(store: ContactStore, group: tuple[Filter, ...]) -> Iterable[Contact] | None:
    """Contacts an indexed `EQ`/`IN` filter narrows the group to, or None when it needs a scan."""
    for f in group:
        name = f.definition.name
        if name not in _INDEXED or f.operator not in ("EQ", "IN"):
            continue
        keys = [f.value] if f.operator == "EQ" else list(f.values)
        found: list[Contact] = []
        for key in keys:
            text = str(key)
            contact = store.by_email(text) if name == "email" else store.get(text)
            if contact is not None:
                found.append(contact)
        return found
    return None


def _matches_query(contact: Contact, query: str) -> bool:
    needle = query.lower()
    for name in QUERY_PROPERTIES:
        value = contact.properties.get(name)
        if value and needle in value.lower():
            return True
    return False


def run_search(store: ContactStore, search: Search) -> list[Contact]:
    """Every matching contact, in the requested order (by id when no sort is given)."""
    if not search.groups:
        matched: list[Contact] = list(store)
    else:
        by_id: dict[str, Contact] = {}
        for group in search.groups:
            pool = _candidates(store, group)
            for contact in store if pool is None else pool:
                if contact.id not in by_id and all(_matches(contact, f) for f in group):
                    by_id[contact.id] = contact
        matched = sorted(by_id.values(), key=lambda c: int(c.id))
    if search.query:
        matched = [c for c in matched if _matches_query(c, search.query)]
    if search.sort is not None:
        definition, descending = search.sort
        keyed: list[tuple[Any, Contact]] = []
        missing: list[Contact] = []
        for contact in matched:
            raw = contact.properties.get(definition.name)
            key = _stored(definition, raw) if raw else None
            if key is None:
                missing.append(contact)
            else:
                keyed.append((key, contact))
        # Keys of one property share a type; contacts without a value come last either way.
        keyed.sort(key=lambda pair: pair[0], reverse=descending)
        matched = [contact for _, contact in keyed] + missing
    return matched


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_FILTERS",
    "MAX_FILTERS_PER_GROUP",
    "MAX_FILTER_GROUPS",
    "MAX_LIMIT",
    "MAX_RESULTS",
    "OPERATORS",
    "SEARCH_FIELDS",
    "Filter",
    "Search",
    "parse_search",
    "run_search",
]
