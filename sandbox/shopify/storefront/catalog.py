"""Storefront catalog: products, variants, collections, `node(s)` and `search`.

`search` finds products, pages and articles (all three unless `types` narrows them): products
first, in the order their matches rank them, then pages and then articles, each best match first.

Only products published to the online store exist for the Storefront API. Prices come out in the
market of the request's `@inContext(country:)`, texts in its language.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape
from typing import Any

from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.content.records import ArticleRecord, PageRecord
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.ids import parse_gid
from sandbox.shopify.records import (
    CollectionRecord,
    ImageRecord,
    ProductRecord,
    VariantRecord,
)
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.search_syntax import (
    FieldMatchers,
    compile_query,
    exact,
    parse,
    when,
    words,
)
from sandbox.shopify.store import Store
from sandbox.shopify.timestamps import iso

from .content_nodes import content_node
from .content_search import ARTICLE_TEXT, PAGE_TEXT, published_articles, published_pages, score_entries
from .context import Info, StorefrontContext
from .product_filters import FilterSet, listing_facets
from .product_search import (
    PRODUCT_SORTS,
    order_products,
    query_products,
    search_index,
    search_terms,
    sorted_products,
    text_relevance,
)

IMAGE_VERSION = 1736067600
"""The `?v=` Shopify's CDN appends to image URLs (the upload time)."""


