"""The Odoo JSON-2 answers the orders connector reads: sale orders, deliveries, their moves, invoices.

Each model holds exactly the fields the connector asks for (`orders.py` names them), strict on
their JSON types and blind to the rest, with Odoo's conventions (`answers.py`): `false` for
empty, `[id, "display name"]` for a many2one. Dates and datetimes are Odoo's wire strings (naive
UTC `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`); a string in another format is a bad answer, not a guess.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field, PlainValidator, TypeAdapter
from pydantic_core import PydanticCustomError

from .answers import Many2one, Quantity, Record, Text

ODOO_DATETIME = "%Y-%m-%d %H:%M:%S"
ODOO_DATE = "%Y-%m-%d"
AMOUNT_LIMIT = 10**15
"""Beyond this a float no longer holds cents exactly: an amount that large is a broken answer."""


def _datetime(value: object) -> datetime | None:
    if value is False:
        return None
    if isinstance(value, str):
        try:
            return datetime.strptime(value, ODOO_DATETIME).replace(tzinfo=UTC)
        except ValueError:
            pass
    raise PydanticCustomError("odoo_datetime", "expected 'YYYY-MM-DD HH:MM:SS' or false")


def _date(value: object) -> date | None:
    if value is False:
        return None
    if isinstance(value, str):
        try:
            return datetime.strptime(value, ODOO_DATE).date()
        except ValueError:
            pass
    raise PydanticCustomError("odoo_date", "expected 'YYYY-MM-DD' or false")


def _amount(value: object) -> Decimal:
    # A JSON number as Odoo wrote it (`12.3`), never the float's binary expansion.
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < AMOUNT_LIMIT:
        return Decimal(str(value))
    raise PydanticCustomError("odoo_amount", "expected a finite amount")


OdooDatetime = Annotated[datetime | None, PlainValidator(_datetime)]
OdooDate = Annotated[date | None, PlainValidator(_date)]
Amount = Annotated[Decimal, PlainValidator(_amount)]
Selection = Annotated[str, Field(min_length=1)]


class SaleOrderRecord(Record):
    """`sale.order`, read with `SALE_ORDER_FIELDS`."""

    id: int
    name: str
    client_order_ref: Text
    state: Selection


class PickingRecord(Record):
    """`stock.picking`, read with `PICKING_FIELDS`."""

    id: int
    name: Text
    sale_id: Many2one
    state: Selection
    carrier_id: Many2one
    carrier_tracking_ref: Text
    carrier_tracking_url: Text
    scheduled_date: OdooDatetime
    date_done: OdooDatetime


class MoveRecord(Record):
    """`stock.move`, read with `MOVE_FIELDS`."""

    id: int
    picking_id: Many2one
    product_id: Many2one
    product_uom_qty: Annotated[Quantity, Field(ge=0)]
    quantity: Annotated[Quantity, Field(ge=0)]
    state: Selection


class InvoiceRecord(Record):
    """`account.move` of type `out_invoice`, read with `INVOICE_FIELDS`."""

    id: int
    name: Text
    invoice_origin: Text
    state: Selection
    payment_state: Text
    """A selection, `false` where Odoo computed none."""
    invoice_date: OdooDate
    invoice_date_due: OdooDate
    amount_untaxed: Amount
    amount_tax: Amount
    amount_total: Amount
    currency_id: Many2one


SALE_ORDERS = TypeAdapter(list[SaleOrderRecord])
PICKINGS = TypeAdapter(list[PickingRecord])
MOVES = TypeAdapter(list[MoveRecord])
INVOICES = TypeAdapter(list[InvoiceRecord])


__all__ = [
    "INVOICES",
    "MOVES",
    "PICKINGS",
    "SALE_ORDERS",
    "InvoiceRecord",
    "MoveRecord",
    "PickingRecord",
    "SaleOrderRecord",
]
