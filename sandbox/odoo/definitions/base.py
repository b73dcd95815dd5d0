"""The `base` models the business models point at: company, currencies, countries, partners, users."""

from __future__ import annotations

from sandbox.odoo import fields as f
from sandbox.odoo.env import Env
from sandbox.odoo.models import Access, ModelSpec, model
from sandbox.odoo.store import Row

LANG_SELECTION = (("en_US", "English (US)"), ("fr_FR", "French / Français"), ("de_DE", "German / Deutsch"))

CUSTOMER_ACCESS = Access(write=True, create=True, group="Sales / User: Own Documents Only")


def _partner_name(env: Env, row: Row) -> str:
    # Odoo shows a contact of a company as "Company, Contact".
    parent = row.get("parent_id")
    if parent:
        company = env.display_name("res.partner", parent)
        return f"{company}, {row['name']}" if company else str(row["name"])
    return str(row.get("name") or "")


def _sale_order_count(env: Env, row: Row) -> int:
    return len(env.store.table("sale.order").lookup("partner_id", row["id"]))


COMPANY = model(
    "res.company",
    "Companies",
    "ResCompany",
    (
        f.char("name", "Company Name", required=True),
        f.many2one("partner_id", "Partner", "res.partner", required=True),
        f.many2one("currency_id", "Currency", "res.currency", required=True),
        f.many2one("country_id", "Country", "res.country"),
        f.char("email", "Email"),
        f.char("phone", "Phone"),
        f.integer("sequence", "Sequence"),
    ),
    order="sequence, name",
)

CURRENCY = model(
    "res.currency",
    "Currency",
    "ResCurrency",
    (
        f.char("name", "Currency", required=True, help="Currency Code (ISO 4217)"),
        f.char("full_name", "Name"),
        f.char("symbol", "Symbol", required=True),
        f.floating("rounding", "Rounding Factor"),
        f.integer("decimal_places", "Decimal Places"),
        f.boolean("active", "Active"),
        f.selection("position", "Symbol Position", (("after", "After Amount"), ("before", "Before Amount"))),
    ),
    order="active desc, name",
)

COUNTRY = model(
    "res.country",
    "Country",
    "ResCountry",
    (
        f.char("name", "Country Name", required=True, translate=True),
        f.char("code", "Country Code", help="The ISO country code in two chars.", index=True),
    ),
    order="name, id",
)

PARTNER = model(
    "res.partner",
    "Contact",
    "ResPartner",
    (
        f.char("name", "Name", index=True),
        f.char("complete_name", "Complete Name"),
        f.char("ref", "Reference", index=True),
        f.char("email", "Email", index=True),
        f.char("phone", "Phone"),
        f.char("street", "Street"),
        f.char("city", "City"),
        f.char("zip", "Zip"),
        f.many2one("country_id", "Country", "res.country"),
        f.related(f.char("country_code", "Country Code"), "country_id", "code"),
        f.selection("lang", "Language", LANG_SELECTION),
        f.char("tz", "Timezone"),
        f.char("vat", "Tax ID"),
        f.boolean("is_company", "Is a Company"),
        f.selection(
            "type",
            "Address Type",
            (
                ("contact", "Contact"),
                ("invoice", "Invoice Address"),
                ("delivery", "Delivery Address"),
                ("other", "Other Address"),
            ),
        ),
        f.many2one("parent_id", "Related Company", "res.partner"),
        f.one2many("child_ids", "Contact", "res.partner", "parent_id"),
        f.many2one("company_id", "Company", "res.company"),
        f.integer("customer_rank", "Customer Rank"),
        f.integer("supplier_rank", "Supplier Rank"),
        f.boolean("active", "Active"),
        f.one2many("sale_order_ids", "Sales Order", "sale.order", "partner_id"),
        f.computed(f.integer("sale_order_count", "Sale Order Count"), _sale_order_count),
        f.one2many("invoice_ids", "Invoices", "account.move", "partner_id"),
    ),
    order="complete_name ASC, id DESC",
    display=_partner_name,
    access=CUSTOMER_ACCESS,
)

USERS = model(
    "res.users",
    "User",
    "ResUsers",
    (
        f.many2one("partner_id", "Related Partner", "res.partner", required=True),
        f.related(f.char("name", "Name"), "partner_id", "name"),
        f.related(f.char("email", "Email"), "partner_id", "email"),
        f.char("login", "Login", required=True, index=True),
        f.many2one("company_id", "Company", "res.company", required=True),
        f.selection("lang", "Language", LANG_SELECTION),
        f.char("tz", "Timezone"),
        f.boolean("active", "Active"),
        f.boolean("share", "Share User"),
    ),
    order="name, login",
)

UOM = model(
    "uom.uom",
    "Product Unit of Measure",
    "UomUom",
    (
        f.char("name", "Unit Name", required=True, translate=True),
        f.floating("rounding", "Rounding Precision"),
        f.boolean("active", "Active"),
    ),
    order="name",
)

TAX = model(
    "account.tax",
    "Tax",
    "AccountTax",
    (
        f.char("name", "Tax Name", required=True, translate=True),
        f.floating("amount", "Amount"),
        f.selection(
            "amount_type",
            "Tax Computation",
            (
                ("group", "Group of Taxes"),
                ("fixed", "Fixed"),
                ("percent", "Percentage"),
                ("division", "Percentage Tax Included"),
            ),
        ),
        f.selection(
            "type_tax_use", "Tax Type", (("sale", "Sales"), ("purchase", "Purchases"), ("none", "None"))
        ),
        f.selection(
            "price_include_override",
            "Included in Price",
            (("tax_included", "Tax Included"), ("tax_excluded", "Tax Excluded")),
        ),
        f.many2one("company_id", "Company", "res.company", required=True),
        f.boolean("active", "Active"),
    ),
    order="name",
)

MODELS: tuple[ModelSpec, ...] = (COMPANY, CURRENCY, COUNTRY, PARTNER, USERS, UOM, TAX)

__all__ = ["LANG_SELECTION", "MODELS"]
