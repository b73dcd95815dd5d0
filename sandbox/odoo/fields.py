"""Field definitions of the emulated Odoo models, in the terms Odoo's `fields_get` reports them.

A field is either *stored* (its raw value lives in the record's row), *related* (a path followed at
read time, as Odoo's `related=` fields), *computed* (a function of the row and the environment,
such as the stock quantities that depend on the context's warehouse) or an *inverse* one2many
(the ids of the comodel rows whose many2one points back, found through the comodel's index).

Raw values use Odoo's cache conventions: `False` for an empty char/date/many2one, an int for a
many2one, a list of ids for an x2many, floats for float and monetary fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .env import Env
    from .store import Row

Compute = Callable[["Env", "Row"], Any]
"""Computes a non-stored field's raw value for one row."""

RELATIONAL = frozenset({"many2one", "one2many", "many2many"})
X2MANY = frozenset({"one2many", "many2many"})
NUMERIC = frozenset({"integer", "float", "monetary"})


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a model: its type, label and where its value comes from."""

    name: str
    type: str
    string: str
    relation: str | None = None
    inverse_name: str | None = None
    """For a one2many: the many2one on the comodel that points back."""
    selection: tuple[tuple[str, str], ...] | None = None
    required: bool = False
    readonly: bool = False
    store: bool = True
    index: bool = False
    """Keep a hash index on this field so `=`/`in` conditions narrow candidates without a scan."""
    translate: bool = False
    """The stored value is `{lang: text}`; reads pick the context language."""
    related: tuple[str, ...] | None = None
    compute: Compute | None = None
    help: str | None = None

    @property
    def relational(self) -> bool:
        return self.type in RELATIONAL

    @property
    def empty(self) -> Any:
        """The raw value of an unset field."""
        if self.type in X2MANY:
            return []
        if self.type in NUMERIC:
            return 0 if self.type == "integer" else 0.0
        return False

    def describe(self) -> dict[str, Any]:
        """The field as `fields_get` answers it (all attributes)."""
        description: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "string": self.string,
            "readonly": self.readonly or (not self.store and self.compute is not None),
            "required": self.required,
            "store": self.store,
            "searchable": True,
            "sortable": self.store,
            "groupable": self.store,
            "manual": False,
            "company_dependent": False,
            "depends": list(self.related[:1]) if self.related else [],
        }
        if self.help:
            description["help"] = self.help
        if self.relation:
            description["relation"] = self.relation
            description["context"] = {}
            description["domain"] = []
        if self.inverse_name:
            description["relation_field"] = self.inverse_name
        if self.selection is not None:
            description["selection"] = [list(item) for item in self.selection]
        if self.type in ("char", "text", "html"):
            description["translate"] = self.translate
        if self.type == "char":
            description["trim"] = True
        return description


def char(name: str, string: str, **options: Any) -> Field:
    return Field(name, "char", string, **options)


def text(name: str, string: str, **options: Any) -> Field:
    return Field(name, "text", string, **options)


def integer(name: str, string: str, **options: Any) -> Field:
    return Field(name, "integer", string, **options)


def floating(name: str, string: str, **options: Any) -> Field:
    return Field(name, "float", string, **options)


def monetary(name: str, string: str, **options: Any) -> Field:
    return Field(name, "monetary", string, **options)


def boolean(name: str, string: str, **options: Any) -> Field:
    return Field(name, "boolean", string, **options)


def date(name: str, string: str, **options: Any) -> Field:
    return Field(name, "date", string, **options)


def datetime(name: str, string: str, **options: Any) -> Field:
    return Field(name, "datetime", string, **options)


def selection(name: str, string: str, choices: tuple[tuple[str, str], ...], **options: Any) -> Field:
    return Field(name, "selection", string, selection=choices, **options)


def many2one(name: str, string: str, relation: str, **options: Any) -> Field:
    # Odoo indexes most many2one columns; the emulator indexes them so dotted paths narrow fast,
    # except the company (one value shared by every row, useless for narrowing).
    options.setdefault("index", name != "company_id")
    return Field(name, "many2one", string, relation=relation, **options)


def one2many(name: str, string: str, relation: str, inverse_name: str, **options: Any) -> Field:
    return Field(
        name, "one2many", string, relation=relation, inverse_name=inverse_name, store=False, **options
    )


def many2many(name: str, string: str, relation: str, **options: Any) -> Field:
    return Field(name, "many2many", string, relation=relation, **options)


def related(field: Field, *path: str) -> Field:
    """Make `field` a non-stored related field following `path` (Odoo's `related="a.b"`)."""
    return Field(
        field.name,
        field.type,
        field.string,
        relation=field.relation,
        selection=field.selection,
        readonly=True,
        store=False,
        translate=field.translate,
        related=path,
        help=field.help,
    )


def computed(field: Field, compute: Compute) -> Field:
    """Make `field` a non-stored field computed by `compute`."""
    return Field(
        field.name,
        field.type,
        field.string,
        relation=field.relation,
        selection=field.selection,
        readonly=True,
        store=False,
        compute=compute,
        help=field.help,
    )


__all__ = [
    "NUMERIC",
    "RELATIONAL",
    "X2MANY",
    "Compute",
    "Field",
    "boolean",
    "char",
    "computed",
    "date",
    "datetime",
    "floating",
    "integer",
    "many2many",
    "many2one",
    "monetary",
    "one2many",
    "related",
    "selection",
    "text",
]
