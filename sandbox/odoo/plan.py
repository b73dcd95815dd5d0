"""A write plan: the rows one call creates, changes and deletes, applied only once all are valid.

Odoo runs each call in one database transaction; the emulator gets the same all-or-nothing effect
by validating every value into a plan first and touching the store only in `apply`. Rows the plan
creates are visible to later steps of the same call (a sale order line sees its new order).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .store import Row, Store


@dataclass(slots=True)
class Plan:
    """Pending inserts, updates and deletes of one call."""

    store: Store
    inserts: list[tuple[str, Row]] = field(default_factory=list)
    updates: list[tuple[str, int, Row]] = field(default_factory=list)
    deletes: list[tuple[str, int]] = field(default_factory=list)

    def row(self, model: str, rid: int) -> Row | None:
        """A row as the call sees it: created by the plan, else from the store (with planned changes)."""
        for name, row in self.inserts:
            if name == model and row["id"] == rid:
                return row
        current = self.store.row(model, rid)
        if current is None or (model, rid) in self.deletes:
            return None
        changes = [values for name, uid, values in self.updates if name == model and uid == rid]
        if not changes:
            return current
        merged = dict(current)
        for values in changes:
            merged.update(values)
        return merged

    def exists(self, model: str, rid: int) -> bool:
        return self.row(model, rid) is not None

    def apply(self) -> None:
        for model, row in self.inserts:
            self.store.table(model).insert(row)
        for model, rid, values in self.updates:
            table = self.store.table(model)
            if rid in table.rows:
                table.update(rid, values)
        for model, rid in self.deletes:
            table = self.store.table(model)
            if rid in table.rows:
                table.delete(rid)


__all__ = ["Plan"]
