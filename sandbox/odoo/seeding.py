"""Fill the emulator's store from the shared world: the ERP's view of the shop.

One warehouse per world warehouse (a view location and its `lot_stock_id` internal location), one
template per product and one variant per SKU, one quant per (variant, warehouse) with the world's
quantity and reservation, a partner per customer, and for every order its sale order, lines,
invoice and delivery (with one stock move per line).
"""

from __future__ import annotations

import gc
from datetime import timedelta
from typing import Any

from sandbox.seed import EPOCH, Customer, Order, Warehouse, World

from . import base_records as b
from .definitions import build_registry
from .definitions.sale import line_amounts
from .env import Env
from .store import Row, Store
from .timestamps import format_date, format_datetime

SEEDED_AT = format_datetime(EPOCH - timedelta(days=420))
"""When the sandbox database was created: the creation date of rows the world gives none for."""

COUNTRY_NAMES = {
    "DE": {"en_US": "Germany", "fr_FR": "Allemagne", "de_DE": "Deutschland"},
    "FR": {"en_US": "France", "fr_FR": "France", "de_DE": "Frankreich"},
    "GB": {"en_US": "United Kingdom", "fr_FR": "Royaume-Uni", "de_DE": "Vereinigtes Königreich"},
    "US": {"en_US": "United States", "fr_FR": "États-Unis", "de_DE": "Vereinigte Staaten"},
}
STOCK_LOCATION_NAME = {"en_US": "Stock", "fr_FR": "Stock", "de_DE": "Lager"}
INVOICE_PAYMENT_DAYS = 30


def build_store(world: World) -> Store:
    """A store holding the ERP side of `world`."""
    # The load allocates ~200,000 acyclic row dicts at 10k products; the cyclic collector would
    # rescan them over and over (half the start-up time), so it pauses for the bulk load.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load(world)
    finally:
        if paused:
            gc.enable()


def _load(world: World) -> Store:
    store = Store(build_registry())
    for table in store.tables.values():
        table.defaults.update(
            create_date=SEEDED_AT, write_date=SEEDED_AT, create_uid=b.ADMIN_UID, write_uid=b.ADMIN_UID
        )
        if "company_id" in table.spec.fields and table.spec.name not in _SHARED_MODELS:
            table.defaults["company_id"] = b.COMPANY_ID
        if "active" in table.spec.fields:
            table.defaults["active"] = True
    _base(store)
    _warehouses(store, world)
    _catalog(store, world)
    _customers(store, world)
    sku_ids = {variant.sku: variant.odoo_id for _, variant in world.variants()}
    _quants(store, world, sku_ids)
    customers = {customer.id: customer for customer in world.customers}
    warehouses = {warehouse.id: warehouse for warehouse in world.warehouses}
    for order in world.orders:
        _order(store, order, customers[order.customer_id], warehouses[order.warehouse_id], sku_ids)
    return store


_SHARED_MODELS = frozenset({"product.template", "product.product", "res.partner", "delivery.carrier"})
"""Models whose records Odoo shares between companies (`company_id` empty)."""


def _insert(store: Store, model: str, **values: Any) -> int:
    return store.table(model).insert(values)


def _base(store: Store) -> None:
    _insert(store, "res.company", id=b.COMPANY_ID, name=b.COMPANY_NAME, partner_id=b.COMPANY_PARTNER_ID,
            currency_id=b.EUR_ID, country_id=b.COUNTRIES["DE"][0], email="info@northwind.example",
            phone="+49 30 5550 1000", sequence=10)  # fmt: skip
    for cid, code, symbol, full_name, position in b.CURRENCIES:
        _insert(store, "res.currency", id=cid, name=code, symbol=symbol, full_name=full_name, rounding=0.01,
                decimal_places=2, position=position)  # fmt: skip
    for code, (cid, _) in b.COUNTRIES.items():
        _insert(store, "res.country", id=cid, name=COUNTRY_NAMES[code], code=code)
    people = (
        (b.COMPANY_PARTNER_ID, b.COMPANY_NAME, "info@northwind.example", True, True),
        (b.ODOOBOT_PARTNER_ID, "OdooBot", "odoobot@example.com", False, False),
        (b.ADMIN_PARTNER_ID, "Mitchell Admin", "admin@northwind.example", False, True),
        (b.GATEWAY_PARTNER_ID, b.GATEWAY_NAME, b.GATEWAY_LOGIN, False, True),
    )
    for pid, name, email, is_company, active in people:
        _insert(store, "res.partner", id=pid, name=name, complete_name=name, email=email, is_company=is_company,
                active=active, type="contact", ref=False, city="Berlin", zip="10115",
                country_id=b.COUNTRIES["DE"][0], lang="en_US", tz=b.USER_TZ)  # fmt: skip
    users = (
        (b.SYSTEM_UID, b.ODOOBOT_PARTNER_ID, "__system__", False),
        (b.ADMIN_UID, b.ADMIN_PARTNER_ID, "admin", True),
        (b.GATEWAY_UID, b.GATEWAY_PARTNER_ID, b.GATEWAY_LOGIN, True),
    )
    for uid, partner_id, login, active in users:
        _insert(store, "res.users", id=uid, partner_id=partner_id, login=login, company_id=b.COMPANY_ID,
                lang="en_US", tz=b.USER_TZ, active=active, share=False)  # fmt: skip
    _insert(store, "uom.uom", id=b.UNIT_UOM_ID, name={"en_US": "Units", "fr_FR": "Unités", "de_DE": "Stück"},
            rounding=0.01)  # fmt: skip
    _insert(store, "account.tax", id=b.SALE_TAX_ID, name={"en_US": "20%", "fr_FR": "20%", "de_DE": "20%"},
            amount=b.SALE_TAX_RATE, amount_type="percent", type_tax_use="sale",
            price_include_override="tax_included")  # fmt: skip
    for sequence, (name, (cid, delivery_type, url)) in enumerate(b.CARRIERS.items()):
        _insert(store, "delivery.carrier", id=cid, name=name, delivery_type=delivery_type,
                sequence=10 * (sequence + 1), _tracking_url=url)  # fmt: skip
    for lid, name, usage, parent in (
        (b.PHYSICAL_LOCATIONS_ID, "Physical Locations", "view", False),
        (b.PARTNER_LOCATIONS_ID, "Partners", "view", False),
        (b.VIRTUAL_LOCATIONS_ID, "Virtual Locations", "view", False),
        (b.VENDORS_LOCATION_ID, "Vendors", "supplier", b.PARTNER_LOCATIONS_ID),
        (b.CUSTOMERS_LOCATION_ID, "Customers", "customer", b.PARTNER_LOCATIONS_ID),
    ):
        complete = f"Partners/{name}" if parent else name
        _insert(store, "stock.location", id=lid, name=name, complete_name=complete, usage=usage,
                location_id=parent, warehouse_id=False, company_id=False)  # fmt: skip


