"""Inventory models: warehouses, locations, quants, moves, deliveries and carriers."""

from __future__ import annotations

from sandbox.odoo import fields as f
from sandbox.odoo.env import Env
from sandbox.odoo.models import Access, ModelSpec, model
from sandbox.odoo.store import Row

LOCATION_USAGES = (
    ("supplier", "Vendor"),
    ("view", "Virtual"),
    ("internal", "Internal"),
    ("customer", "Customer"),
    ("inventory", "Inventory Loss"),
    ("production", "Production"),
    ("transit", "Transit"),
)
MOVE_STATES = (
    ("draft", "New"),
    ("waiting", "Waiting Another Move"),
    ("confirmed", "Waiting Availability"),
    ("partially_available", "Partially Available"),
    ("assigned", "Available"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
)
PICKING_STATES = (
    ("draft", "Draft"),
    ("waiting", "Waiting Another Operation"),
    ("confirmed", "Waiting"),
    ("assigned", "Ready"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
)
PICKING_TYPE_CODES = (("incoming", "Receipt"), ("outgoing", "Delivery"), ("internal", "Internal Transfer"))

PICKING_ACCESS = Access(write=True, group="Inventory / User")
STOCK_GROUP = "Inventory / Administrator"


def _available_quantity(env: Env, row: Row) -> float:
    return round(float(row["quantity"]) - float(row["reserved_quantity"]), 2)


def _tracking_url(env: Env, row: Row) -> str | bool:
    ref = row.get("carrier_tracking_ref")
    carrier = env.store.row("delivery.carrier", row["carrier_id"]) if row.get("carrier_id") else None
    if not ref or carrier is None or not carrier.get("_tracking_url"):
        # Fixed-price carriers have no tracking link in Odoo; only shipping connectors build one.
        return False
    return str(carrier["_tracking_url"]).format(ref=ref)


def _quant_name(env: Env, row: Row) -> str:
    # Odoo names a quant after its location, then its lot when it has one.
    name = str(env.display_name("stock.location", row["location_id"]) or "")
    lot = row.get("lot_id")
    return f"{name} - {env.display_name('stock.lot', lot)}" if lot else name


def _move_name(env: Env, row: Row) -> str:
    # "<origin>/<product code>: <source> > <destination>", as Odoo's stock.move display name.
    picking = env.store.row("stock.picking", row["picking_id"]) if row.get("picking_id") else None
    origin = f"{picking['origin']}/" if picking and picking.get("origin") else ""
    product = env.store.row("product.product", row["product_id"])
    code = f"{product['default_code']}: " if product and product.get("default_code") else ""
    return f"{origin}{code}{_location_name(env, row['location_id'])} > {_location_name(env, row['location_dest_id'])}"


def _location_name(env: Env, location_id: int | bool) -> str:
    location = env.store.row("stock.location", location_id) if location_id else None
    return str(env.value("stock.location", location, "name") or "") if location else ""


WAREHOUSE = model(
    "stock.warehouse",
    "Warehouse",
    "StockWarehouse",
    (
        f.char("name", "Warehouse", required=True, index=True),
        f.char("code", "Short Name", required=True, help="Short name used to identify your warehouse"),
        f.many2one("lot_stock_id", "Location Stock", "stock.location", required=True),
        f.many2one("view_location_id", "View Location", "stock.location", required=True),
        f.many2one("company_id", "Company", "res.company", required=True),
        f.many2one("partner_id", "Address", "res.partner"),
        f.integer("sequence", "Sequence"),
        f.boolean("active", "Active"),
    ),
    order="sequence,id",
    access=Access(group=STOCK_GROUP),
)

LOCATION = model(
    "stock.location",
    "Inventory Locations",
    "StockLocation",
    (
        f.char("name", "Location Name", required=True, translate=True),
        f.char("complete_name", "Full Location Name", index=True),
        f.selection("usage", "Location Type", LOCATION_USAGES, required=True),
        f.many2one("location_id", "Parent Location", "stock.location"),
        f.many2one("warehouse_id", "Warehouse", "stock.warehouse"),
        f.many2one("company_id", "Company", "res.company"),
        f.char("barcode", "Barcode"),
        f.boolean("active", "Active"),
    ),
    order="complete_name, id",
    rec_name="complete_name",
    parent_name="location_id",
    access=Access(group=STOCK_GROUP),
)

LOT = model(
    "stock.lot",
    "Lot/Serial",
    "StockLot",
    (
        f.char("name", "Lot/Serial Number", required=True),
        f.many2one("product_id", "Product", "product.product", required=True),
        f.many2one("company_id", "Company", "res.company"),
    ),
    order="name, id",
    access=Access(group=STOCK_GROUP),
)

PACKAGE = model(
    "stock.quant.package",
    "Packages",
    "StockQuantPackage",
    (f.char("name", "Package Reference", required=True), f.many2one("company_id", "Company", "res.company")),
    order="name",
    access=Access(group=STOCK_GROUP),
)

QUANT = model(
    "stock.quant",
    "Quants",
    "StockQuant",
    (
        f.many2one("product_id", "Product", "product.product", required=True),
        f.related(
            f.many2one("product_tmpl_id", "Product Template", "product.template"),
            "product_id",
            "product_tmpl_id",
        ),
        f.related(f.many2one("product_uom_id", "Unit", "uom.uom"), "product_id", "uom_id"),
        f.many2one("location_id", "Location", "stock.location", required=True),
        f.related(f.many2one("warehouse_id", "Warehouse", "stock.warehouse"), "location_id", "warehouse_id"),
        f.many2one("lot_id", "Lot/Serial Number", "stock.lot"),
        f.many2one("package_id", "Package", "stock.quant.package"),
        f.many2one("owner_id", "Owner", "res.partner"),
        f.floating(
            "quantity",
            "Quantity",
            readonly=True,
            help="Quantity of products in this quant, in the default unit of measure of the product",
        ),
        f.floating("reserved_quantity", "Reserved Quantity", readonly=True, required=True),
        f.computed(
            f.floating(
                "available_quantity",
                "Available Quantity",
                help="On hand quantity which hasn't been reserved on a transfer, in the default unit of measure of the product",
            ),
            _available_quantity,
        ),
        f.datetime("in_date", "Incoming Date", readonly=True, required=True),
        f.many2one("company_id", "Company", "res.company"),
    ),
    order="id",
    display=_quant_name,
    access=Access(group=STOCK_GROUP),
)

MOVE = model(
    "stock.move",
    "Stock Move",
    "StockMove",
    (
        f.char("name", "Description"),
        f.char("reference", "Reference", index=True),
        f.char("origin", "Source Document"),
        f.many2one("product_id", "Product", "product.product", required=True),
        f.floating("product_uom_qty", "Demand", required=True),
        f.floating("quantity", "Quantity"),
        f.many2one("product_uom", "Unit", "uom.uom", required=True, index=False),
        f.selection("state", "Status", MOVE_STATES),
        f.many2one("picking_id", "Transfer", "stock.picking"),
        f.many2one("location_id", "Source Location", "stock.location", required=True),
        f.many2one("location_dest_id", "Destination Location", "stock.location", required=True),
        f.many2one("sale_line_id", "Sale Line", "sale.order.line"),
        f.datetime("date", "Date Scheduled"),
        f.many2one("company_id", "Company", "res.company", required=True),
    ),
    order="id",
    display=_move_name,
    access=Access(group=STOCK_GROUP),
)

PICKING = model(
    "stock.picking",
    "Transfer",
    "StockPicking",
    (
        f.char("name", "Reference", index=True),
        f.char("origin", "Source Document", index=True, help="Reference of the document"),
        f.many2one("sale_id", "Sales Order", "sale.order"),
        f.many2one("partner_id", "Contact", "res.partner"),
        f.selection("picking_type_code", "Type of Operation", PICKING_TYPE_CODES),
        f.selection("state", "Status", PICKING_STATES),
        f.selection("priority", "Priority", (("0", "Normal"), ("1", "Urgent"))),
        f.datetime("scheduled_date", "Scheduled Date", required=True),
        f.datetime("date_done", "Date of Transfer", readonly=True),
        f.many2one("carrier_id", "Carrier", "delivery.carrier"),
        f.char("carrier_tracking_ref", "Tracking Reference"),
        f.computed(f.char("carrier_tracking_url", "Tracking URL"), _tracking_url),
        f.one2many("move_ids", "Stock Moves", "stock.move", "picking_id"),
        f.many2one("location_id", "Source Location", "stock.location", required=True),
        f.many2one("location_dest_id", "Destination Location", "stock.location", required=True),
        f.many2one("company_id", "Company", "res.company"),
    ),
    order="priority desc, scheduled_date asc, id desc",
    access=PICKING_ACCESS,
)

CARRIER = model(
    "delivery.carrier",
    "Shipping Methods",
    "DeliveryCarrier",
    (
        f.char("name", "Delivery Method", required=True, translate=True),
        f.selection(
            "delivery_type",
            "Provider",
            (("base_on_rule", "Based on Rules"), ("fixed", "Fixed Price"), ("dhl", "DHL"), ("ups", "UPS")),
            required=True,
        ),
        f.integer("sequence", "Sequence"),
        f.boolean("active", "Active"),
        f.many2one("company_id", "Company", "res.company"),
    ),
    order="sequence, id",
    access=Access(group=STOCK_GROUP),
)

MODELS: tuple[ModelSpec, ...] = (WAREHOUSE, LOCATION, LOT, PACKAGE, QUANT, MOVE, PICKING, CARRIER)

__all__ = ["MODELS", "MOVE_STATES", "PICKING_STATES"]
