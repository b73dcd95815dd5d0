"""The `order` parameter of searches: Odoo's syntax, its errors and PostgreSQL's sort semantics.

`"name desc, id"` sorts on stored (or related) fields; ascending puts empty values last and
descending puts them first, as PostgreSQL does, unless `nulls first`/`nulls last` says otherwise.
Text sorts case-insensitively first, like the `en_US.UTF-8` collation Odoo databases use. A
many2one sorts by the related record's name, which is what the comodel's own order usually means.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .env import Env
from .errors import UserError, python_error
from .fields import NUMERIC, X2MANY
from .models import ModelSpec

_TERM = re.compile(
    r"^\s*(?P<field>[a-z0-9_]+)(?:\.(?P<property>[a-z0-9_]+))?"
    r"(?:\s+(?P<direction>desc|asc))?(?:\s+(?P<nulls>nulls\s+(?:first|last)))?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SortKey:
    """One term of an `order` clause."""

    field: str
    descending: bool
    nulls_first: bool


def parse_order(spec: ModelSpec, order: Any) -> list[SortKey]:
    """The sort keys of `order` (the model's `_order` when empty), or Odoo's error."""
    text = order or spec.order
    if not isinstance(text, str):
        raise python_error("AttributeError", f"'{type(text).__name__}' object has no attribute 'split'")
    keys: list[SortKey] = []
    for part in text.split(","):
        match = _TERM.match(part)
        if match is None:
            raise UserError(
                f'Invalid "order" specified ({text}). A valid "order" specification is a comma-separated '
                "list of valid field names (optionally followed by asc/desc for the direction)"
            )
        name = match["field"]
        field = spec.fields.get(name)
        if field is None:
            raise python_error("ValueError", f"Invalid field {name!r} on model {spec.name!r}")
        if field.type in X2MANY or (not field.store and field.related is None):
            raise python_error(
                "ValueError", f"Cannot convert {spec.name}.{name} to SQL because it is not stored"
            )
        descending = (match["direction"] or "asc").lower() == "desc"
        nulls = (match["nulls"] or "").lower()
        nulls_first = nulls.endswith("first") if nulls else descending
        keys.append(SortKey(name, descending, nulls_first))
    return keys


def sort_ids(env: Env, spec: ModelSpec, ids: list[int], keys: list[SortKey]) -> list[int]:
    """`ids` sorted by `keys` (stable sorts from the last key to the first)."""
    result = list(ids)
    for key in reversed(keys):
        value = _sort_value(env, spec, key.field)
        # A null sorts after every value, flipped so that it lands where PostgreSQL puts it.
        null_rank = 0 if key.nulls_first != key.descending else 1

        def rank(
            rid: int, value: Callable[[int], Any] = value, null_rank: int = null_rank
        ) -> tuple[int, Any]:
            item = value(rid)
            return (null_rank, 0) if item is None else (1 - null_rank, item)

        result.sort(key=rank, reverse=key.descending)
    return result


def _sort_value(env: Env, spec: ModelSpec, name: str) -> Callable[[int], Any]:
    field = spec.fields[name]
    rows = env.store.table(spec.name).rows
    if field.type == "many2one":
        relation = field.relation
        assert relation is not None
        names: dict[int, Any] = {}

        def related_name(rid: int) -> Any:
            target = env.field_value(spec, field, rows[rid])
            if not target:
                return None
            if target not in names:
                names[target] = _text_key(str(env.display_name(relation, target) or ""))
            return names[target]

        return related_name
    if field.type in NUMERIC:
        return lambda rid: env.field_value(spec, field, rows[rid])
    if field.type == "boolean":
        return lambda rid: bool(env.field_value(spec, field, rows[rid]))

    def text(rid: int) -> Any:
        raw = env.field_value(spec, field, rows[rid])
        return _text_key(str(raw)) if raw not in (False, None, "") else None

    return text


def _text_key(text: str) -> tuple[str, str]:
    return (text.casefold(), text)


__all__ = ["SortKey", "parse_order", "sort_ids"]
