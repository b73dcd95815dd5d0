"""The read side of Odoo's ORM: `search_read`, `read`, `search`, `search_count`, `fields_get`, `name_search`.

Values leave in Odoo's read format: `false` for anything empty, many2one as `[id, "display name"]`
(or the bare id with `load=None`), x2many as id lists, datetimes as UTC strings.
"""

from __future__ import annotations

from typing import Any

from . import domain as d, evaluation
from .env import Env
from .errors import OdooError, python_error
from .fields import NUMERIC, Field
from .models import ModelSpec
from .ordering import parse_order, sort_ids

CLASSIC_READ = "_classic_read"


def field_names(spec: ModelSpec, fields: Any) -> list[str]:
    """The fields to read: all of them when none are given, else each checked as Odoo does."""
    if fields is None or fields is False or fields == []:
        return list(spec.fields)
    if isinstance(fields, int | float):
        raise python_error("TypeError", f"'{type(fields).__name__}' object is not iterable")
    names: list[str] = []
    # A string is iterated like Odoo iterates it: character by character, each an invalid field.
    for name in fields:
        if not isinstance(name, str) or name not in spec.fields:
            raise python_error("ValueError", f"Invalid field {name!r} on model {spec.name!r}")
        if name not in names:
            names.append(name)
    return names


def wire_value(env: Env, field: Field, raw: Any, load: Any) -> Any:
    """A raw value in Odoo's read format."""
    kind = field.type
    if kind == "many2one":
        if not raw:
            return False
        if load != CLASSIC_READ:
            return raw
        assert field.relation is not None
        return [raw, env.display_name(field.relation, raw)]
    if kind in ("one2many", "many2many"):
        return list(raw or [])
    if kind == "integer":
        return int(raw or 0)
    if kind in NUMERIC:
        return float(raw or 0.0)
    if kind == "boolean":
        return bool(raw)
    return False if raw is None else raw


def read_rows(env: Env, spec: ModelSpec, ids: list[int], names: list[str], load: Any) -> list[dict[str, Any]]:
    """Records in read format, skipping ids that do not exist (Odoo's `read` ignores deleted records)."""
    rows = env.store.table(spec.name).rows
    fields = [spec.fields[name] for name in names if name != "id"]
    result: list[dict[str, Any]] = []
    for rid in ids:
        row = rows.get(rid)
        if row is None:
            continue
        record: dict[str, Any] = {"id": rid}
        for field in fields:
            record[field.name] = wire_value(env, field, env.field_value(spec, field, row), load)
        result.append(record)
    return result


def window(offset: Any, limit: Any) -> tuple[int, int | None]:
    """`(offset, limit)` checked as PostgreSQL would take them in `OFFSET`/`LIMIT`."""
    for name, value in (("offset", offset), ("limit", limit)):
        if value in (None, False):
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise python_error(
                "TypeError", f"'<' not supported between instances of '{type(value).__name__}' and 'int'"
            )
        if value < 0:
            clause = (
                "InvalidRowCountInLimitClause" if name == "limit" else "InvalidRowCountInResultOffsetClause"
            )
            raise OdooError(f"{name.upper()} must not be negative", name=f"psycopg2.errors.{clause}")
    return offset or 0, limit or None


def search_ids(
    env: Env, spec: ModelSpec, domain: Any, offset: Any = 0, limit: Any = None, order: Any = None
) -> list[int]:
    node = d.parse(domain)
    keys = parse_order(spec, order)
    start, count = window(offset, limit)
    ids = sort_ids(env, spec, evaluation.search(env, spec, node), keys)
    return ids[start : start + count] if count is not None else ids[start:]


def search_read(
    env: Env,
    spec: ModelSpec,
    domain: Any = None,
    fields: Any = None,
    offset: Any = 0,
    limit: Any = None,
    order: Any = None,
    load: Any = CLASSIC_READ,
) -> list[dict[str, Any]]:
    names = field_names(spec, fields)
    ids = search_ids(env, spec, domain or [], offset, limit, order)
    return read_rows(env, spec, ids, names, load)


def read(
    env: Env, spec: ModelSpec, ids: list[int], fields: Any = None, load: Any = CLASSIC_READ
) -> list[dict[str, Any]]:
    return read_rows(env, spec, ids, field_names(spec, fields), load)


def search_count(env: Env, spec: ModelSpec, domain: Any, limit: Any = None) -> int:
    count = len(evaluation.search(env, spec, d.parse(domain)))
    return min(count, limit) if isinstance(limit, int) and not isinstance(limit, bool) and limit else count


def fields_get(env: Env, spec: ModelSpec, allfields: Any = None, attributes: Any = None) -> dict[str, Any]:
    names = [name for name in spec.fields if not allfields or name in allfields]
    described: dict[str, Any] = {}
    for name in names:
        description = spec.fields[name].describe()
        if attributes:
            description = {key: value for key, value in description.items() if key in attributes}
        described[name] = description
    return described


def name_search(
    env: Env, spec: ModelSpec, name: Any = "", domain: Any = None, operator: Any = "ilike", limit: Any = 100
) -> list[list[Any]]:
    node = d.parse(domain or [])
    if name:
        node = d.And((node, d.Condition(spec.rec_name, operator, name)))
    ids = search_ids(env, spec, node_to_domain(node), 0, limit, None)
    return [[rid, env.display_name(spec.name, rid)] for rid in ids]


def node_to_domain(node: d.Node) -> list[Any]:
    """A domain tree back in Odoo's list form."""
    if isinstance(node, d.Condition):
        return [[node.field_expr, node.operator, node.value]]
    if isinstance(node, d.Const):
        return [[1 if node.value else 0, "=", 1]]
    if isinstance(node, d.Not):
        return ["!", *node_to_domain(node.child)]
    operator = "&" if isinstance(node, d.And) else "|"
    parts: list[Any] = [operator] * (len(node.children) - 1)
    for child in node.children:
        parts.extend(node_to_domain(child))
    return parts


__all__ = [
    "CLASSIC_READ",
    "field_names",
    "fields_get",
    "name_search",
    "node_to_domain",
    "read",
    "read_rows",
    "search_count",
    "search_ids",
    "search_read",
    "window",
    "wire_value",
]
