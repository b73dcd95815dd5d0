"""The Storefront API connector: the gateway's catalog source.

Every call is one GraphQL POST of a document from `storefront_documents`, with the request's
`@inContext` country and language as variables, so prices and translations come from Shopify as a
storefront would see them. Batches (`nodes(ids:)`, aliased handles) are split at Shopify's 250-item
input cap and sent concurrently.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendRateLimited,
    BackendRequestError,
)
from gateway.models.catalog import Collection, Detail, ListArgs, Menu, Page, Product, Shop, Variant
from gateway.models.context import InContext

from . import catalog_mapping as mapping, storefront_documents as documents

SERVICE = "shopify"
MAX_INPUT_ITEMS = 250
"""Shopify caps array inputs (`nodes(ids:)`) at 250 items."""
MAX_ALIASES = 50
"""Handles per aliased batch: keeps each document small and the query cost predictable."""
CHECK_DOCUMENT = "query GatewayReadiness { shop { name } }"
"""The readiness check's query: the cheapest one that needs a valid Storefront token."""

T = TypeVar("T")


def _chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class ShopifyStorefront:
    """Catalog reads from the Storefront API (implements `roles.CatalogSource`)."""

    service = SERVICE

    def __init__(self, client: BackendClient, *, token: str, api_version: str) -> None:
        self.client = client
        self._path = f"/api/{api_version}/graphql.json"
        self._headers = {"X-Shopify-Storefront-Access-Token": token}

    async def query(self, document: str, variables: Mapping[str, Any], context: InContext) -> dict[str, Any]:
        """Run one document; returns its `data`, raising the gateway's error for Shopify's."""
        payload = {
            "query": document,
            "variables": {**variables, "country": context.country, "language": context.language},
        }
        response = await self.client.request(
            "POST", self._path, json=payload, headers=self._headers, idempotent=True
        )
        body = response.json_object()
        errors = body.get("errors")
        if errors:
            raise self._error(errors)
        data = body.get("data")
        if not isinstance(data, dict):
            raise response.bad_shape("no `data` object in the GraphQL response")
        return data

    def _error(self, errors: Any) -> Exception:
        first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
        message = str(first.get("message", errors))[:200]
        code = (first.get("extensions") or {}).get("code")
        if code == "THROTTLED":
            return BackendRateLimited(SERVICE, f"storefront query throttled: {message}")
        if code in ("ACCESS_DENIED", "UNAUTHORIZED"):
            return BackendAuthError(SERVICE, f"storefront query refused: {message}", status=403)
        return BackendRequestError(
            SERVICE, f"storefront query failed: {message}", status=200, vendor_message=message
        )

    @staticmethod
    def _parse(data: Any, parse: Callable[[Any], T]) -> T:
        try:
            return parse(data)
        except (ValueError, TypeError, KeyError) as exc:
            raise BackendBadResponse(SERVICE, f"unexpected storefront response: {exc}") from None

    async def _gather(self, calls: list[Awaitable[T]]) -> list[T]:
        return list(await asyncio.gather(*calls))

    # --- by key -------------------------------------------------------------------------------------

    async def _nodes(
        self, document: str, ids: Sequence[str], context: InContext, parse: Callable[[Any], T]
    ) -> dict[str, T]:
        async def chunk(part: Sequence[str]) -> list[Any]:
            data = await self.query(document, {"ids": list(part)}, context)
            nodes = data.get("nodes")
            if not isinstance(nodes, list):
                raise BackendBadResponse(SERVICE, "unexpected storefront response: `nodes` is not a list")
            return nodes

        found: dict[str, T] = {}
        for part in await self._gather([chunk(p) for p in _chunks(ids, MAX_INPUT_ITEMS)]):
            for node in part:
                if node:  # unknown ids and ids of another type come back null or empty
                    item = self._parse(node, parse)
                    found[node["id"]] = item
        return found

    async def products_by_ids(
        self, ids: Sequence[str], context: InContext, detail: Detail = Detail.FULL
    ) -> Mapping[str, Product]:
        return await self._nodes(documents.products_by_ids(detail), ids, context, mapping.product)

    async def variants_by_ids(self, ids: Sequence[str], context: InContext) -> Mapping[str, Variant]:
        def parse(node: Any) -> Variant:
            return mapping.variant(node, node["product"]["id"])

        return await self._nodes(documents.VARIANTS_BY_IDS, ids, context, parse)

    async def collections_by_ids(self, ids: Sequence[str], context: InContext) -> Mapping[str, Collection]:
        return await self._nodes(documents.COLLECTIONS_BY_IDS, ids, context, mapping.collection)

    async def _by_handles(
        self,
        field: str,
        handles: Sequence[str],
        context: InContext,
        parse: Callable[[Any], T],
        detail: Detail = Detail.FULL,
    ) -> dict[str, T]:
        async def chunk(part: Sequence[str]) -> dict[str, T]:
            variables = {f"h{i}": handle for i, handle in enumerate(part)}
            data = await self.query(documents.by_handles(field, len(part), detail), variables, context)
            return {
                handle: self._parse(data[f"h{i}"], parse)
                for i, handle in enumerate(part)
                if data.get(f"h{i}") is not None
            }

        found: dict[str, T] = {}
        for part in await self._gather([chunk(p) for p in _chunks(handles, MAX_ALIASES)]):
            found.update(part)
        return found

    async def products_by_handles(
        self, handles: Sequence[str], context: InContext, detail: Detail = Detail.FULL
    ) -> Mapping[str, Product]:
        return await self._by_handles("product", handles, context, mapping.product, detail)

    async def collections_by_handles(
        self, handles: Sequence[str], context: InContext
    ) -> Mapping[str, Collection]:
        return await self._by_handles("collection", handles, context, mapping.collection)

    async def menus(self, handles: Sequence[str], context: InContext) -> Mapping[str, Menu]:
        variables = {f"h{i}": handle for i, handle in enumerate(handles)}
        data = await self.query(documents.menus(len(handles)), variables, context)
        return {
            handle: self._parse(data[f"h{i}"], mapping.menu)
            for i, handle in enumerate(handles)
            if data.get(f"h{i}") is not None
        }

    # --- lists --------------------------------------------------------------------------------------

    @staticmethod
    def _page_variables(args: ListArgs) -> dict[str, Any]:
        return {
            "first": args.first,
            "after": args.after,
            "last": args.last,
            "before": args.before,
            "reverse": args.reverse,
            "sortKey": args.sort_key,
        }

    async def products_page(self, args: ListArgs, context: InContext) -> Page[Product]:
        data = await self.query(
            documents.products(args.detail), {**self._page_variables(args), "query": args.query}, context
        )
        return self._parse(data.get("products"), mapping.product_page)

    async def collections_page(self, args: ListArgs, context: InContext) -> Page[Collection]:
        data = await self.query(
            documents.COLLECTIONS, {**self._page_variables(args), "query": args.query}, context
        )
        return self._parse(data.get("collections"), mapping.collection_page)

    async def collection_products(
        self, collection_ids: Sequence[str], args: ListArgs, context: InContext
    ) -> Mapping[str, Page[Product]]:
        variables = {
            **self._page_variables(args),
            "filters": json.loads(args.filters) if args.filters else None,
        }

        async def chunk(part: Sequence[str]) -> dict[str, Page[Product]]:
            document = documents.collection_products(args.detail)
            data = await self.query(document, {**variables, "ids": list(part)}, context)
            pages: dict[str, Page[Product]] = {}
            for node in data.get("nodes") or ():
                if node and isinstance(node, dict):
                    pages[str(node.get("id"))] = self._parse(node.get("products"), mapping.product_page)
            return pages

        found: dict[str, Page[Product]] = {}
        for part in await self._gather([chunk(p) for p in _chunks(collection_ids, MAX_INPUT_ITEMS)]):
            found.update(part)
        return found

    async def collection_with_products(
        self, by: str, key: str, args: ListArgs, context: InContext
    ) -> tuple[Collection, Page[Product]] | None:
        variables = {
            **self._page_variables(args),
            "filters": json.loads(args.filters) if args.filters else None,
            "key": key,
        }
        data = await self.query(documents.collection_with_products(by, args.detail), variables, context)
        node = data.get("collection")
        if node is None:
            return None
        if not isinstance(node, dict):
            raise BackendBadResponse(SERVICE, "unexpected storefront response: `collection` is not an object")
        return self._parse(node, mapping.collection), self._parse(node.get("products"), mapping.product_page)

    async def search(self, args: ListArgs, context: InContext) -> Page[Product]:
        variables = {
            **self._page_variables(args),
            "query": args.query or "",
            "productFilters": json.loads(args.filters) if args.filters else None,
            "types": list(args.types) if args.types is not None else None,
            "unavailableProducts": args.unavailable_products,
            "prefix": args.prefix,
        }
        data = await self.query(documents.search(args.detail), variables, context)

        def parse(connection: Any) -> Page[Product]:
            return mapping.product_page(connection, filters_key="productFilters")

        return self._parse(data.get("search"), parse)

    async def shop(self, context: InContext) -> Shop:
        data = await self.query(documents.SHOP, {}, context)
        return self._parse(data.get("shop"), mapping.shop)

    async def check(self) -> bool:
        """Readiness: the shop answers with this token, on the client's probe path (outside its breaker)."""
        response = await self.client.request(
            "POST", self._path, json={"query": CHECK_DOCUMENT}, headers=self._headers, probe=True
        )
        body = response.json_object()
        if body.get("errors"):
            raise self._error(body["errors"])
        if not isinstance((body.get("data") or {}).get("shop"), dict):
            raise response.bad_shape("no `data.shop` object in the GraphQL response")
        return True


__all__ = ["SERVICE", "ShopifyStorefront"]
