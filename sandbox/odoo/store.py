"""The emulator's mutable data: one table of rows per model, with hash indexes kept up to date.

Rows are plain dicts of raw stored values keyed by field name (plus private `_`-prefixed keys the
compute functions use, never served). Indexes map a value to the set of row ids holding it, so an
`=`/`in` condition on an indexed field, or a dotted path through an indexed many2one, finds its
rows without scanning 90,000 quants.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .models import ModelSpec, Registry

Row = dict[str, Any]


class Table:
    """The rows of one model by id, with one hash index per indexed field."""

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.rows: dict[int, Row] = {}
        self.indexes: dict[str, dict[Any, set[int]]] = {name: {} for name in spec.indexed}
        self.defaults: dict[str, Any] = {}
        """Values of fields a row leaves out (creation dates and users shared by all seeded rows).
        Never used for indexed fields: the index only sees what the row holds."""
        self.last_id = 0

    def __len__(self) -> int:
        return len(self.rows)

    def next_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def insert(self, row: Row) -> int:
        rid: int = row["id"]
        if rid in self.rows:
            raise KeyError(f"{self.spec.name}({rid},) already exists")
        self.rows[rid] = row
        if rid > self.last_id:
            self.last_id = rid
        for name, index in self.indexes.items():
            value = row.get(name)
            if value is None or value is False:
                continue
            for key in value if isinstance(value, list) else (value,):
                bucket = index.get(key)
                if bucket is None:
                    index[key] = {rid}
                else:
                    bucket.add(rid)
        return rid

    def update(self, rid: int, changes: Row) -> None:
        row = self.rows[rid]
        for name, value in changes.items():
            index = self.indexes.get(name)
            if index is not None:
                for key in _keys(row.get(name, False)):
                    bucket = index.get(key)
                    if bucket is not None:
                        bucket.discard(rid)
                        if not bucket:
                            del index[key]
                for key in _keys(value):
                    index.setdefault(key, set()).add(rid)
            row[name] = value

    def delete(self, rid: int) -> None:
        row = self.rows.pop(rid)
        for name, index in self.indexes.items():
            for key in _keys(row.get(name, False)):
                bucket = index.get(key)
                if bucket is not None:
                    bucket.discard(rid)
                    if not bucket:
                        del index[key]

    def lookup(self, name: str, value: Any) -> set[int]:
        """Ids of the rows whose indexed field `name` equals (or, for a list field, contains) `value`."""
        return self.indexes[name].get(value, set())

    def lookup_many(self, name: str, values: Iterable[Any]) -> set[int]:
        index = self.indexes[name]
        found: set[int] = set()
        for value in values:
            bucket = index.get(value)
            if bucket:
                found |= bucket
        return found


def _keys(value: Any) -> tuple[Any, ...]:
    if value is False or value is None:
        return ()
    if isinstance(value, list):
        return tuple(value)
    return (value,)


class Store:
    """Every model's table, built empty from the registry and filled by the seeding."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.tables = {spec.name: Table(spec) for spec in registry}
        self.changed: list[tuple[str, int]] = []
        """(model, id) of the records whose webhook rules fire once the current call returns."""

    def table(self, model: str) -> Table:
        return self.tables[model]

    def row(self, model: str, rid: int) -> Row | None:
        return self.tables[model].rows.get(rid)

    def notify(self, model: str, rid: int) -> None:
        self.changed.append((model, rid))

    def take_changes(self) -> list[tuple[str, int]]:
        changed, self.changed = self.changed, []
        return changed


__all__ = ["Row", "Store", "Table"]
