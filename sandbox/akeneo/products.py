"""`/api/rest/v1/products-uuid`: list with filters, search by POST body, and read one product."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from aiohttp import web

from .catalog import Catalog
from .errors import AkeneoError, read_json
from .pagination import PAGE, PageRequest, offset_envelope, parse_pagination, search_after_envelope
from .payloads import API, ValueView, product_payload
from .product_query import ProductQuery
from .responses import json_response
from .search_filter import CompiledSearch

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
LIST_PATH = f"{API}/products-uuid"
SEARCH_PATH = f"{API}/products-uuid/search"
ITEM_PATH = f"{API}/products-uuid/{{uuid}}"


def origin_of(request: web.Request) -> str:
    return str(request.url.origin())


def not_found(uuid: str) -> AkeneoError:
    return AkeneoError(404, f'Product "{uuid}" does not exist or you do not have permission to access it.')


class ProductRoutes:
    """Read side of the product API over one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    async def list_products(self, request: web.Request) -> web.Response:
        query = request.query
        pagination = parse_pagination(query, search_after=True)
        product_query = ProductQuery.from_query(query)
        return self._respond(request, pagination, product_query, LIST_PATH)

    async def search_products(self, request: web.Request) -> web.Response:
        body = await read_json(request)
        pagination = parse_pagination(request.query, search_after=True)
        return self._respond(request, pagination, ProductQuery.from_body(body), SEARCH_PATH)

    def _respond(
        self, request: web.Request, pagination: PageRequest, product_query: ProductQuery, path: str
    ) -> web.Response:
        compiled, view = product_query.validate(self.catalog)
        origin = origin_of(request)
        params: dict[str, Any] = {
            "with_count": pagination.raw_with_count,
            "pagination_type": pagination.type,
            "limit": pagination.raw_limit,
            **product_query.link_params(),
        }
        list_url = origin + path
        if pagination.type == PAGE:
            pagination.check_result_window()
            matches = list(compiled.uuids(self.catalog))
            page = matches[pagination.offset : pagination.offset + pagination.limit]
            items = self._items(page, view, origin)
            count = len(matches) if pagination.with_count else None
            return json_response(
                offset_envelope(items, pagination, list_url=list_url, params=params, count=count)
            )
        return self._search_after(pagination, compiled, view, origin, list_url, params)

    def _search_after(
        self,
        pagination: PageRequest,
        compiled: CompiledSearch,
        view: ValueView,
        origin: str,
        list_url: str,
        params: dict[str, Any],
    ) -> web.Response:
        page = list(islice(compiled.uuids(self.catalog, pagination.after_key()), pagination.limit))
        items = self._items(page, view, origin)
        body = search_after_envelope(
            items, pagination, list_url=list_url, params=params, last_key=page[-1] if page else None
        )
        return json_response(body)

    def _items(self, uuids: list[str], view: ValueView, origin: str) -> list[dict[str, Any]]:
        products = self.catalog.products
        return [product_payload(self.catalog, products[u], view, origin, self_link=True) for u in uuids]

    async def get_product(self, request: web.Request) -> web.Response:
        uuid = request.match_info["uuid"]
        if not UUID.match(uuid):
            raise AkeneoError(400, "The provided uuid is not valid")
        product = self.catalog.products.get(uuid.lower())
        if product is None:
            raise not_found(uuid)
        view = ValueView(with_options=request.query.get("with_attribute_options", "false") == "true")
        return json_response(product_payload(self.catalog, product, view, origin_of(request)))


__all__ = ["ITEM_PATH", "LIST_PATH", "SEARCH_PATH", "UUID", "ProductRoutes", "not_found", "origin_of"]
