"""Tests of one raw value against a condition: Odoo's semantics for `=`, `in`, comparisons and `like`.

`False` means "not set" (for numbers and booleans, zero and false count as not set, as Odoo 19
treats their falsy value); comparisons never match an unset value; a bare date against a datetime
covers the whole day; `like` patterns use SQL's `%`/`_` wildcards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .domain import COMPARISONS, LIKES, Condition
from .errors import OdooError
from .fields import NUMERIC, Field
from .timestamps import next_day

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def scalar_matcher(field: Field, cond: Condition, op: str, value: Any) -> Callable[[Any], bool]:
    """A test of one raw value of a non-relational field."""
    kind = field.type
    if op == "=":
        op, value = "in", [value]
    if op == "in":
        values = list(value) if isinstance(value, list | tuple | set) else [value]
        if not values:
            return lambda raw: False
        want_unset = any(v is False or v is None for v in values)
        wanted = {_coerce(field, v) for v in values if v is not False and v is not None}
        if kind == "datetime" and len(wanted) == 1 and _DATE_ONLY.match(next(iter(wanted))):
            # A bare date against a datetime means the whole day, as Odoo 19 reads it.
            day = str(next(iter(wanted)))
            start, end = f"{day} 00:00:00", f"{next_day(day)} 00:00:00"
            return lambda raw: (bool(raw) and start <= raw < end) or (want_unset and not raw)
        return lambda raw: (
            ((bool(raw) or kind in NUMERIC or kind == "boolean") and raw in wanted)
            or (want_unset and not raw)
        )
    if op in COMPARISONS:
        if value is False or value is None:
            return lambda raw: False
        bound = _coerce(field, value)
        if kind == "datetime" and isinstance(bound, str) and _DATE_ONLY.match(bound):
            op, bound = _datetime_bound(op, bound)
        compare = _COMPARE[op]
        if kind in NUMERIC or kind == "boolean":
            return lambda raw: raw is not False and raw is not None and compare(raw, bound)
        return lambda raw: bool(raw) and compare(raw, bound)
    if op in LIKES:
        if not value:
            wanted_rows = op in ("like", "ilike")
            if op.startswith("="):
                return lambda raw: not raw
            return lambda raw: wanted_rows
        if not isinstance(value, str) and op.startswith("="):
            raise cond.fail("The pattern to match must be a string", "TypeError")
        matcher = like(op, str(value))
        return lambda raw: raw is not False and raw is not None and matcher(str(raw))
    raise cond.fail("Not standard operator left")


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
}


def _datetime_bound(op: str, day: str) -> tuple[str, str]:
    if op in ("<", ">="):
        return op, f"{day} 00:00:00"
    # "> day" means from the next day on, "<= day" until the end of the day.
    return ("<" if op == "<=" else ">="), f"{next_day(day)} 00:00:00"


def _coerce(field: Field, value: Any) -> Any:
    kind = field.type
    if kind in NUMERIC:
        if isinstance(value, int | float):
            return value
        try:
            return float(value)
        except (TypeError, ValueError):
            pg_type = "integer" if kind == "integer" else "double precision"
            raise OdooError(
                f'invalid input syntax for type {pg_type}: "{value}"',
                name="psycopg2.errors.InvalidTextRepresentation",
            ) from None
    if kind == "boolean":
        return bool(value)
    return value if isinstance(value, str) else str(value)


def like(op: str, value: str) -> Callable[[str], bool]:
    pattern = value if op.startswith("=") else f"%{value}%"
    regex = _like_regex(pattern, op.endswith("ilike"))
    return lambda text: regex.fullmatch(text) is not None


@lru_cache(maxsize=512)
def _like_regex(pattern: str, insensitive: bool) -> re.Pattern[str]:
    # SQL LIKE: % is any run of characters, _ any single one, a backslash escapes the next character.
    parts: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            parts.append(re.escape(char))
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL | (re.IGNORECASE if insensitive else 0))


__all__ = ["like", "scalar_matcher"]
