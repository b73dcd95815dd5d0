"""Akeneo's product `search` filter: validation with Akeneo's wording, then evaluation over the indexes.

A search is `{property: [{"operator": ..., "value": ..., "locale"?: ..., "scope"?: ...}, ...], ...}`;
every clause is ANDed. Validation runs in the order of Akeneo's `ListProductsQueryValidator`
(structure, categories, properties, identifier limit, locales), then each clause is compiled into an
index lookup (uuid, SKU, category, family, parent) or a predicate. Lookups are intersected first so
the common batch read (`sku IN [≤100]`) touches only the products it names.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .catalog import Catalog, ValueKey, VariantProduct
from .date_filter import date_predicate
from .php import gettype
from .search_checks import (
    as_criteria,
    check_categories,
    check_identifier_limit,
    check_locales,
    check_properties,
    check_structure,
    expect_string,
    expect_strings,
    fail,
    unsupported,
)
from .structure import (
    CHANNELS,
    GRAMS_PER_UNIT,
    IDENTIFIER_TYPE,
    IMAGE,
    METRIC,
    SIMPLE_SELECT,
    TEXT,
    TEXTAREA,
    Attribute,
)

Predicate = Callable[[VariantProduct], bool]

TEXT_OPERATORS = frozenset({"STARTS WITH", "CONTAINS", "DOES NOT CONTAIN", "=", "!=", "EMPTY", "NOT EMPTY"})
IDENTIFIER_OPERATORS = TEXT_OPERATORS | {"IN", "NOT IN"}
FIELD_OPERATORS: dict[str, frozenset[str]] = {
    "uuid": frozenset({"IN", "NOT IN"}),
    "identifier": IDENTIFIER_OPERATORS,
    "enabled": frozenset({"=", "!="}),
    "categories": frozenset(
        {"IN", "NOT IN", "IN OR UNCLASSIFIED", "IN CHILDREN", "NOT IN CHILDREN", "UNCLASSIFIED"}
    ),
    "family": frozenset({"IN", "NOT IN", "EMPTY", "NOT EMPTY"}),
    "groups": frozenset({"IN", "NOT IN", "EMPTY", "NOT EMPTY"}),
    "created": frozenset(
        {"=", "!=", "<", ">", "BETWEEN", "NOT BETWEEN", "SINCE LAST N DAYS", "EMPTY", "NOT EMPTY"}
    ),
    "updated": frozenset(
        {"=", "!=", "<", ">", "BETWEEN", "NOT BETWEEN", "SINCE LAST N DAYS", "EMPTY", "NOT EMPTY"}
    ),
    "parent": frozenset({"=", "IN", "EMPTY", "NOT EMPTY"}),
}
ATTRIBUTE_OPERATORS: dict[str, frozenset[str]] = {
    IDENTIFIER_TYPE: IDENTIFIER_OPERATORS,
    TEXT: TEXT_OPERATORS,
    TEXTAREA: TEXT_OPERATORS,
    IMAGE: TEXT_OPERATORS,
    SIMPLE_SELECT: frozenset({"IN", "NOT IN", "EMPTY", "NOT EMPTY"}),
    METRIC: frozenset({"<", "<=", "=", "!=", ">=", ">", "EMPTY", "NOT EMPTY"}),
}


@dataclass(slots=True)
class CompiledSearch:
    """A validated search: index lookups to intersect, then predicates to check."""

    candidates: set[str] | None = None
    """Uuids the lookups allow; None when no clause could use an index."""
    predicates: list[Predicate] = field(default_factory=list)

    def narrow(self, uuids: set[str]) -> None:
        self.candidates = uuids if self.candidates is None else self.candidates & uuids

    def accepts(self, product: VariantProduct) -> bool:
        return all(predicate(product) for predicate in self.predicates)

    def uuids(self, catalog: Catalog, after: str | None = None) -> Iterator[str]:
        """Matching uuids in ascending order, starting after `after` (a search_after key)."""
        if self.candidates is not None:
            keys = sorted(self.candidates)
            source: list[str] = keys[bisect.bisect_right(keys, after) :] if after else keys
            start = 0
        else:
            source = catalog.ordered
            start = catalog.after(after) if after else 0
        products = catalog.products
        for index in range(start, len(source)):
            product = products.get(source[index])
            if product is not None and self.accepts(product):
                yield product.uuid


def compile_search(
    search: Any,
    catalog: Catalog,
    *,
    search_locale: str | None = None,
    search_scope: str | None = None,
    now: datetime | None = None,
) -> CompiledSearch:
    """Validate a decoded `search` like Akeneo and compile it; raises `AkeneoError` on bad input."""
    if search is None:
        return CompiledSearch()
    criteria = as_criteria(search)
    check_structure(criteria)
    check_categories(criteria, catalog)
    check_properties(criteria, catalog, FIELD_OPERATORS)
    check_identifier_limit(criteria)
    check_locales(criteria, search_locale)
    compiler = _Compiler(catalog, search_locale, search_scope, now or datetime.now(UTC))
    for prop, filters in criteria.items():
        for clause in filters:
            compiler.add(prop, clause)
    return compiler.compiled


class _Compiler:
    def __init__(
        self, catalog: Catalog, search_locale: str | None, search_scope: str | None, now: datetime
    ) -> None:
        self.catalog = catalog
        self.search_locale = search_locale
        self.search_scope = search_scope
        self.now = now
        self.compiled = CompiledSearch()

    def add(self, prop: str, clause: dict[str, Any]) -> None:
        operator: str = clause["operator"]
        value = clause.get("value")
        if prop in FIELD_OPERATORS:
            if operator not in FIELD_OPERATORS[prop]:
                raise unsupported(prop, operator)
            getattr(self, f"_field_{prop}")(operator, value)
            return
        attribute = self.catalog.structure.attributes[prop]
        if operator not in ATTRIBUTE_OPERATORS[attribute.type]:
            raise unsupported(prop, operator)
        key = self._value_key(attribute, clause)
        if attribute.type == IDENTIFIER_TYPE:
            self._identifier(prop, operator, value)
        elif attribute.type == SIMPLE_SELECT:
            self._select(attribute, key, operator, value)
        elif attribute.type == METRIC:
            self._metric(attribute, key, operator, value)
        else:
            self._text(attribute.code, key, operator, value)

    def _value_key(self, attribute: Attribute, clause: dict[str, Any]) -> ValueKey:
        code = attribute.code
        locale = clause.get("locale")
        scope = clause.get("scope")
        if attribute.localizable:
            locale = locale if locale is not None else self.search_locale
            if locale is None:
                raise fail(f'Attribute "{code}" expects a locale, none given.')
        elif locale is not None:
            raise fail(f'Attribute "{code}" does not expect a locale, "{locale}" given.')
        if attribute.scopable:
            scope = scope if scope is not None else self.search_scope
            if scope is None:
                raise fail(f'Attribute "{code}" expects a scope, none given.')
            if scope not in CHANNELS:
                raise fail(f'Attribute "{code}" expects an existing scope, "{scope}" given.')
        elif scope is not None:
            raise fail(f'Attribute "{code}" does not expect a scope, "{scope}" given.')
        return (locale, scope)

    # -- product fields ------------------------------------------------------------------------

    def _field_uuid(self, operator: str, value: Any) -> None:
        uuids = {u.lower() for u in expect_strings("uuid", value)}
        if operator == "IN":
            self.compiled.narrow({u for u in uuids if u in self.catalog.products})
        else:
            self.compiled.predicates.append(lambda p: p.uuid not in uuids)

    def _field_identifier(self, operator: str, value: Any) -> None:
        self._identifier("identifier", operator, value)

    def _identifier(self, prop: str, operator: str, value: Any) -> None:
        index = self.catalog.by_identifier
        compiled = self.compiled
        if operator == "IN":
            compiled.narrow({index[s] for s in expect_strings(prop, value) if s in index})
        elif operator == "NOT IN":
            excluded = set(expect_strings(prop, value))
            compiled.predicates.append(lambda p: p.identifier not in excluded)
        elif operator == "=":
            wanted = expect_string(prop, value)
            compiled.narrow({index[wanted]} if wanted in index else set())
        elif operator == "EMPTY":
            compiled.narrow(set())  # every product has an identifier
        elif operator != "NOT EMPTY":
            match = _text_match(operator, expect_string(prop, value))
            compiled.predicates.append(lambda p: match(p.identifier))

    def _field_enabled(self, operator: str, value: Any) -> None:
        if not isinstance(value, bool):
            raise fail(f'Property "enabled" expects a boolean as data, "{gettype(value)}" given.')
        if operator == "=":
            self.compiled.predicates.append(lambda p: p.enabled is value)
        else:
            self.compiled.predicates.append(lambda p: p.enabled is not value)

    def _field_categories(self, operator: str, value: Any) -> None:
        catalog = self.catalog
        if operator == "UNCLASSIFIED":
            self.compiled.narrow({u for u, p in catalog.products.items() if not catalog.categories_of(p)})
            return
        codes = [c.strip() for c in expect_strings("categories", value)]
        if operator in ("IN CHILDREN", "NOT IN CHILDREN"):
            codes = [d for code in codes for d in catalog.structure.descendants(code)]
        wanted = set(codes)
        if operator in ("IN", "IN OR UNCLASSIFIED", "IN CHILDREN"):
            found: set[str] = set()
            for code in wanted:
                found |= catalog.by_category.get(code, set())
            if operator == "IN OR UNCLASSIFIED":
                found |= {u for u, p in catalog.products.items() if not catalog.categories_of(p)}
            self.compiled.narrow(found)
        else:
            self.compiled.predicates.append(lambda p: wanted.isdisjoint(catalog.categories_of(p)))

    def _field_family(self, operator: str, value: Any) -> None:
        if operator in ("EMPTY", "NOT EMPTY"):
            if operator == "EMPTY":
                self.compiled.narrow(set())  # every product has a family
            return
        codes = expect_strings("family", value)
        for code in codes:
            if code not in self.catalog.structure.families:
                raise fail(
                    f'Property "family" expects a valid family code. The family does not exist, "{code}" given.'
                )
        wanted = set(codes)
        if operator == "IN":
            found: set[str] = set()
            for code in wanted:
                found |= self.catalog.by_family.get(code, set())
            self.compiled.narrow(found)
        else:
            self.compiled.predicates.append(lambda p: p.family not in wanted)

    def _field_groups(self, operator: str, value: Any) -> None:
        # The sandbox PIM has no product groups: any group code is unknown, and no product is in one.
        if operator in ("EMPTY", "NOT EMPTY"):
            if operator == "NOT EMPTY":
                self.compiled.narrow(set())
            return
        codes = expect_strings("groups", value)
        if codes:
            raise fail(
                f'Property "groups" expects a valid group code. The group does not exist, "{codes[0]}" given.'
            )
        if operator == "IN":
            self.compiled.narrow(set())

    def _field_created(self, operator: str, value: Any) -> None:
        self._dates("created", operator, value, lambda p: p.created)

    def _field_updated(self, operator: str, value: Any) -> None:
        self._dates("updated", operator, value, self.catalog.updated_of)

    def _field_parent(self, operator: str, value: Any) -> None:
        models = self.catalog.models
        if operator in ("EMPTY", "NOT EMPTY"):
            if operator == "EMPTY":
                self.compiled.narrow(set())  # every sandbox product is a variant
            return
        codes = [expect_string("parent", value)] if operator == "=" else expect_strings("parent", value)
        found: set[str] = set()
        for code in codes:
            model = models.get(code)
            if model is None:
                raise fail(
                    f'Property "parent" expects a valid parent code. The product model does not exist, "{code}" given.'
                )
            found.update(model.variants)
        self.compiled.narrow(found)

    def _dates(self, prop: str, operator: str, value: Any, get: Callable[[VariantProduct], datetime]) -> None:
        if operator == "EMPTY":
            self.compiled.narrow(set())  # every product has both dates
        elif operator != "NOT EMPTY":
            self.compiled.predicates.append(date_predicate(prop, operator, value, self.now, get))

    # -- attribute values ----------------------------------------------------------------------

    def _data(self, code: str, key: ValueKey) -> Callable[[VariantProduct], Any]:
        catalog = self.catalog

        def data(product: VariantProduct) -> Any:
            values = catalog.value(product, code)
            return None if values is None else values.get(key)

        return data

    def _emptiness(self, operator: str, data: Callable[[VariantProduct], Any]) -> bool:
        if operator == "EMPTY":
            self.compiled.predicates.append(lambda p: data(p) is None)
            return True
        if operator == "NOT EMPTY":
            self.compiled.predicates.append(lambda p: data(p) is not None)
            return True
        return False

    def _text(self, code: str, key: ValueKey, operator: str, value: Any) -> None:
        data = self._data(code, key)
        if self._emptiness(operator, data):
            return
        match = _text_match(operator, expect_string(code, value))
        # Like Elasticsearch's must_not + exists: products without the value never match.
        self.compiled.predicates.append(lambda p: (d := data(p)) is not None and match(str(d)))

    def _select(self, attribute: Attribute, key: ValueKey, operator: str, value: Any) -> None:
        data = self._data(attribute.code, key)
        if self._emptiness(operator, data):
            return
        codes = expect_strings(attribute.code, value)
        options = self.catalog.structure.options.get(attribute.code, {})
        unknown = [c for c in codes if c not in options]
        if unknown:
            raise fail(f'Object "option" with code "{", ".join(unknown)}" does not exist')
        wanted = set(codes)
        if operator == "IN":
            self.compiled.predicates.append(lambda p: data(p) in wanted)
        else:
            self.compiled.predicates.append(lambda p: (d := data(p)) is not None and d not in wanted)

    def _metric(self, attribute: Attribute, key: ValueKey, operator: str, value: Any) -> None:
        code = attribute.code
        data = self._data(code, key)
        if self._emptiness(operator, data):
            return
        if not isinstance(value, dict):
            raise fail(f'Property "{code}" expects an array as data, "{gettype(value)}" given.')
        for needed in ("amount", "unit"):
            if needed not in value:
                raise fail(f'Property "{code}" expects an array with the key "{needed}".')
        unit = value["unit"]
        if unit not in GRAMS_PER_UNIT:
            raise fail(f'Property "{code}" expects a valid unit. The unit does not exist, "{unit}" given.')
        try:
            wanted = Decimal(str(value["amount"])) * GRAMS_PER_UNIT[unit]
        except InvalidOperation as exc:
            raise fail(
                f'Property "{code}" expects a numeric as data, "{gettype(value["amount"])}" given.'
            ) from exc

        def grams(product: VariantProduct) -> Decimal | None:
            metric = data(product)
            if metric is None:
                return None
            return Decimal(str(metric["amount"])) * GRAMS_PER_UNIT[metric["unit"]]

        compare: dict[str, Callable[[Decimal], bool]] = {
            "<": lambda g: g < wanted,
            "<=": lambda g: g <= wanted,
            "=": lambda g: g == wanted,
            "!=": lambda g: g != wanted,
            ">=": lambda g: g >= wanted,
            ">": lambda g: g > wanted,
        }
        check = compare[operator]
        self.compiled.predicates.append(lambda p: (g := grams(p)) is not None and check(g))


def _text_match(operator: str, wanted: str) -> Callable[[str], bool]:
    """Case-insensitive text comparison, as Akeneo's analyzed text fields compare."""
    folded = wanted.casefold()
    if operator == "STARTS WITH":
        return lambda text: text.casefold().startswith(folded)
    if operator == "CONTAINS":
        return lambda text: folded in text.casefold()
    if operator == "DOES NOT CONTAIN":
        return lambda text: folded not in text.casefold()
    if operator == "=":
        return lambda text: text.casefold() == folded
    return lambda text: text.casefold() != folded


__all__ = ["ATTRIBUTE_OPERATORS", "FIELD_OPERATORS", "CompiledSearch", "compile_search"]
