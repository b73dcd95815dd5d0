"""One call's view of the store: the calling user, the context (language, warehouse) and field values.

Odoo evaluates related and computed fields in the environment of the call: product names in the
context's `lang`, stock quantities in the context's `warehouse_id`/`location`. `Env` does the
same for the emulator and memoises what a call computes more than once (the stock scope).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .fields import Field
from .models import ModelSpec, Registry
from .store import Row, Store

LANGUAGES = ("en_US", "fr_FR", "de_DE")
"""Languages installed in the sandbox database; any other `lang` reads English."""
DEFAULT_LANG = "en_US"
_MISSING = object()


class Env:
    """The store seen by one user with one context, as Odoo's `env` is."""

    def __init__(self, store: Store, uid: int, context: Mapping[str, Any] | None = None) -> None:
        self.store = store
        self.uid = uid
        self.context: dict[str, Any] = dict(context or {})
        lang = self.context.get("lang")
        self.lang = lang if isinstance(lang, str) and lang in LANGUAGES else DEFAULT_LANG
        self.memo: dict[Any, Any] = {}
        """Values computed once per call (stock scope, per-product quantities)."""

    @property
    def registry(self) -> Registry:
        return self.store.registry

    def spec(self, model: str) -> ModelSpec:
        return self.store.registry[model]

    def with_context(self, **values: Any) -> Env:
        return Env(self.store, self.uid, {**self.context, **values})

    def value(self, model: str, row: Row, name: str) -> Any:
        """The raw value of field `name` of `row` (stored, related or computed)."""
        spec = self.store.registry[model]
        return self.field_value(spec, spec.fields[name], row)

    def field_value(self, spec: ModelSpec, field: Field, row: Row) -> Any:
        if field.related is not None:
            return self._follow(spec, row, field)
        if field.compute is not None:
            return field.compute(self, row)
        if field.name == "display_name":
            return self.display_name_of(spec, row)
        if field.type == "one2many":
            assert field.relation is not None
            assert field.inverse_name is not None
            return sorted(self.store.tables[field.relation].lookup(field.inverse_name, row["id"]))
        value = row.get(field.name, _MISSING)
        if value is _MISSING:
            value = self.store.tables[spec.name].defaults.get(field.name, field.empty)
        if field.translate and isinstance(value, dict):
            return value.get(self.lang) or value.get(DEFAULT_LANG, False)
        return value

    def _follow(self, spec: ModelSpec, row: Row, field: Field) -> Any:
        assert field.related is not None
        *steps, last = field.related
        current_spec, current = spec, row
        for step in steps:
            link = current_spec.fields[step]
            target = self.field_value(current_spec, link, current)
            if not target:
                return field.empty
            assert link.relation is not None
            nxt = self.store.row(link.relation, target)
            if nxt is None:
                return field.empty
            current_spec, current = self.store.registry[link.relation], nxt
        return self.field_value(current_spec, current_spec.fields[last], current)

    def display_name_of(self, spec: ModelSpec, row: Row) -> str:
        if spec.display is not None:
            return spec.display(self, row)
        name = self.field_value(spec, spec.fields[spec.rec_name], row)
        return str(name) if name else f"{spec.name},{row['id']}"

    def display_name(self, model: str, rid: int) -> str | bool:
        row = self.store.row(model, rid)
        if row is None:
            return False
        return self.display_name_of(self.store.registry[model], row)


__all__ = ["DEFAULT_LANG", "LANGUAGES", "Env"]