def _truncate(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[:limit].rstrip() + "…"


def _visible(product: ProductRecord | None) -> ProductRecord | None:
    return product if product is not None and product.published else None


# Root fields


def resolve_product(_root: None, info: Info, **args: Any) -> ProductRecord | None:
    store = info.context.store
    if args.get("id") is not None:
        parsed = parse_gid(args["id"])
        number = parsed.number if parsed and parsed.kind == "Product" else None
        return _visible(store.products.get(number)) if number is not None else None
    if args.get("handle") is not None:
        return _visible(store.products_by_handle.get(args["handle"]))
    return None


def resolve_products(_root: None, info: Info, **args: Any) -> Connection[ProductRecord]:
    ctx = info.context
    window = Window.of(args)
    sort_key = args.get("sortKey") or "ID"
    query = args.get("query")
    matched = query_products(ctx.store, query, ctx.locale)
    if matched is None:
        ordering = sorted_products(ctx.store, sort_key)
    else:
        ordering = order_products(matched, sort_key, text_relevance(query, ctx.locale))
    page = paginate(ordering, window, reverse=bool(args.get("reverse")))
    return Connection(page, {"filters": list})


def resolve_collection(_root: None, info: Info, **args: Any) -> CollectionRecord | None:
    store = info.context.store
    if args.get("id") is not None:
        parsed = parse_gid(args["id"])
        number = parsed.number if parsed and parsed.kind == "Collection" else None
        return store.collections.get(number) if number is not None else None
    if args.get("handle") is not None:
        return store.collections_by_handle.get(args["handle"])
    return None


COLLECTION_SORTS: dict[str, Callable[[CollectionRecord], SortValue]] = {
    "ID": lambda c: c.id,
    "RELEVANCE": lambda c: c.id,
    "TITLE": lambda c: c.title.en_US.casefold(),
    "UPDATED_AT": lambda c: iso(c.updated_at),
}


def resolve_collections(_root: None, info: Info, **args: Any) -> Connection[CollectionRecord]:
    ctx = info.context
    window = Window.of(args)
    value = COLLECTION_SORTS[args.get("sortKey") or "ID"]
    collections = list(ctx.store.collections.values())
    query = args.get("query")
    if query:
        matchers: FieldMatchers[CollectionRecord] = FieldMatchers(
            fields={
                "title": words(lambda c: (c.title.en_US, c.title.get(ctx.locale))),
                "updated_at": when(lambda c: c.updated_at),
                "collection_type": exact(lambda c: "custom"),
                "handle": exact(lambda c: c.handle),
            },
            text=words(lambda c: (c.title.en_US, c.title.get(ctx.locale))),
        )
        compiled = compile_query(parse(query), matchers)
        collections = [c for c in collections if compiled.predicate(c)]
    ordering = Ordering.sort(collections, lambda c: (value(c), c.id))
    page = paginate(ordering, window, reverse=bool(args.get("reverse")))
    return Connection(page, {"totalCount": lambda: len(ordering)})


def _node(store: Store, value: str) -> Any:
    parsed = parse_gid(value)
    if parsed is None:
        return None
    number = parsed.number
    kind = parsed.kind
    if kind == "Product":
        return _visible(store.products.get(number or 0))
    if kind == "ProductVariant":
        variant = store.variants.get(number or 0)
        return variant if variant is not None and variant.product.published else None
    if kind == "Collection":
        return store.collections.get(number or 0)
    if kind == "Shop":
        return store if value == store.shop_gid else None
    return content_node(store, parsed)


def resolve_node(_root: None, info: Info, id: str) -> Any:
    return _node(info.context.store, id)


def resolve_nodes(_root: None, info: Info, ids: list[str]) -> list[Any]:
    store = info.context.store
    return [_node(store, value) for value in ids]


SEARCH_TYPES = ("PRODUCT", "PAGE", "ARTICLE")
"""Every `SearchType`; `search` without `types` looks in all."""
KIND_STRIDE = 10**13
"""Sort-key distance between the kinds' blocks: above any product key (sold-out offset included)."""


def _content_results(
    ctx: StorefrontContext, terms: list[str], types: set[str], prefix_last: bool
) -> list[tuple[int, PageRecord | ArticleRecord]]:
    """`(sort value, entry)` of the pages and articles the words match, to follow every product."""
    found: list[tuple[int, PageRecord | ArticleRecord]] = []
    if "PAGE" in types:
        pages = score_entries(
            published_pages(ctx.store), PAGE_TEXT, terms, list(PAGE_TEXT), ctx.locale, prefix_last=prefix_last
        )
        found += [(KIND_STRIDE - points, page) for points, page in pages]
    if "ARTICLE" in types:
        articles = score_entries(
            published_articles(ctx.store),
            ARTICLE_TEXT,
            terms,
            list(ARTICLE_TEXT),
            ctx.locale,
            prefix_last=prefix_last,
        )
        found += [(2 * KIND_STRIDE - points, article) for points, article in articles]
    return found


def resolve_search(_root: None, info: Info, **args: Any) -> Connection[Any]:
    ctx = info.context
    window = Window.of(args)
    types = set(args.get("types") or SEARCH_TYPES)
    terms = search_terms(args.get("query") or "")
    prefix_last = args.get("prefix") == "LAST"
    scores: dict[int, int] = {}
    if terms and "PRODUCT" in types:
        index = search_index(ctx.store, ctx.locale)
        scores = index.scores(terms, prefix_last=prefix_last)
    base = [ctx.store.products[pid] for pid in sorted(scores)]
    filters = FilterSet(args.get("productFilters"), ctx)
    unavailable = args.get("unavailableProducts") or "SHOW"
    matched = [p for p in base if filters.accepts(p)] if filters else base
    if unavailable == "HIDE":
        matched = [p for p in matched if p.available_for_sale]
    last = unavailable == "LAST"

    def key(product: ProductRecord) -> int:
        # Sold-out products go after every available one with unavailableProducts: LAST.
        demoted = 10**12 if last and not product.available_for_sale else 0
        if args.get("sortKey") == "PRICE":
            return demoted + int(product.min_price * 100)
        return demoted - scores[product.id]

    # Pages and articles follow the products, best match first; a product filter leaves them out,
    # as no page or article has the facets it names.
    content = [] if filters else _content_results(ctx, terms, types, prefix_last)
    values: dict[int, int] = {id(product): key(product) for product in matched}
    values.update((id(entry), value) for value, entry in content)
    ordering: Ordering[Any] = Ordering.sort(
        [*matched, *(entry for _, entry in content)], lambda item: (values[id(item)], item.id)
    )
    page = paginate(ordering, window, reverse=bool(args.get("reverse")))
    scope = ("search", tuple(terms), args.get("prefix"), tuple(sorted(types)))
    return Connection(
        page,
        {
            "productFilters": lambda: listing_facets(scope, base, args.get("productFilters"), ctx),
            "totalCount": lambda: len(ordering),
        },
    )


# Product


VARIANT_SORTS: dict[str, Callable[[VariantRecord], SortValue]] = {
    "POSITION": lambda v: v.position,
    "ID": lambda v: v.id,
    "SKU": lambda v: v.sku,
    "TITLE": lambda v: v.title("en_US"),
    "RELEVANCE": lambda v: v.position,
}


def _variants(product: ProductRecord, info: Info, **args: Any) -> Connection[VariantRecord]:
    window = Window.of(args)
    value = VARIANT_SORTS[args.get("sortKey") or "POSITION"]
    ordering = Ordering.sort(product.variants, lambda v: (value(v), v.id))
    return Connection(paginate(ordering, window, reverse=bool(args.get("reverse"))))


def _images(product: ProductRecord, info: Info, **args: Any) -> Connection[ImageRecord]:
    return list_connection(product.images, args, lambda image: image.id)


def _product_collections(product: ProductRecord, info: Info, **args: Any) -> Connection[CollectionRecord]:
    return list_connection(product.collections, args, lambda c: c.id)


def _price_range(product: ProductRecord, info: Info) -> dict[str, Any]:
    ctx = info.context
    return {"minVariantPrice": ctx.money(product.min_price), "maxVariantPrice": ctx.money(product.max_price)}


def _compare_at_range(product: ProductRecord, info: Info) -> dict[str, Any]:
    ctx = info.context
    prices = [v.compare_at_price for v in product.variants if v.compare_at_price is not None]
    # Shopify answers 0.0 when no variant has a compare-at price.
    low = min(prices, default=Decimal(0))
    high = max(prices, default=Decimal(0))
    return {"minVariantPrice": ctx.money(low), "maxVariantPrice": ctx.money(high)}


def _description(record: ProductRecord | CollectionRecord, info: Info, truncateAt: int | None = None) -> str:
    return _truncate(record.description.get(info.context.locale), truncateAt)


def _description_html(record: ProductRecord | CollectionRecord, info: Info) -> str:
    return f"<p>{escape(record.description.get(info.context.locale))}</p>"


def _quantity_available(variant: VariantRecord, info: Info) -> int:
    info.context.require_token("quantityAvailable", "unauthenticated_read_product_inventory")
    return variant.quantity_available


def _image_url(image: ImageRecord, info: Info, transform: dict[str, Any] | None = None) -> str:
    url = f"{image.url}?v={IMAGE_VERSION}"
    if not transform:
        return url
    scale = transform.get("scale") or 1
    params = []
    if transform.get("maxWidth"):
        params.append(f"width={transform['maxWidth'] * scale}")
    if transform.get("maxHeight"):
        params.append(f"height={transform['maxHeight'] * scale}")
    if transform.get("crop"):
        params.append(f"crop={transform['crop'].lower()}")
    if transform.get("preferredContentType"):
        params.append(f"format={transform['preferredContentType'].lower()}")
    return "&".join([url, *params])


def _collection_products(collection: CollectionRecord, info: Info, **args: Any) -> Connection[ProductRecord]:
    ctx = info.context
    window = Window.of(args)
    sort_key = args.get("sortKey") or "COLLECTION_DEFAULT"
    filters = FilterSet(args.get("filters"), ctx)
    base = [product for product in collection.products if product.published]

    def build(products: list[ProductRecord]) -> Ordering[ProductRecord]:
        if sort_key in ("COLLECTION_DEFAULT", "MANUAL"):
            position = {product.id: i for i, product in enumerate(collection.products)}
            return Ordering.sort(products, lambda p: (position[p.id], p.id))
        value = PRODUCT_SORTS[sort_key]
        return Ordering.sort(products, lambda p: (value(p), p.id))

    if filters:
        ordering = build([product for product in base if filters.accepts(product)])
    else:
        ordering = ctx.store.ordering(("collection", collection.id, sort_key), lambda: build(base))
    page = paginate(ordering, window, reverse=bool(args.get("reverse")))
    scope = ("collection", collection.id)
    return Connection(page, {"filters": lambda: listing_facets(scope, base, args.get("filters"), ctx)})


def _online_store_url(record: ProductRecord | CollectionRecord, info: Info) -> str:
    kind = "products" if isinstance(record, ProductRecord) else "collections"
    return f"{info.context.store.url}/{kind}/{record.handle}"


CATALOG_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "product": resolve_product,
        "products": resolve_products,
        "collection": resolve_collection,
        "collections": resolve_collections,
        "node": resolve_node,
        "nodes": resolve_nodes,
        "search": resolve_search,
    },
    "Product": {
        "id": lambda p, info: p.gid,
        "handle": lambda p, info: p.handle,
        "title": lambda p, info: p.title.get(info.context.locale),
        "description": _description,
        "descriptionHtml": _description_html,
        "vendor": lambda p, info: p.vendor,
        "productType": lambda p, info: p.product_type,
        "tags": lambda p, info: p.tags,
        "availableForSale": lambda p, info: p.available_for_sale,
        "createdAt": lambda p, info: iso(p.created_at),
        "updatedAt": lambda p, info: iso(p.updated_at),
        "publishedAt": lambda p, info: iso(p.published_at),
        "onlineStoreUrl": _online_store_url,
        "totalInventory": lambda p, info: p.total_inventory,
        "options": lambda p, info, first=None: p.options if first is None else p.options[:first],
        "variants": _variants,
        "variantsCount": lambda p, info: {"count": len(p.variants), "precision": "EXACT"},
        "featuredImage": lambda p, info: p.images[0] if p.images else None,
        "images": _images,
        "priceRange": _price_range,
        "compareAtPriceRange": _compare_at_range,
        "seo": lambda p, info: {"title": None, "description": None},
        "collections": _product_collections,
        "isGiftCard": lambda p, info: False,
        "requiresSellingPlan": lambda p, info: False,
    },
    "ProductOption": {
        "id": lambda o, info: o.gid,
        "name": lambda o, info: o.name.get(info.context.locale),
        "optionValues": lambda o, info: o.values,
    },
    "ProductOptionValue": {
        "id": lambda v, info: v.gid,
        "name": lambda v, info: v.name.get(info.context.locale),
    },
    "ProductVariant": {
        "id": lambda v, info: v.gid,
        "title": lambda v, info: v.title(info.context.locale),
        "sku": lambda v, info: v.sku,
        "barcode": lambda v, info: v.barcode,
        "price": lambda v, info: info.context.money(v.price),
        "compareAtPrice": lambda v, info: (
            info.context.money(v.compare_at_price) if v.compare_at_price else None
        ),
        "availableForSale": lambda v, info: v.available_for_sale,
        "currentlyNotInStock": lambda v, info: False,
        "quantityAvailable": _quantity_available,
        "selectedOptions": lambda v, info: [
            {"name": value.option.name.get(info.context.locale), "value": value.name.get(info.context.locale)}
            for value in v.option_values
        ],
        "image": lambda v, info: v.image,
        "product": lambda v, info: v.product,
        "requiresShipping": lambda v, info: True,
        "taxable": lambda v, info: True,
        "weight": lambda v, info: v.weight_g / 1000,
        "weightUnit": lambda v, info: "KILOGRAMS",
    },
    "Image": {
        "id": lambda i, info: i.gid,
        "url": _image_url,
        "altText": lambda i, info: i.alt,
        "width": lambda i, info: i.width,
        "height": lambda i, info: i.height,
    },
    "Collection": {
        "id": lambda c, info: c.gid,
        "handle": lambda c, info: c.handle,
        "title": lambda c, info: c.title.get(info.context.locale),
        "description": _description,
        "descriptionHtml": _description_html,
        "image": lambda c, info: c.image,
        "seo": lambda c, info: {"title": None, "description": None},
        "updatedAt": lambda c, info: iso(c.updated_at),
        "onlineStoreUrl": _online_store_url,
        "products": _collection_products,
    },
}


__all__ = ["CATALOG_RESOLVERS"]
