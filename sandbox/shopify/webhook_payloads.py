"""Webhook payloads as Shopify sends them: REST-style snake_case JSON, numeric ids plus
`admin_graphql_api_id`, money as two-decimal strings, times in the shop's time zone."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from .markets import COUNTRIES
from .records import AddressRecord, CustomerRecord, InventoryLevel, OrderLineRecord, OrderRecord

SHOP_ZONE = ZoneInfo("Europe/Berlin")


def rest_time(moment: datetime | None) -> str | None:
    return moment.astimezone(SHOP_ZONE).isoformat(timespec="seconds") if moment else None


def rest_money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _price_set(amount: Decimal, currency: str) -> dict[str, Any]:
    money = {"amount": rest_money(amount), "currency_code": currency}
    return {"shop_money": money, "presentment_money": money}


def address(record: AddressRecord, customer_id: int | None = None) -> dict[str, Any]:
    country = COUNTRIES.get(record.country_code, (record.country_code,))[0]
    body: dict[str, Any] = {
        "id": record.id,
        "first_name": record.first_name,
        "last_name": record.last_name,
        "company": None,
        "address1": record.address1,
        "address2": None,
        "city": record.city,
        "province": None,
        "country": country,
        "zip": record.zip,
        "phone": record.phone,
        "name": f"{record.first_name} {record.last_name}".strip(),
        "province_code": None,
        "country_code": record.country_code,
        "country_name": country,
    }
    if customer_id is not None:
        body = {"customer_id": customer_id, **body, "default": True}
    return body


def customer(record: CustomerRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "email": record.email or None,
        "created_at": rest_time(record.created_at),
        "updated_at": rest_time(record.updated_at),
        "first_name": record.first_name,
        "last_name": record.last_name,
        "state": "enabled",
        "note": record.note,
        "verified_email": True,
        "multipass_identifier": None,
        "tax_exempt": False,
        "phone": record.phone.replace(" ", "") or None,
        "currency": "EUR",
        "tags": ", ".join(record.tags),
        "addresses": [address(record.address, record.id)],
        "tax_exemptions": [],
        "email_marketing_consent": {
            "state": "subscribed" if record.accepts_marketing else "not_subscribed",
            "opt_in_level": "single_opt_in" if record.accepts_marketing else None,
            "consent_updated_at": rest_time(record.created_at) if record.accepts_marketing else None,
        },
        "sms_marketing_consent": None,
        "admin_graphql_api_id": record.gid,
        "default_address": address(record.address, record.id),
    }


def _line(line: OrderLineRecord, order: OrderRecord) -> dict[str, Any]:
    variant = line.variant
    fulfilled = order.fulfillment_status == "FULFILLED"
    return {
        "id": line.id,
        "admin_graphql_api_id": line.gid,
        "variant_id": variant.id if variant else None,
        "product_id": variant.product.id if variant else None,
        "sku": line.sku,
        "title": line.title,
        "variant_title": line.variant_title or None,
        "name": line.name,
        "vendor": variant.product.vendor if variant else None,
        "quantity": line.quantity,
        "current_quantity": line.current_quantity,
        "fulfillable_quantity": line.unfulfilled_quantity,
        "fulfillment_status": "fulfilled" if fulfilled else None,
        "price": rest_money(line.unit_price),
        "price_set": _price_set(line.unit_price, order.currency),
        "total_discount": "0.00",
        "grams": variant.weight_g if variant else 0,
        "requires_shipping": True,
        "taxable": True,
        "gift_card": False,
        "product_exists": variant is not None,
    }


def order(record: OrderRecord) -> dict[str, Any]:
    buyer = record.customer
    return {
        "id": record.id,
        "admin_graphql_api_id": record.gid,
        "buyer_accepts_marketing": buyer.accepts_marketing if buyer else False,
        "cancel_reason": record.cancel_reason.lower() if record.cancel_reason else None,
        "cancelled_at": rest_time(record.cancelled_at),
        "closed_at": rest_time(record.cancelled_at or record.updated_at) if record.closed else None,
        "confirmed": True,
        "contact_email": record.email,
        "created_at": rest_time(record.created_at),
        "currency": record.currency,
        "current_subtotal_price": rest_money(record.current_subtotal),
        "current_total_price": rest_money(record.current_total),
        "current_total_tax": "0.00",
        "customer_locale": buyer.locale.replace("_", "-") if buyer else None,
        "email": record.email,
        "financial_status": record.financial_status.lower(),
        "fulfillment_status": "fulfilled" if record.fulfillment_status == "FULFILLED" else None,
        "name": record.name,
        "note": record.note,
        "number": record.number - 1000,
        "order_number": record.number,
        "presentment_currency": record.currency,
        "processed_at": rest_time(record.processed_at),
        "source_name": record.source,
        "subtotal_price": rest_money(record.subtotal),
        "subtotal_price_set": _price_set(record.subtotal, record.currency),
        "tags": ", ".join(record.tags),
        "test": record.test,
        "total_discounts": "0.00",
        "total_line_items_price": rest_money(record.subtotal),
        "total_price": rest_money(record.total),
        "total_price_set": _price_set(record.total, record.currency),
        "total_tax": "0.00",
        "total_weight": sum(
            (line.variant.weight_g if line.variant else 0) * line.quantity for line in record.lines
        ),
        "updated_at": rest_time(record.updated_at),
        "customer": customer(buyer) if buyer else None,
        "billing_address": address(buyer.address) if buyer else None,
        "shipping_address": address(buyer.address) if buyer else None,
        "line_items": [_line(line, record) for line in record.lines],
        "fulfillments": [
            {
                "id": f.id,
                "admin_graphql_api_id": f.gid,
                "name": f.name,
                "status": "success",
                "tracking_company": f.company,
                "tracking_number": f.number,
                "created_at": rest_time(f.created_at),
                "location_id": f.location.id,
            }
            for f in record.fulfillments
        ],
        "refunds": [],
    }


def inventory_level(level: InventoryLevel) -> dict[str, Any]:
    item = level.variant.inventory_item_id
    return {
        "inventory_item_id": item,
        "location_id": level.location.id,
        "available": level.available,
        "updated_at": rest_time(level.updated_at),
        "admin_graphql_api_id": f"gid://shopify/InventoryLevel/{level.location.id}?inventory_item_id={item}",
    }


__all__ = ["address", "customer", "inventory_level", "order", "rest_money", "rest_time"]
