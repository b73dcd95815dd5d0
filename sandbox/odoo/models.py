"""The model registry: what each emulated Odoo model is called, holds, sorts by and lets the gateway do.

Every model gets Odoo's magic fields (`id`, `display_name`, `create_date`, `write_date`,
`create_uid`, `write_uid`) on top of its own, so `fields_get` and `read` look like Odoo's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import fields as f

if TYPE_CHECKING:
    from .env import Env
    from .store import Row

DisplayName = Callable[["Env", "Row"], str]


@dataclass(frozen=True, slots=True)
class Access:
    """What the gateway's integration user may do on a model (Odoo's `ir.model.access` rows)."""

    write: bool = False
    create: bool = False
    group: str = "Administration / Settings"
    """The group Odoo names in the AccessError when the user lacks the right."""


READ_ONLY = Access()


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """One Odoo model as the emulator serves it."""

    name: str
    description: str
    """Odoo's `_description`, used in access and constraint messages."""
    class_name: str
    """The Python class name Odoo's TypeErrors mention (`SaleOrder.action_confirm() ...`)."""
    fields: dict[str, f.Field]
    order: str = "id"
    """Odoo's `_order`: the default sort of searches."""
    rec_name: str = "name"
    display: DisplayName | None = None
    """How `display_name` is built when it is not simply the `rec_name` field."""
    parent_name: str | None = None
    """The parent many2one `child_of` follows (`stock.location.location_id`)."""
    access: Access = READ_ONLY
    indexed: tuple[str, ...] = field(default=())

    @property
    def has_active(self) -> bool:
        return "active" in self.fields


MAGIC_FIELDS = (
    f.integer("id", "ID", readonly=True),
    f.char("display_name", "Display Name", store=False, readonly=True),
    f.datetime("create_date", "Created on", readonly=True),
    f.many2one("create_uid", "Created by", "res.users", readonly=True, index=False),
    f.datetime("write_date", "Last Updated on", readonly=True),
    f.many2one("write_uid", "Last Updated by", "res.users", readonly=True, index=False),
)


def model(
    name: str,
    description: str,
    class_name: str,
    own_fields: Iterable[f.Field],
    *,
    order: str = "id",
    rec_name: str = "name",
    display: DisplayName | None = None,
    parent_name: str | None = None,
    access: Access = READ_ONLY,
) -> ModelSpec:
    """Build a model with Odoo's magic fields in front of its own, indexing what asks to be indexed."""
    by_name = {fld.name: fld for fld in (*MAGIC_FIELDS, *own_fields)}
    indexed = tuple(fld.name for fld in by_name.values() if fld.index and fld.store and not fld.translate)
    return ModelSpec(
        name,
        description,
        class_name,
        by_name,
        order=order,
        rec_name=rec_name,
        display=display,
        parent_name=parent_name,
        access=access,
        indexed=indexed,
    )


class Registry:
    """All models by name: `registry["product.product"]`; `KeyError` for an unknown model."""

    def __init__(self, specs: Iterable[ModelSpec]) -> None:
        self._specs = {spec.name: spec for spec in specs}

    def __getitem__(self, name: str) -> ModelSpec:
        return self._specs[name]

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    def __iter__(self) -> Iterator[ModelSpec]:
        return iter(self._specs.values())

    def get(self, name: str) -> ModelSpec | None:
        return self._specs.get(name)


__all__ = ["MAGIC_FIELDS", "READ_ONLY", "Access", "DisplayName", "ModelSpec", "Registry", "model"]