def _warehouses(store: Store, world: World) -> None:
    for sequence, warehouse in enumerate(world.warehouses):
        view_id = warehouse.location_id - 1
        assert store.row("stock.location", view_id) is None, (
            "warehouse location ids must leave room for views"
        )
        _insert(store, "stock.location", id=view_id, name=warehouse.code, complete_name=warehouse.code,
                usage="view", location_id=b.PHYSICAL_LOCATIONS_ID, warehouse_id=warehouse.id)  # fmt: skip
        _insert(store, "stock.location", id=warehouse.location_id, name=STOCK_LOCATION_NAME,
                complete_name=f"{warehouse.code}/Stock", usage="internal", location_id=view_id,
                warehouse_id=warehouse.id, barcode=f"{warehouse.code}-STOCK")  # fmt: skip
        _insert(store, "stock.warehouse", id=warehouse.id, name=warehouse.name, code=warehouse.code,
                lot_stock_id=warehouse.location_id, view_location_id=view_id, partner_id=b.COMPANY_PARTNER_ID,
                sequence=10 * (sequence + 1))  # fmt: skip


def _catalog(store: Store, world: World) -> None:
    for product in world.products:
        created, updated = format_datetime(product.created_at), format_datetime(product.updated_at)
        single = product.variants[0] if len(product.variants) == 1 else None
        list_price = float(min(variant.price for variant in product.variants))
        _insert(store, "product.template", id=product.odoo_template_id,
                name={"en_US": product.title.en_US, "fr_FR": product.title.fr_FR, "de_DE": product.title.de_DE},
                default_code=single.sku if single else False, barcode=single.barcode if single else False,
                type="consu", is_storable=True, sale_ok=True, purchase_ok=True, list_price=list_price,
                standard_price=round(list_price * 0.45, 2), currency_id=b.EUR_ID, uom_id=b.UNIT_UOM_ID,
                weight=product.variants[0].weight_g / 1000, is_favorite=False, company_id=False,
                description_sale={"en_US": product.description.en_US, "fr_FR": product.description.fr_FR,
                                  "de_DE": product.description.de_DE},
                create_date=created, write_date=updated)  # fmt: skip
        for variant in product.variants:
            price = float(variant.price)
            _insert(store, "product.product", id=variant.odoo_id, product_tmpl_id=product.odoo_template_id,
                    default_code=variant.sku, barcode=variant.barcode, lst_price=price,
                    standard_price=round(price * 0.45, 2), weight=variant.weight_g / 1000, company_id=False,
                    create_date=created, write_date=updated, _colour=variant.colour, _size=variant.size,
                    _show_colour=len(product.colours) > 1, _show_size=len(product.sizes) > 1)  # fmt: skip


def _quants(store: Store, world: World, sku_ids: dict[str, int]) -> None:
    locations = {warehouse.id: warehouse.location_id for warehouse in world.warehouses}
    created = {variant.sku: format_datetime(product.created_at) for product, variant in world.variants()}
    quants = store.table("stock.quant")
    for qid, level in enumerate(world.stock, start=1):
        quants.insert(
            {
                "id": qid,
                "product_id": sku_ids[level.sku],
                "location_id": locations[level.warehouse_id],
                "quantity": float(level.quantity),
                "reserved_quantity": float(level.reserved),
                "in_date": created[level.sku],
                "create_date": created[level.sku],
                "write_date": created[level.sku],
            }
        )


