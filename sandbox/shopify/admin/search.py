"""Admin API search fields for variants, products, customers and orders (Shopify's documented names).

Exact keys a connector batches on (`sku:`, `email:`, `id:`, `customer_id:`, `name:`) are answered
from the store's indexes; other fields are predicates. Unknown fields are reported by the caller in
`extensions.search`, as Shopify does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar

from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.records import CustomerRecord, OrderRecord, ProductRecord, VariantRecord
from sandbox.shopify.relay import Connection
from sandbox.shopify.search_syntax import (
    FieldMatchers,
    Predicate,
    Term,
    TermMatcher,
    any_of,
    boolean,
    compile_query,
    exact,
    number,
    parse,
    when,
    words,
)
from sandbox.shopify.store import Store
from sandbox.shopify.storefront.product_search import product_matchers

from .context import Info

T = TypeVar("T")


def _not(matcher: TermMatcher[T]) -> TermMatcher[T]:
    def negated(term: Term) -> Predicate[T]:
        inner = matcher(term)
        return lambda record: not inner(record)

    return negated


def _comma_ids(get: Callable[[VariantRecord], int]) -> TermMatcher[VariantRecord]:
    def matcher(term: Term) -> Predicate[VariantRecord]:
        wanted = {part.strip() for part in term.value.split(",")}
        return lambda record: str(get(record)) in wanted

    return matcher


def _number_key(value: str) -> str:
    return value.rsplit("/", 1)[-1]


def variant_matchers(store: Store) -> FieldMatchers[VariantRecord]:
    def by_sku(value: str) -> Iterable[int]:
        variant = store.variants_by_sku.get(value.casefold())
        return [variant.id] if variant else []

    def by_id(value: str) -> Iterable[int]:
        key = _number_key(value)
        return [int(key)] if key.isdigit() else []

    tags: TermMatcher[VariantRecord] = any_of(lambda v: v.product.tags)
    return FieldMatchers(
        fields={
            "sku": exact(lambda v: v.sku),
            "barcode": exact(lambda v: v.barcode),
            "id": exact(lambda v: str(v.id)),
            "product_id": exact(lambda v: str(v.product.id)),
            "product_ids": _comma_ids(lambda v: v.product.id),
            "title": words(lambda v: (v.title("en_US"),)),
            "vendor": exact(lambda v: v.product.vendor),
            "product_type": exact(lambda v: v.product.product_type),
            "product_status": exact(lambda v: "active" if v.product.published else "draft"),
            "tag": tags,
            "tag_not": _not(tags),
            "taxable": boolean(lambda v: True),
            "inventory_quantity": number(lambda v: v.quantity_available),
            "location_id": any_of(lambda v: [str(level.location.id) for level in v.levels]),
            "updated_at": when(lambda v: v.updated_at),
        },
        text=words(lambda v: (v.sku, v.title("en_US"), v.product.title.en_US)),
        indexes={"sku": by_sku, "id": by_id},
    )


def admin_product_matchers(store: Store) -> FieldMatchers[ProductRecord]:
    """The Storefront's product fields plus `status` (the Admin sees drafts too)."""
    base = product_matchers(store, "en_US")
    return FieldMatchers(
        fields={**base.fields, "status": exact(lambda p: "active" if p.published else "draft")},
        text=base.text,
        indexes=base.indexes,
    )


def customer_matchers(store: Store) -> FieldMatchers[CustomerRecord]:
    def by_email(value: str) -> Iterable[int]:
        customer = store.customers_by_email.get(value.casefold())
        return [customer.id] if customer else []

    def by_id(value: str) -> Iterable[int]:
        key = _number_key(value)
        return [int(key)] if key.isdigit() else []

    tags: TermMatcher[CustomerRecord] = any_of(lambda c: c.tags)
    return FieldMatchers(
        fields={
            "email": exact(lambda c: c.email),
            "id": exact(lambda c: str(c.id)),
            "first_name": exact(lambda c: c.first_name),
            "last_name": exact(lambda c: c.last_name),
            "phone": exact(lambda c: c.phone.replace(" ", "")),
            "state": exact(lambda c: "enabled"),
            "tag": tags,
            "tag_not": _not(tags),
            "country": exact(lambda c: c.address.country_code),
            "accepts_marketing": boolean(lambda c: c.accepts_marketing),
            "orders_count": number(lambda c: len(c.orders)),
            "customer_date": when(lambda c: c.created_at),
            "updated_at": when(lambda c: c.updated_at),
        },
        text=words(lambda c: (c.first_name, c.last_name, c.email)),
        indexes={"email": by_email, "id": by_id},
    )


