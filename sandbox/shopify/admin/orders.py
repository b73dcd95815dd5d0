"""Admin API orders: lookups, search, `orderCreate` and `orderCancel` (with its job)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sandbox.shopify.cursors import SortValue
from sandbox.shopify.ids import parse_gid
from sandbox.shopify.orders import (
    InventoryClaimFailed,
    NewLine,
    NewOrder,
    cancel_order,
    new_customer,
    place_order,
)
from sandbox.shopify.records import (
    CustomerRecord,
    FulfillmentRecord,
    OrderLineRecord,
    OrderRecord,
)
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.timestamps import iso

from .context import AdminContext, Info
from .money_fields import money_bag
from .search import order_matchers, search_connection

ORDER_SORTS: dict[str, Callable[[OrderRecord], SortValue]] = {
    "ID": lambda o: o.id,
    "CREATED_AT": lambda o: iso(o.created_at),
    "UPDATED_AT": lambda o: iso(o.updated_at),
    "PROCESSED_AT": lambda o: iso(o.processed_at),
    "ORDER_NUMBER": lambda o: o.number,
    "TOTAL_PRICE": lambda o: int(o.total * 100),
    "CURRENT_TOTAL_PRICE": lambda o: int(o.total * 100),
    "CUSTOMER_NAME": lambda o: o.customer.display_name.casefold() if o.customer else "",
    "FINANCIAL_STATUS": lambda o: o.financial_status,
    "FULFILLMENT_STATUS": lambda o: o.fulfillment_status,
    "TOTAL_ITEMS_QUANTITY": lambda o: sum(line.quantity for line in o.lines),
    "DESTINATION": lambda o: o.customer.address.country_code if o.customer else "",
    "PO_NUMBER": lambda o: o.id,
    "RELEVANCE": lambda o: o.id,
}

TRACKING_URLS = {
    "DHL Express": "https://www.dhl.com/en/express/tracking.html?AWB={}",
    "UPS": "https://www.ups.com/track?tracknum={}",
    "Colissimo": "https://www.laposte.fr/outils/suivre-vos-envois?code={}",
}


def _order(info: Info, value: str) -> OrderRecord | None:
    parsed = parse_gid(value)
    if parsed is None or parsed.kind != "Order" or parsed.number is None:
        return None
    return info.context.store.orders.get(parsed.number)


def resolve_order(_root: None, info: Info, id: str) -> OrderRecord | None:
    return _order(info, id)


def resolve_orders(_root: None, info: Info, **args: Any) -> Connection[OrderRecord]:
    store = info.context.store
    return search_connection(info, args, store.orders, order_matchers(store), ORDER_SORTS)


def resolve_job(_root: None, info: Info, id: str) -> dict[str, Any] | None:
    return {"id": id, "done": True, "query": None} if id in info.context.state.jobs else None


# orderCreate


def _user_error(field: list[str], message: str, code: str) -> dict[str, Any]:
    return {"field": field, "message": message, "code": code}


def _resolve_customer(
    ctx: AdminContext, spec: dict[str, Any]
) -> tuple[CustomerRecord | None, dict[str, Any] | None]:
    store = ctx.store
    customer_input = spec.get("customer")
    if customer_input is None and spec.get("customerId") is not None:
        customer_input = {"toAssociate": {"id": spec["customerId"]}}
    if customer_input is None:
        by_email = store.customers_by_email.get((spec.get("email") or "").casefold())
        return by_email, None
    associate = customer_input.get("toAssociate")
    upsert = customer_input.get("toUpsert")
    wanted = associate or upsert or {}
    customer = None
    if wanted.get("id") is not None:
        parsed = parse_gid(wanted["id"])
        customer = store.customers.get(parsed.number or 0) if parsed and parsed.kind == "Customer" else None
        if customer is None:
            field = "toAssociate" if associate else "toUpsert"
            return None, _user_error(["order", "customer", field, "id"], "Customer does not exist", "INVALID")
    elif wanted.get("email"):
        customer = store.customers_by_email.get(wanted["email"].casefold())
    if customer is None and upsert is not None:
        customer = new_customer(
            store, upsert.get("email"), upsert.get("firstName"), upsert.get("lastName"), upsert.get("phone")
        )
    if customer is None and associate is not None:
        return None, _user_error(["order", "customer", "toAssociate"], "Customer does not exist", "INVALID")
    return customer, None


def order_create(
    _root: None, info: Info, order: dict[str, Any], options: dict[str, Any] | None = None
) -> dict[str, Any]:
    ctx = info.context
    store = ctx.store
    items = order.get("lineItems") or []
    if not items:
        return {
            "order": None,
            "userErrors": [_user_error(["order", "lineItems"], "Line items can't be blank", "INVALID")],
        }
    lines: list[NewLine] = []
    for index, item in enumerate(items):
        where = ["order", "lineItems", str(index)]
        if item["quantity"] < 1:
            return {
                "order": None,
                "userErrors": [
                    _user_error(
                        [*where, "quantity"], "Quantity must be greater than or equal to 1", "INVALID"
                    )
                ],
            }
        parsed = parse_gid(item.get("variantId") or "")
        variant = (
            store.variants.get(parsed.number or 0) if parsed and parsed.kind == "ProductVariant" else None
        )
        if variant is None:
            missing = item.get("variantId") or item.get("sku") or item.get("title")
            return {
                "order": None,
                "userErrors": [
                    _user_error(
                        [*where, "variantId"], f"The variant with id {missing} does not exist.", "INVALID"
                    )
                ],
            }
        price_set = item.get("priceSet") or {}
        amount = (price_set.get("shopMoney") or {}).get("amount")
        lines.append(NewLine(variant, item["quantity"], Decimal(str(amount)) if amount is not None else None))
    customer, error = _resolve_customer(ctx, order)
    if error is not None:
        return {"order": None, "userErrors": [error]}
    behaviour = (options or {}).get("inventoryBehaviour") or "BYPASS"
    fulfilled = order.get("fulfillmentStatus") == "FULFILLED"
    try:
        placed = place_order(
            store,
            NewOrder(
                lines,
                customer=customer,
                email=order.get("email"),
                financial_status=order.get("financialStatus") or "PENDING",
                fulfillment_status="FULFILLED" if fulfilled else "UNFULFILLED",
                inventory_behaviour=behaviour,
                tags=sorted(set(order.get("tags") or [])),
                note=order.get("note"),
                source=order.get("sourceName") or "shopify_draft_order",
                test=bool(order.get("test")),
            ),
        )
    except InventoryClaimFailed as failed:
        variant = lines[failed.index].variant
        return {
            "order": None,
            "userErrors": [
                _user_error(
                    ["order", "lineItems", str(failed.index), "quantity"],
                    f"Unable to claim inventory for {variant.display_name}: not enough available.",
                    "INVENTORY_CLAIM_FAILED",
                )
            ],
        }
    return {"order": placed, "userErrors": []}


def order_cancel(
    _root: None, info: Info, orderId: str, reason: str, restock: bool, **args: Any
) -> dict[str, Any]:
    ctx = info.context
    order = _order(info, orderId)
    if order is None:
        error = _user_error(["orderId"], "Order does not exist", "NOT_FOUND")
        return {"job": None, "orderCancelUserErrors": [error], "userErrors": [_plain(error)]}
    if order.cancelled_at is not None:
        error = _user_error(["orderId"], "Cannot cancel an order that has already been canceled", "INVALID")
        return {"job": None, "orderCancelUserErrors": [error], "userErrors": [_plain(error)]}
    cancel_order(
        ctx.store,
        order,
        reason=reason,
        refund=bool(args.get("refund")),
        restock=restock,
        note=args.get("staffNote"),
    )
    # Shopify cancels in a background job; the sandbox is done at once, but answers like Shopify.
    return {
        "job": {"id": ctx.state.new_job(), "done": False, "query": None},
        "orderCancelUserErrors": [],
        "userErrors": [],
    }


def _plain(error: dict[str, Any]) -> dict[str, Any]:
    return {"field": error["field"], "message": error["message"]}


# Objects


def _bag(order: OrderRecord, amount: Decimal) -> dict[str, Any]:
    return money_bag(amount, order.currency)


def _line_items(order: OrderRecord, info: Info, **args: Any) -> Connection[OrderLineRecord]:
    return list_connection(order.lines, args, lambda line: line.id)


ORDER_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"order": resolve_order, "orders": resolve_orders, "job": resolve_job},
    "Mutation": {"orderCreate": order_create, "orderCancel": order_cancel},
    "Order": {
        "id": lambda o, info: o.gid,
        "legacyResourceId": lambda o, info: str(o.id),
        "name": lambda o, info: o.name,
        "number": lambda o, info: o.number - 1000,
        "email": lambda o, info: o.email,
        "phone": lambda o, info: None,
        "createdAt": lambda o, info: iso(o.created_at),
        "updatedAt": lambda o, info: iso(o.updated_at),
        "processedAt": lambda o, info: iso(o.processed_at),
        "cancelledAt": lambda o, info: iso(o.cancelled_at) if o.cancelled_at else None,
        "cancelReason": lambda o, info: o.cancel_reason,
        "closed": lambda o, info: o.closed,
        "closedAt": lambda o, info: iso(o.cancelled_at or o.updated_at) if o.closed else None,
        "displayFinancialStatus": lambda o, info: o.financial_status,
        "displayFulfillmentStatus": lambda o, info: o.fulfillment_status,
        "currencyCode": lambda o, info: o.currency,
        "presentmentCurrencyCode": lambda o, info: o.currency,
        "totalPriceSet": lambda o, info: _bag(o, o.total),
        "subtotalPriceSet": lambda o, info: _bag(o, o.subtotal),
        "currentTotalPriceSet": lambda o, info: _bag(o, o.current_total),
        "currentSubtotalPriceSet": lambda o, info: _bag(o, o.current_subtotal),
        "totalRefundedSet": lambda o, info: _bag(o, o.refunded),
        "totalShippingPriceSet": lambda o, info: _bag(o, Decimal(0)),
        "totalTaxSet": lambda o, info: _bag(o, Decimal(0)),
        "customer": lambda o, info: o.customer,
        "lineItems": _line_items,
        "fulfillments": lambda o, info, first=None, **_: (
            o.fulfillments if first is None else o.fulfillments[:first]
        ),
        "tags": lambda o, info: o.tags,
        "note": lambda o, info: o.note,
        "test": lambda o, info: o.test,
        "confirmed": lambda o, info: True,
        "shippingAddress": lambda o, info: o.customer.address if o.customer else None,
        "billingAddress": lambda o, info: o.customer.address if o.customer else None,
        "subtotalLineItemsQuantity": lambda o, info: sum(line.quantity for line in o.lines),
        "unpaid": lambda o, info: o.financial_status in ("PENDING", "AUTHORIZED"),
        "fullyPaid": lambda o, info: o.financial_status == "PAID",
        "sourceName": lambda o, info: o.source,
    },
    "LineItem": {
        "id": lambda line, info: line.gid,
        "name": lambda line, info: line.name,
        "title": lambda line, info: line.title,
        "sku": lambda line, info: line.sku,
        "quantity": lambda line, info: line.quantity,
        "currentQuantity": lambda line, info: line.current_quantity,
        "unfulfilledQuantity": lambda line, info: line.unfulfilled_quantity,
        "variant": lambda line, info: line.variant,
        "product": lambda line, info: line.variant.product if line.variant else None,
        "variantTitle": lambda line, info: line.variant_title or None,
        "vendor": lambda line, info: line.variant.product.vendor if line.variant else None,
        "originalUnitPriceSet": lambda line, info: money_bag(line.unit_price, "EUR"),
        "originalTotalSet": lambda line, info: money_bag(line.total, "EUR"),
        "discountedTotalSet": lambda line, info, **_: money_bag(line.total, "EUR"),
    },
    "Fulfillment": {
        "id": lambda f, info: f.gid,
        "legacyResourceId": lambda f, info: str(f.id),
        "name": lambda f, info: f.name,
        "status": lambda f, info: "SUCCESS",
        "displayStatus": lambda f, info: "FULFILLED",
        "createdAt": lambda f, info: iso(f.created_at),
        "updatedAt": lambda f, info: iso(f.created_at),
        "deliveredAt": lambda f, info: None,
        "trackingInfo": lambda f, info, **_: _tracking(f),
        "location": lambda f, info: f.location,
    },
}


def _tracking(fulfillment: FulfillmentRecord) -> list[dict[str, Any]]:
    if fulfillment.number is None:
        return []
    url = TRACKING_URLS.get(fulfillment.company, "https://track.example/{}").format(fulfillment.number)
    return [{"company": fulfillment.company, "number": fulfillment.number, "url": url}]


__all__ = ["ORDER_RESOLVERS", "ORDER_SORTS"]