def _customers(store: Store, world: World) -> None:
    for customer in world.customers:
        _insert(store, "res.partner", id=customer.odoo_partner_id, name=customer.name, complete_name=customer.name,
                email=customer.email, phone=customer.phone, city=customer.city, zip=customer.zip,
                country_id=b.COUNTRIES[customer.country][0], lang=customer.locale, is_company=False,
                type="contact", ref=False, customer_rank=1, company_id=False,
                create_date=format_datetime(customer.created_at),
                write_date=format_datetime(customer.created_at))  # fmt: skip


def _order(
    store: Store, order: Order, customer: Customer, warehouse: Warehouse, sku_ids: dict[str, int]
) -> None:
    erp = order.erp
    partner_id = customer.odoo_partner_id
    created = format_datetime(order.created_at)
    carrier_id = b.CARRIERS[erp.carrier][0]
    invoiced = erp.invoice_id is not None
    delivered = erp.delivery_state == "done"
    _insert(store, "sale.order", id=erp.sale_order_id, name=erp.sale_order_name, partner_id=partner_id,
            partner_invoice_id=partner_id, partner_shipping_id=partner_id, client_order_ref=order.name,
            origin=False, state=erp.state, date_order=created, commitment_date=False, currency_id=b.EUR_ID,
            warehouse_id=warehouse.id, carrier_id=carrier_id, create_date=created, write_date=created)  # fmt: skip
    env = Env(store, b.ADMIN_UID, {"lang": customer.locale})
    lines = store.table("sale.order.line")
    line_rows: list[Row] = []
    for line in order.lines:
        product_id = sku_ids[line.sku]
        row: Row = {
            "id": lines.next_id(),
            "order_id": erp.sale_order_id,
            "sequence": 10,
            "name": env.display_name("product.product", product_id),
            "product_id": product_id,
            "product_uom_qty": float(line.quantity),
            "product_uom_id": b.UNIT_UOM_ID,
            "price_unit": float(line.unit_price),
            "discount": 0.0,
            "tax_ids": [b.SALE_TAX_ID],
            "qty_delivered": float(line.quantity) if delivered else 0.0,
            "qty_invoiced": float(line.quantity) if invoiced else 0.0,
            "create_date": created,
            "write_date": created,
        }
        lines.insert(row)
        line_rows.append(row)
    if erp.invoice_id is not None:
        untaxed, tax, total = (round(sum(line_amounts(row)[i] for row in line_rows), 2) for i in range(3))
        day = order.created_at.date()
        _insert(store, "account.move", id=erp.invoice_id, name=erp.invoice_name, move_type="out_invoice",
                state="posted", payment_state=erp.payment_state, date=format_date(day), invoice_date=format_date(day),
                invoice_date_due=format_date(day + timedelta(days=INVOICE_PAYMENT_DAYS)),
                invoice_origin=erp.sale_order_name, ref=order.name, partner_id=partner_id, currency_id=b.EUR_ID,
                amount_untaxed=untaxed, amount_tax=tax, amount_total=total,
                amount_residual=0.0 if erp.payment_state == "paid" else total,
                create_date=created, write_date=created)  # fmt: skip
    if erp.delivery_id is not None:
        scheduled = format_datetime(order.created_at + timedelta(days=1))
        done_at = format_datetime(order.created_at + timedelta(days=2)) if delivered else False
        _insert(store, "stock.picking", id=erp.delivery_id, name=erp.delivery_name, origin=erp.sale_order_name,
                sale_id=erp.sale_order_id, partner_id=partner_id, picking_type_code="outgoing",
                state=erp.delivery_state, priority="0", scheduled_date=scheduled, date_done=done_at,
                carrier_id=carrier_id, carrier_tracking_ref=erp.tracking_ref or False,
                location_id=warehouse.location_id, location_dest_id=b.CUSTOMERS_LOCATION_ID,
                create_date=created, write_date=done_at or created)  # fmt: skip
        moves = store.table("stock.move")
        for row in line_rows:
            moves.insert(
                {
                    "id": moves.next_id(),
                    "name": row["name"],
                    "reference": erp.delivery_name,
                    "origin": erp.sale_order_name,
                    "product_id": row["product_id"],
                    "product_uom_qty": row["product_uom_qty"],
                    "quantity": row["product_uom_qty"] if erp.delivery_state != "cancel" else 0.0,
                    "product_uom": b.UNIT_UOM_ID,
                    "state": erp.delivery_state,
                    "picking_id": erp.delivery_id,
                    "location_id": warehouse.location_id,
                    "location_dest_id": b.CUSTOMERS_LOCATION_ID,
                    "sale_line_id": row["id"],
                    "date": done_at or scheduled,
                    "create_date": created,
                    "write_date": done_at or created,
                }
            )


__all__ = ["SEEDED_AT", "build_store"]