_FULFILLMENT = {
    "shipped": "FULFILLED",
    "fulfilled": "FULFILLED",
    "unshipped": "UNFULFILLED",
    "unfulfilled": "UNFULFILLED",
    "partial": "PARTIALLY_FULFILLED",
}


def _status(order: OrderRecord) -> str:
    if order.cancelled_at is not None:
        return "cancelled"
    return "closed" if order.closed else "open"


def order_matchers(store: Store) -> FieldMatchers[OrderRecord]:
    def by_customer(value: str) -> Iterable[int]:
        key = _number_key(value)
        customer = store.customers.get(int(key)) if key.isdigit() else None
        return [order.id for order in customer.orders] if customer else []

    def by_name(value: str) -> Iterable[int]:
        key = value.lstrip("#")
        order = store.orders_by_number.get(int(key)) if key.isdigit() else None
        return [order.id] if order else []

    def by_id(value: str) -> Iterable[int]:
        key = _number_key(value)
        return [int(key)] if key.isdigit() else []

    def fulfillment(term: Term) -> Predicate[OrderRecord]:
        wanted = _FULFILLMENT.get(term.value.lower(), term.value.upper())
        return lambda order: order.fulfillment_status == wanted

    tags: TermMatcher[OrderRecord] = any_of(lambda o: o.tags)
    return FieldMatchers(
        fields={
            "customer_id": exact(lambda o: str(o.customer.id) if o.customer else ""),
            "email": exact(lambda o: o.email),
            "name": exact(lambda o: o.name),
            "id": exact(lambda o: str(o.id)),
            "financial_status": exact(lambda o: o.financial_status.lower()),
            "fulfillment_status": fulfillment,
            "status": exact(_status),
            "sku": any_of(lambda o: [line.sku for line in o.lines]),
            "tag": tags,
            "tag_not": _not(tags),
            "test": boolean(lambda o: o.test),
            "source_name": exact(lambda o: o.source),
            "created_at": when(lambda o: o.created_at),
            "processed_at": when(lambda o: o.processed_at),
            "updated_at": when(lambda o: o.updated_at),
        },
        text=words(lambda o: (o.name, o.email or "")),
        indexes={"customer_id": by_customer, "name": by_name, "id": by_id},
    )


def matching(
    info: Info, query: str | None, records: dict[int, T], matchers: FieldMatchers[T]
) -> list[T] | None:
    """The records a search query matches (from an index when it can), or None without a query."""
    node = parse(query)
    if node is None:
        return None
    compiled = compile_query(node, matchers)
    info.context.warn_unknown_fields(info, query or "", compiled)
    if compiled.candidates is not None:
        pool = [records[key] for key in sorted(compiled.candidates) if key in records]
    else:
        pool = list(records.values())
    return [record for record in pool if compiled.predicate(record)]


class Identified(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Identified)

STOCK_SORTS = frozenset({"INVENTORY_TOTAL", "INVENTORY_QUANTITY", "INVENTORY_LEVELS_AVAILABLE"})
"""Sorts by stock are never cached: stock moves without touching the store's sort version."""


def search_connection(
    info: Info,
    args: dict[str, Any],
    records: dict[int, R],
    matchers: FieldMatchers[R],
    sorts: Mapping[str, Callable[[R], SortValue]],
    *,
    cache: str | None = None,
) -> Connection[R]:
    """A searchable, sortable root connection (`products`, `productVariants`, `customers`, `orders`).

    Without a query, a `cache`-named sort of every record is kept until the store changes.
    """
    window = Window.of(args)
    sort_key = args.get("sortKey") or "ID"
    value = sorts[sort_key]
    found = matching(info, args.get("query"), records, matchers)

    def build(pool: list[R]) -> Ordering[R]:
        return Ordering.sort(pool, lambda record: (value(record), record.id))

    if found is None and cache is not None and sort_key not in STOCK_SORTS:
        ordering = info.context.store.ordering((cache, sort_key), lambda: build(list(records.values())))
    else:
        ordering = build(list(records.values()) if found is None else found)
    return Connection(paginate(ordering, window, reverse=bool(args.get("reverse"))))


__all__ = [
    "STOCK_SORTS",
    "admin_product_matchers",
    "customer_matchers",
    "matching",
    "order_matchers",
    "search_connection",
    "variant_matchers",
]
