"""`formatted_read_group` (Odoo 19's aggregation API), e.g. quant totals per product and location.

Each group is `{<groupby spec>: value, <aggregate spec>: value, "__extra_domain": [...]}`: a
many2one groups as `[id, name]`, a date as `["2026-08-01", "August 2026"]` for `date:month`,
an empty sum is `false`, and `__extra_domain` selects the group's records when added to the
search domain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from . import domain as d, evaluation
from .env import Env
from .errors import OdooError, python_error
from .fields import NUMERIC, Field
from .models import ModelSpec
from .orm import CLASSIC_READ, window, wire_value

AGGREGATES: dict[str, Callable[[list[Any]], Any]] = {
    "sum": lambda values: sum(values) if values else False,
    "avg": lambda values: sum(values) / len(values) if values else False,
    "max": lambda values: max(values) if values else False,
    "min": lambda values: min(values) if values else False,
    "count": lambda values: sum(1 for v in values if v not in (False, None)),
    "count_distinct": lambda values: len({v for v in values if v not in (False, None)}),
    "bool_and": lambda values: all(values),
    "bool_or": lambda values: any(values),
    "array_agg": lambda values: list(values),
}
GRANULARITIES = ("day", "month", "year")
_PG_TYPES = {
    "boolean": "boolean",
    "date": "date",
    "datetime": "timestamp without time zone",
    "many2one": "integer",
}
_SPEC = re.compile(r"^(?P<field>[a-z0-9_]+)(?::(?P<func>[a-z_]+))?$")
_HAVING_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
}


def formatted_read_group(
    env: Env,
    spec: ModelSpec,
    domain: Any,
    groupby: Any = (),
    aggregates: Any = (),
    having: Any = (),
    offset: Any = 0,
    limit: Any = None,
    order: Any = None,
) -> list[dict[str, Any]]:
    groups_by = [_groupby(spec, item) for item in _specs(groupby)]
    aggregations = [_aggregate(spec, item) for item in _specs(aggregates)]
    node = d.parse(domain)
    rows = env.store.table(spec.name).rows
    buckets: dict[tuple[Any, ...], list[int]] = {}
    for rid in sorted(evaluation.search(env, spec, node)):
        key = tuple(
            _group_key(env, spec, field, granularity, rows[rid]) for _, field, granularity in groups_by
        )
        buckets.setdefault(key, []).append(rid)
    groups = []
    for key, ids in buckets.items():
        group: dict[str, Any] = {}
        for (name, field, granularity), value in zip(groups_by, key, strict=True):
            group[name] = _group_value(env, field, granularity, value)
        for name, measured, func in aggregations:
            if measured is None or func is None:
                group[name] = len(ids)
            else:
                group[name] = AGGREGATES[func]([env.field_value(spec, measured, rows[rid]) for rid in ids])
        group["__extra_domain"] = _extra_domain(groups_by, key)
        groups.append(group)
    groups = [group for group in groups if _having(having, group)]
    groups = _sort(groups, groups_by, order)
    start, count = window(offset, limit)
    return groups[start : start + count] if count is not None else groups[start:]


def _specs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise python_error("ValueError", f"Invalid groupby or aggregates specification {value!r}")
    return list(value)


def _groupby(spec: ModelSpec, item: str) -> tuple[str, Field, str | None]:
    match = _SPEC.match(item)
    name = match["field"] if match else item
    field = spec.fields.get(name)
    if match is None or field is None:
        raise python_error("ValueError", f"Invalid field {name!r} on model {spec.name!r}")
    granularity = match["func"]
    if not field.store or field.type in ("one2many", "text"):
        raise python_error("ValueError", f"Field {spec.name}.{name} cannot be used in groupby")
    if granularity and (field.type not in ("date", "datetime") or granularity not in GRANULARITIES):
        raise python_error(
            "ValueError", f"Granularity {granularity!r} is not supported for {spec.name}.{name}"
        )
    if field.type in ("date", "datetime") and not granularity:
        granularity = "month"  # Odoo groups dates by month unless told otherwise
    return (f"{name}:{granularity}" if granularity else name), field, granularity


def _aggregate(spec: ModelSpec, item: str) -> tuple[str, Field | None, str | None]:
    if item == "__count":
        return item, None, None
    match = _SPEC.match(item)
    name = match["field"] if match else item
    field = spec.fields.get(name)
    if match is None or field is None:
        raise python_error("ValueError", f"Invalid field {name!r} on model {spec.name!r} for {item!r}.")
    func = match["func"]
    if not func:
        raise python_error("ValueError", f"Aggregate method is mandatory for {name!r}")
    if func not in AGGREGATES:
        raise python_error("ValueError", f"Invalid aggregate method {func!r} for {item!r}.")
    if func in ("sum", "avg") and field.type not in NUMERIC:
        pg_type = _PG_TYPES.get(field.type, "character varying")
        raise OdooError(
            f"function {func}({pg_type}) does not exist\nHINT:  No function matches the given name and argument "
            "types. You might need to add explicit type casts.",
            name="psycopg2.errors.UndefinedFunction",
        )
    return item, field, func


def _group_key(env: Env, spec: ModelSpec, field: Field, granularity: str | None, row: dict[str, Any]) -> Any:
    value = env.field_value(spec, field, row)
    if field.type == "many2many":
        return tuple(value)
    if not value or granularity is None:
        return value
    text = str(value)
    if granularity == "year":
        return f"{text[:4]}-01-01"
    if granularity == "month":
        return f"{text[:7]}-01"
    return text[:10]


def _group_value(env: Env, field: Field, granularity: str | None, value: Any) -> Any:
    if granularity is None:
        return wire_value(env, field, list(value) if field.type == "many2many" else value, CLASSIC_READ)
    if not value:
        return False
    day = date.fromisoformat(value)
    label = {"year": day.strftime("%Y"), "month": day.strftime("%B %Y"), "day": day.strftime("%d %b %Y")}
    return [value, label[granularity]]


def _extra_domain(groups_by: list[tuple[str, Field, str | None]], key: tuple[Any, ...]) -> list[Any]:
    conditions: list[Any] = []
    for (_, field, granularity), value in zip(groups_by, key, strict=True):
        if granularity and value:
            end = {"year": _add_months(value, 12), "month": _add_months(value, 1)}.get(granularity)
            end = end or date.fromordinal(date.fromisoformat(value).toordinal() + 1).isoformat()
            conditions.append(["&", [field.name, ">=", value], [field.name, "<", end]])
        else:
            conditions.append([[field.name, "=", list(value) if isinstance(value, tuple) else value]])
    if not conditions:
        return []
    flat: list[Any] = ["&"] * (len(conditions) - 1)
    for condition in conditions:
        flat.extend(condition)
    return flat


def _add_months(day: str, months: int) -> str:
    start = date.fromisoformat(day)
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1).isoformat()


def _having(having: Any, group: dict[str, Any]) -> bool:
    node = d.parse(having or [])

    def holds(item: d.Node) -> bool:
        if isinstance(item, d.Const):
            return item.value
        if isinstance(item, d.Not):
            return not holds(item.child)
        if isinstance(item, d.And):
            return all(holds(child) for child in item.children)
        if isinstance(item, d.Or):
            return any(holds(child) for child in item.children)
        compare = _HAVING_OPERATORS.get(item.operator)
        if item.field_expr not in group or compare is None:
            raise item.fail("Invalid having clause")
        return bool(compare(group[item.field_expr], item.value))

    return holds(node)


def _sort(
    groups: list[dict[str, Any]], groups_by: list[tuple[str, Field, str | None]], order: Any
) -> list[dict[str, Any]]:
    terms = [term.strip() for term in order.split(",")] if isinstance(order, str) and order else []
    if not terms:
        terms = [name for name, _, _ in groups_by]
    result = list(groups)
    for term in reversed(terms):
        name, _, direction = term.partition(" ")
        if name not in (groups[0] if groups else {name: None}):
            raise python_error(
                "ValueError", f"Order term {term!r} is not a groupby or aggregate of the query"
            )

        def key(group: dict[str, Any], name: str = name) -> tuple[int, Any]:
            value = group[name]
            if isinstance(value, list):
                value = value[1] if len(value) == 2 and isinstance(value[1], str) else str(value)
            return (1, 0) if value is False else (0, value)

        result.sort(key=key, reverse=direction.strip().lower() == "desc")
    return result


__all__ = ["AGGREGATES", "formatted_read_group"]
