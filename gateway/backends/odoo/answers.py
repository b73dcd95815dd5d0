"""The Odoo JSON-2 answers the stock connector reads, as pydantic models of exactly the fields it uses.

Odoo's conventions are modelled: `false` (never `null`) for an empty value, `[id, "display name"]`
for a many2one, floats for quantities. Fields the connector does not read are ignored; those it
reads are strict on their JSON types. Quantities must be finite and each within what the
gateway's quantities can carry (`QUANTITY_LIMIT`, GraphQL's 32-bit `Int`); their sums are checked
where they are made (`client.py`). `read_answer` (backends/http) turns any mismatch into the
`BackendBadResponse` of odoo.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, TypeAdapter
from pydantic_core import PydanticCustomError

QUANTITY_LIMIT = 2**31 - 1
"""GraphQL's `Int` is 32-bit: a quantity (or a sum of them) beyond ±this cannot be served."""


class Record(BaseModel):
    """A record of a `search_read` answer: strict on the fields declared, blind to the others."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, allow_inf_nan=False)


def _many2one(value: object) -> tuple[int, str] | None:
    if value is False:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and type(value[0]) is int  # not a bool, which Python counts as an int
        and isinstance(value[1], str)
    ):
        return value[0], value[1]
    raise PydanticCustomError("many2one", "expected [id, name] or false")


Many2one = Annotated[tuple[int, str] | None, PlainValidator(_many2one)]
"""`[id, "display name"]`, or `false` (None) when empty."""


def _text(value: object) -> str | None:
    if value is False:
        return None
    if isinstance(value, str):
        return value
    raise PydanticCustomError("odoo_text", "expected a string or false")


Text = Annotated[str | None, PlainValidator(_text)]
"""A char field: a string, or `false` (None) when empty."""

DISPLAY_SKU = re.compile(r"^\[(?P<sku>[^\]]+)\]")
"""A product's display name, `[SKU] Name`: where a many2one to a product says its SKU."""

Quantity = Annotated[float, Field(ge=-QUANTITY_LIMIT, le=QUANTITY_LIMIT)]


class WarehouseRecord(Record):
    """`stock.warehouse`, read with `fields: ["name", "code"]`."""

    id: int
    name: Text
    code: Text


class QuantRecord(Record):
    """`stock.quant`, read with `fields: QUANT_FIELDS` (client.py)."""

    product_id: Many2one
    warehouse_id: Many2one = None
    """Absent or `false`: the quant is in no warehouse (the connector leaves it out)."""
    quantity: Quantity
    reserved_quantity: Annotated[Quantity, Field(ge=0)]


WAREHOUSES = TypeAdapter(list[WarehouseRecord])
QUANTS = TypeAdapter(list[QuantRecord])


__all__ = [
    "DISPLAY_SKU",
    "QUANTITY_LIMIT",
    "QUANTS",
    "WAREHOUSES",
    "Many2one",
    "QuantRecord",
    "Quantity",
    "Record",
    "Text",
    "WarehouseRecord",
]
