"""Values written through `create`/`write`, converted and checked the way Odoo's fields do it.

Wrong types fail like Odoo's `convert_to_cache` (`ValueError: Wrong value for sale.order.state:
'bogus'`); a many2one to a record that does not exist fails like PostgreSQL's foreign key, which
Odoo reports as a `ValidationError`.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import ValidationError, python_error
from .fields import Field
from .models import ModelSpec
from .plan import Plan

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def convert(plan: Plan, spec: ModelSpec, field: Field, value: Any) -> Any:
    """The raw stored value for `value` written to `field`, or Odoo's error."""
    kind = field.type
    if value is None:
        value = False
    if kind in ("char", "text"):
        if value is False:
            return False
        return value if isinstance(value, str) else str(value)
    if kind == "boolean":
        return bool(value)
    if kind == "integer":
        return _number(int, value, "invalid literal for int() with base 10: {!r}")
    if kind in ("float", "monetary"):
        return _number(float, value, "could not convert string to float: {!r}")
    if kind == "selection":
        assert field.selection is not None
        if value is False or value in {key for key, _ in field.selection}:
            return value
        raise _wrong(spec, field, value)
    if kind in ("date", "datetime"):
        return _moment(kind, value)
    if kind == "many2one":
        if value is False:
            return False
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong(spec, field, value)
        assert field.relation is not None
        if not plan.exists(field.relation, value):
            raise foreign_key_error(spec, field)
        return value
    raise python_error("ValueError", f"Cannot write field {spec.name}.{field.name} of type {kind}")


def _number(kind: type[Any], value: Any, message: str) -> Any:
    if value is False:
        return kind(0)
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise python_error("ValueError", message.format(value)) from None


def _moment(kind: str, value: Any) -> Any:
    if value is False:
        return False
    if isinstance(value, str):
        if _DATE.match(value):
            # Odoo accepts a bare date for a datetime field: midnight of that day.
            return value if kind == "date" else f"{value} 00:00:00"
        if _DATETIME.match(value):
            return value[:10] if kind == "date" else value
    fmt = "%Y-%m-%d" if kind == "date" else "%Y-%m-%d %H:%M:%S"
    raise python_error("ValueError", f"time data {value!r} does not match format {fmt!r}")


def _wrong(spec: ModelSpec, field: Field, value: Any) -> Exception:
    return python_error("ValueError", f"Wrong value for {spec.name}.{field.name}: {value!r}")


def foreign_key_error(spec: ModelSpec, field: Field) -> ValidationError:
    """PostgreSQL's foreign key violation as Odoo turns it into a ValidationError."""
    table = spec.name.replace(".", "_")
    return ValidationError(
        "The operation cannot be completed: another model requires the record being deleted. "
        "If possible, archive it instead.\n\n"
        f"Model: {spec.description} ({spec.name})\n"
        f"Constraint: {table}_{field.name}_fkey\n"
    )


def not_null_error(spec: ModelSpec, field: Field) -> ValidationError:
    """PostgreSQL's NOT NULL violation as Odoo turns it into a ValidationError."""
    return ValidationError(
        "The operation cannot be completed:\n"
        "- Create/update: a mandatory field is not set.\n"
        "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
        f"Model: {spec.description} ({spec.name})\n"
        f"Field: {field.string} ({field.name})\n"
    )


__all__ = ["convert", "foreign_key_error", "not_null_error"]
