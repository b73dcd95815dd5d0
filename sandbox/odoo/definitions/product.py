"""`product.template` and `product.product`: the catalog as the ERP sees it, with computed stock."""

from __future__ import annotations

from sandbox.odoo import fields as f, stock_levels
from sandbox.odoo.env import Env
from sandbox.odoo.models import ModelSpec, model
from sandbox.odoo.store import Row

PRODUCT_TYPES = (("consu", "Goods"), ("service", "Service"), ("combo", "Combo"))


def variant_attributes(env: Env, row: Row) -> str:
    """The "(Red, M)" part of a variant's name: only attributes the template has several values of."""
    values: list[str] = []
    colour = row.get("_colour")
    if colour is not None and row.get("_show_colour"):
        values.append(colour.in_locale(env.lang))
    if row.get("_show_size"):
        values.append(str(row["_size"]))
    return ", ".join(values)


def _variant_display_name(env: Env, row: Row) -> str:
    name = env.value("product.product", row, "name") or ""
    code = row.get("default_code")
    label = f"[{code}] {name}" if code else str(name)
    attributes = variant_attributes(env, row)
    return f"{label} ({attributes})" if attributes else label


def _template_display_name(env: Env, row: Row) -> str:
    name = env.value("product.template", row, "name") or ""
    code = row.get("default_code")
    return f"[{code}] {name}" if code else str(name)


def _price_extra(env: Env, row: Row) -> float:
    return round(float(row["lst_price"]) - float(env.value("product.product", row, "list_price")), 2)


def _variant_count(env: Env, row: Row) -> int:
    return len(env.store.table("product.product").lookup("product_tmpl_id", row["id"]))


def _template_on_hand(env: Env, row: Row) -> float:
    return stock_levels.template_figures(env, row).on_hand


def _template_forecast(env: Env, row: Row) -> float:
    return stock_levels.template_figures(env, row).forecast


_NAME = f.char("name", "Name", required=True, translate=True, index=True)
_TYPE = f.selection("type", "Product Type", PRODUCT_TYPES, required=True)
_STORABLE = f.boolean(
    "is_storable", "Track Inventory", help="A storable product is a product for which you manage stock."
)
_LIST_PRICE = f.floating("list_price", "Sales Price", help="Price at which the product is sold to customers.")
_FAVORITE = f.boolean("is_favorite", "Favorite")
_SALE_OK = f.boolean("sale_ok", "Can be Sold")
_UOM = f.many2one("uom_id", "Unit", "uom.uom", required=True)
_CURRENCY = f.many2one("currency_id", "Currency", "res.currency")

TEMPLATE = model(
    "product.template",
    "Product",
    "ProductTemplate",
    (
        _NAME,
        f.char("default_code", "Internal Reference", index=True),
        f.char("barcode", "Barcode", index=True),
        _TYPE,
        _STORABLE,
        _SALE_OK,
        f.boolean("purchase_ok", "Can be Purchased"),
        _LIST_PRICE,
        f.floating("standard_price", "Cost"),
        _CURRENCY,
        _UOM,
        f.floating("weight", "Weight"),
        f.text("description_sale", "Sales Description", translate=True),
        _FAVORITE,
        f.boolean("active", "Active"),
        f.many2one("company_id", "Company", "res.company"),
        f.one2many("product_variant_ids", "Products", "product.product", "product_tmpl_id"),
        f.computed(f.integer("product_variant_count", "# Product Variants"), _variant_count),
        f.computed(f.floating("qty_available", "Quantity On Hand"), _template_on_hand),
        f.computed(f.floating("virtual_available", "Forecasted Quantity"), _template_forecast),
    ),
    order="is_favorite desc, name, id",
    display=_template_display_name,
)

PRODUCT = model(
    "product.product",
    "Product Variant",
    "ProductProduct",
    (
        f.many2one("product_tmpl_id", "Product Template", "product.template", required=True),
        f.related(_NAME, "product_tmpl_id", "name"),
        f.char("default_code", "Internal Reference", index=True),
        f.char(
            "barcode",
            "Barcode",
            index=True,
            help="International Article Number used for product identification.",
        ),
        f.related(_TYPE, "product_tmpl_id", "type"),
        f.related(_STORABLE, "product_tmpl_id", "is_storable"),
        f.related(_SALE_OK, "product_tmpl_id", "sale_ok"),
        f.related(_LIST_PRICE, "product_tmpl_id", "list_price"),
        f.floating("lst_price", "Sales Price", help="The sale price is managed from the product template."),
        f.computed(f.floating("price_extra", "Variant Price Extra"), _price_extra),
        f.floating("standard_price", "Cost"),
        f.related(_CURRENCY, "product_tmpl_id", "currency_id"),
        f.related(_UOM, "product_tmpl_id", "uom_id"),
        f.floating("weight", "Weight"),
        f.related(_FAVORITE, "product_tmpl_id", "is_favorite"),
        f.boolean("active", "Active"),
        f.many2one("company_id", "Company", "res.company"),
        f.computed(f.floating("qty_available", "Quantity On Hand"), stock_levels.qty_available),
        f.computed(f.floating("free_qty", "Free To Use Quantity "), stock_levels.free_qty),
        f.computed(f.floating("incoming_qty", "Incoming"), stock_levels.incoming_qty),
        f.computed(f.floating("outgoing_qty", "Outgoing"), stock_levels.outgoing_qty),
        f.computed(f.floating("virtual_available", "Forecasted Quantity"), stock_levels.virtual_available),
        f.one2many("stock_quant_ids", "Stock Quants", "stock.quant", "product_id"),
        f.one2many("stock_move_ids", "Stock Moves", "stock.move", "product_id"),
    ),
    order="is_favorite desc, default_code, name, id",
    display=_variant_display_name,
)

MODELS: tuple[ModelSpec, ...] = (TEMPLATE, PRODUCT)

__all__ = ["MODELS", "variant_attributes"]
