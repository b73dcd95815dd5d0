"""The `search` filter on product models: identifier (code), family, categories, dates and parent.

Validation shares the product filter's steps and wording; product models are few (one per world
product), so clauses compile to predicates over the code-sorted list rather than to index lookups.
Attribute-value filters are not emulated on product models and are refused as unsupported.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from .catalog import Catalog, ProductModel
from .date_filter import date_predicate
from .errors import AkeneoError
from .php import gettype
from .search_checks import as_criteria, check_categories, check_locales, check_structure
from .search_filter import FIELD_OPERATORS

ModelPredicate = Callable[[ProductModel], bool]

MODEL_OPERATORS: dict[str, frozenset[str]] = {
    "identifier": frozenset({"IN", "NOT IN", "=", "!="}),
    "family": FIELD_OPERATORS["family"],
    "categories": FIELD_OPERATORS["categories"],
    "created": FIELD_OPERATORS["created"],
    "updated": FIELD_OPERATORS["updated"],
    "parent": frozenset({"IN", "EMPTY", "NOT EMPTY"}),
}


def _unsupported(prop: str, operator: Any) -> AkeneoError:
    return AkeneoError(
        422, f'Filter on property "{prop}" is not supported or does not support operator "{operator}"'
    )


def _codes(prop: str, value: Any) -> set[str]:
    if not isinstance(value, list):
        raise AkeneoError(422, f'Property "{prop}" expects an array as data, "{gettype(value)}" given.')
    return {str(v) for v in value}


def compile_model_search(search: Any, catalog: Catalog, now: datetime | None = None) -> list[ModelPredicate]:
    """Validate a decoded `search` for product models and compile it into predicates."""
    if search is None:
        return []
    criteria = as_criteria(search)
    check_structure(criteria)
    check_categories(criteria, catalog)
    check_locales(criteria, None)
    moment = now or datetime.now(UTC)
    predicates: list[ModelPredicate] = []
    for prop, filters in criteria.items():
        for clause in filters:
            operator, value = clause["operator"], clause.get("value")
            if operator not in MODEL_OPERATORS.get(prop, frozenset()):
                raise _unsupported(prop, operator)
            predicates.append(_predicate(catalog, prop, operator, value, moment))
    return predicates


def _predicate(catalog: Catalog, prop: str, operator: str, value: Any, now: datetime) -> ModelPredicate:
    if operator == "EMPTY":
        return (lambda m: True) if prop == "parent" else (lambda m: False)
    if operator == "NOT EMPTY":
        return (lambda m: False) if prop == "parent" else (lambda m: True)
    if prop in ("created", "updated"):
        return date_predicate(prop, operator, value, now, lambda m: getattr(m, prop))
    if prop == "identifier":
        codes = {str(value)} if operator in ("=", "!=") else _codes(prop, value)
        if operator in ("IN", "="):
            return lambda m: m.code in codes
        return lambda m: m.code not in codes
    if prop == "family":
        families = _codes(prop, value)
        return (lambda m: m.family in families) if operator == "IN" else (lambda m: m.family not in families)
    if prop == "parent":
        return lambda m: False  # every sandbox product model is a root model
    wanted = _codes(prop, value)
    if operator in ("IN CHILDREN", "NOT IN CHILDREN"):
        wanted = {d for code in wanted for d in catalog.structure.descendants(code)}
    if operator == "UNCLASSIFIED":
        return lambda m: not m.categories
    if operator in ("IN", "IN OR UNCLASSIFIED", "IN CHILDREN"):
        return lambda m: (
            not wanted.isdisjoint(m.categories) or (operator == "IN OR UNCLASSIFIED" and not m.categories)
        )
    return lambda m: wanted.isdisjoint(m.categories)


__all__ = ["MODEL_OPERATORS", "compile_model_search"]
