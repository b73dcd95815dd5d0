"""Akeneo's product `search` filter: validation with Akeneo's wording, then evaluation over the indexes.

A search is `{property: [{"operator": ..., "value": ..., "locale"?: ..., "scope"?: ...}, ...], ...}`;
every clause is ANDed. Validation runs in the order of Akeneo's `ListProductsQueryValidator`
(structure, categories, properties, identifier limit, locales), then each clause is compiled into an
index lookup (uuid, SKU, category, family, parent) or a predicate. Lookups are intersected first so
the common batch read (`sku IN [≤100]`) touches only the products it names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from .catalog import Catalog, ValueKey, VariantProduct
from .errors import AkeneoError
from .php import gettype
from .structure import (
    CHANNELS,
    IDENTIFIER,
    IDENTIFIER_TYPE,
    IMAGE,
    LOCALES,
    METRIC,
    SIMPLE_SELECT,
    TEXT,
    TEXTAREA,
    Attribute,
)

Predicate = Callable[[VariantProduct], bool]
T = TypeVar("T")

IDENTIFIER_LIMIT = 100
"""Values allowed in an identifier `IN` filter."""
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATETIME_LABEL = "yyyy-mm-dd H:i:s"
RELATIVE_DATE = re.compile(r"^(now|([+-][0-9]+)\s?(minute|hour|day|week|month|year)s?)$")
RELATIVE_UNITS = {
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "month": timedelta(days=30),
    "year": timedelta(days=365),
}
GRAMS_PER_UNIT = {
    "MILLIGRAM": Decimal("0.001"),
    "GRAM": Decimal(1),
    "KILOGRAM": Decimal(1000),
    "TON": Decimal(1_000_000),
    "OUNCE": Decimal("28.349523125"),
    "POUND": Decimal("453.59237"),
}

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


def _fail(message: str, status: int = 422) -> AkeneoError:
    return AkeneoError(status, message)


def _unsupported(prop: str, operator: Any) -> AkeneoError:
    return _fail(f'Filter on property "{prop}" is not supported or does not support operator "{operator}"')


def _plural(codes: list[str], one: str, many: str) -> str:
    return (many if len(codes) > 1 else one) % ", ".join(codes)


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


def as_criteria(search: Any) -> dict[str, Any]:
    """A decoded `search` as PHP sees it: a JSON list is an array with keys "0", "1", …"""
    if isinstance(search, dict):
        return {str(k): v for k, v in search.items()}
    if isinstance(search, list):
        return {str(i): v for i, v in enumerate(search)}
    raise _fail("Search query parameter should be valid JSON.", 400)


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
    _check_properties(criteria, catalog)
    _check_identifier_limit(criteria)
    check_locales(criteria, search_locale)
    compiler = _Compiler(catalog, search_locale, search_scope, now or datetime.now(UTC))
    for prop, filters in criteria.items():
        for clause in filters:
            compiler.add(prop, clause)
    return compiler.compiled


def check_structure(criteria: dict[str, Any]) -> None:
    for prop, filters in criteria.items():
        if not isinstance(filters, list) or not filters:
            example = f'{{"{prop}":[{{"operator": "my_operator", "value": "my_value"}}]}}'
            raise _fail(f'Structure of filter "{prop}" should respect this structure: {example}')
        for clause in filters:
            operator = clause.get("operator") if isinstance(clause, dict) else None
            if operator is None:
                raise _fail(f'Operator is missing for the property "{prop}".')
            if not isinstance(operator, str):
                raise _fail(f'Operator has to be a string, "{gettype(operator)}" given.')


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
        raise _fail(_plural(unknown, 'Category "%s" does not exist.', 'Categories "%s" do not exist.'))


def _check_properties(criteria: dict[str, Any], catalog: Catalog) -> None:
    for prop, filters in criteria.items():
        if prop not in FIELD_OPERATORS and prop not in catalog.structure.attributes:
            raise _unsupported(prop, filters[0]["operator"])


def _check_identifier_limit(criteria: dict[str, Any]) -> None:
    # Akeneo caps the `identifier` field at 100 values with a 400; the main identifier attribute
    # goes through the same limit, reported as a validation error (422).
    for prop, status in (("identifier", 400), (IDENTIFIER, 422)):
        clause = next((c for c in criteria.get(prop, ()) if c["operator"] == "IN"), None)
        if clause is None:
            continue
        value = clause.get("value")
        if value is None:
            raise _fail(f"The {prop} filter can't contain null value")
        if isinstance(value, list) and len({str(v) for v in value}) > IDENTIFIER_LIMIT:
            raise _fail(
                f"The {prop} filter can't contain more than {IDENTIFIER_LIMIT} product identifiers.", status
            )


def check_locales(criteria: dict[str, Any], search_locale: str | None) -> None:
    codes: list[str] = []
    for prop, filters in criteria.items():
        for clause in filters:
            locale = clause.get("locale")
            if locale is not None and not isinstance(locale, str):
                raise _fail(f'Property "{prop}" expects a string with the key "locale".')
            if "locales" in clause:
                raise _fail(f'Property "{prop}" expects an array with the key "locale".')
            if locale is not None:
                codes.append(locale)
    if search_locale is not None:
        codes.append(search_locale)
    unknown = [code for code in dict.fromkeys(codes) if code not in LOCALES]
    if unknown:
        raise _fail(
            _plural(
                unknown,
                'Locale "%s" does not exist or is not activated.',
                'Locales "%s" do not exist or are not activated.',
            )
        )


def _array(prop: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(f'Property "{prop}" expects an array as data, "{gettype(value)}" given.')
    return value


def _strings(prop: str, value: Any) -> list[str]:
    items = _array(prop, value)
    if not all(isinstance(item, str) for item in items):
        raise _fail(f'Property "{prop}" expects an array of strings as data.')
    return items


def _string(prop: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _fail(f'Property "{prop}" expects a string as data, "{gettype(value)}" given.')
    return value


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
                raise _unsupported(prop, operator)
            getattr(self, f"_field_{prop}")(operator, value)
            return
        attribute = self.catalog.structure.attributes[prop]
        if operator not in ATTRIBUTE_OPERATORS[attribute.type]:
            raise _unsupported(prop, operator)
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
                raise _fail(f'Attribute "{code}" expects a locale, none given.')
        elif locale is not None:
            raise _fail(f'Attribute "{code}" does not expect a locale, "{locale}" given.')
        if attribute.scopable:
            scope = scope if scope is not None else self.search_scope
            if scope is None:
                raise _fail(f'Attribute "{code}" expects a scope, none given.')
            if scope not in CHANNELS:
                raise _fail(f'Attribute "{code}" expects an existing scope, "{scope}" given.')
        elif scope is not None:
            raise _fail(f'Attribute "{code}" does not expect a scope, "{scope}" given.')
        return (locale, scope)

    # -- product fields ------------------------------------------------------------------------

    def _field_uuid(self, operator: str, value: Any) -> None:
        uuids = {u.lower() for u in _strings("uuid", value)}
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
            compiled.narrow({index[s] for s in _strings(prop, value) if s in index})
        elif operator == "NOT IN":
            excluded = set(_strings(prop, value))
            compiled.predicates.append(lambda p: p.identifier not in excluded)
        elif operator == "=":
            wanted = _string(prop, value)
            compiled.narrow({index[wanted]} if wanted in index else set())
        elif operator == "EMPTY":
            compiled.narrow(set())  # every product has an identifier
        elif operator != "NOT EMPTY":
            match = _text_match(operator, _string(prop, value))
            compiled.predicates.append(lambda p: match(p.identifier))

    def _field_enabled(self, operator: str, value: Any) -> None:
        if not isinstance(value, bool):
            raise _fail(f'Property "enabled" expects a boolean as data, "{gettype(value)}" given.')
        if operator == "=":
            self.compiled.predicates.append(lambda p: p.enabled is value)
        else:
            self.compiled.predicates.append(lambda p: p.enabled is not value)

    def _field_categories(self, operator: str, value: Any) -> None:
        catalog = self.catalog
        if operator == "UNCLASSIFIED":
            self.compiled.narrow({u for u, p in catalog.products.items() if not catalog.categories_of(p)})
            return
        codes = [c.strip() for c in _strings("categories", value)]
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
        codes = _strings("family", value)
        for code in codes:
            if code not in self.catalog.structure.families:
                raise _fail(
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
        codes = _strings("groups", value)
        if codes:
            raise _fail(
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
        codes = [_string("parent", value)] if operator == "=" else _strings("parent", value)
        found: set[str] = set()
        for code in codes:
            model = models.get(code)
            if model is None:
                raise _fail(
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
        match = _text_match(operator, _string(code, value))
        # Like Elasticsearch's must_not + exists: products without the value never match.
        self.compiled.predicates.append(lambda p: (d := data(p)) is not None and match(str(d)))

    def _select(self, attribute: Attribute, key: ValueKey, operator: str, value: Any) -> None:
        data = self._data(attribute.code, key)
        if self._emptiness(operator, data):
            return
        codes = _strings(attribute.code, value)
        options = self.catalog.structure.options.get(attribute.code, {})
        unknown = [c for c in codes if c not in options]
        if unknown:
            raise _fail(f'Object "option" with code "{", ".join(unknown)}" does not exist')
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
            raise _fail(f'Property "{code}" expects an array as data, "{gettype(value)}" given.')
        for needed in ("amount", "unit"):
            if needed not in value:
                raise _fail(f'Property "{code}" expects an array with the key "{needed}".')
        unit = value["unit"]
        if unit not in GRAMS_PER_UNIT:
            raise _fail(f'Property "{code}" expects a valid unit. The unit does not exist, "{unit}" given.')
        try:
            wanted = Decimal(str(value["amount"])) * GRAMS_PER_UNIT[unit]
        except InvalidOperation as exc:
            raise _fail(
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


def parse_date(prop: str, value: Any, now: datetime) -> datetime:
    """A filter date: "Y-m-d H:i:s" in UTC, or a relative one ("now", "-3 days")."""
    if isinstance(value, str):
        relative = RELATIVE_DATE.match(value.strip())
        if relative:
            if relative.group(1) == "now":
                return now.replace(microsecond=0)
            amount = int(relative.group(2))
            return (now + amount * RELATIVE_UNITS[relative.group(3)]).replace(microsecond=0)
        try:
            return datetime.strptime(value, DATETIME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            pass
    shown = value if isinstance(value, str) else gettype(value)
    raise _fail(
        f'Property "{prop}" expects a string with the format "{DATETIME_LABEL}" as data, "{shown}" given.'
    )


def date_predicate(
    prop: str, operator: str, value: Any, now: datetime, get: Callable[[T], datetime]
) -> Callable[[T], bool]:
    """A `created`/`updated` clause other than EMPTY / NOT EMPTY, as a predicate on `get(item)`."""
    if operator == "SINCE LAST N DAYS":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(f'Property "{prop}" expects an integer as data, "{gettype(value)}" given.')
        since = now - timedelta(days=value)
        return lambda item: get(item) > since
    if operator in ("BETWEEN", "NOT BETWEEN"):
        bounds = _array(prop, value)
        if len(bounds) != 2:
            raise _fail(
                f'Property "{prop}" expects an array with valid data, should contain 2 strings with the format "{DATETIME_LABEL}".'
            )
        low, high = (parse_date(prop, bound, now) for bound in bounds)
        if operator == "BETWEEN":
            return lambda item: low <= get(item) <= high
        return lambda item: not low <= get(item) <= high
    moment = parse_date(prop, value, now)
    if operator == "=":
        return lambda item: get(item).replace(microsecond=0) == moment
    if operator == "!=":
        return lambda item: get(item).replace(microsecond=0) != moment
    if operator == "<":
        return lambda item: get(item) < moment
    return lambda item: get(item) > moment


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


__all__ = [
    "ATTRIBUTE_OPERATORS",
    "FIELD_OPERATORS",
    "IDENTIFIER_LIMIT",
    "CompiledSearch",
    "as_criteria",
    "check_categories",
    "check_locales",
    "check_structure",
    "compile_search",
    "date_predicate",
    "parse_date",
]
