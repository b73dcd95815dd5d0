"""`/api/rest/v1/product-models`: list, read and PATCH the models that hold shared content.

A model's values (name, description, features, material, care, dimensions, images) are what its
variants inherit; editing one bumps the model's `updated` (hence every variant's, by Akeneo's
`GREATEST` rule) and posts a signed `product-model.updated` event.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator
from typing import Any

from aiohttp import web

from .catalog import Catalog, ProductModel
from .errors import AkeneoError
from .events import EventPublisher
from .model_filter import compile_model_search
from .pagination import PAGE, offset_envelope, parse_pagination, search_after_envelope
from .payloads import API, ValueView, model_payload, model_url
from .product_query import ProductQuery
from .product_writes import now
from .responses import json_response
from .updates import Updater

LIST_PATH = f"{API}/product-models"
ITEM_PATH = f"{API}/product-models/{{code}}"


def not_found(code: str) -> AkeneoError:
    return AkeneoError(
        404, f'Product model "{code}" does not exist or you do not have permission to access it.'
    )


class ProductModelRoutes:
    """Product model reads and writes over one catalog."""

    def __init__(self, catalog: Catalog, updater: Updater, events: EventPublisher) -> None:
        self.catalog = catalog
        self.updater = updater
        self.events = events

    async def list_models(self, request: web.Request) -> web.Response:
        query = request.query
        pagination = parse_pagination(query, search_after=True)
        options = ProductQuery.from_query(query)
        # Only the value options are shared with products; the filter is the model one.
        _, view = ProductQuery(
            locales=options.locales,
            scope=options.scope,
            attributes=options.attributes,
            with_options=options.with_options,
        ).validate(self.catalog)
        predicates = compile_model_search(options.search, self.catalog)
        codes = self.catalog.ordered_models
        origin = str(request.url.origin())
        params: dict[str, Any] = {
            "with_count": pagination.raw_with_count,
            "pagination_type": pagination.type,
            "limit": pagination.raw_limit,
            **options.link_params(),
        }
        models = self.catalog.models

        def matches(start: int) -> Iterator[ProductModel]:
            for code in codes[start:]:
                model = models[code]
                if all(predicate(model) for predicate in predicates):
                    yield model

        if pagination.type == PAGE:
            pagination.check_result_window()
            found = list(matches(0))
            page = found[pagination.offset : pagination.offset + pagination.limit]
            items = [model_payload(self.catalog, m, view, origin, self_link=True) for m in page]
            count = len(found) if pagination.with_count else None
            return json_response(
                offset_envelope(items, pagination, list_url=origin + LIST_PATH, params=params, count=count)
            )
        after = pagination.after_key()
        start = bisect.bisect_right(codes, after) if after is not None else 0
        page = []
        for model in matches(start):
            page.append(model)
            if len(page) == pagination.limit:
                break
        items = [model_payload(self.catalog, m, view, origin, self_link=True) for m in page]
        last = page[-1].code if page else None
        return json_response(
            search_after_envelope(
                items, pagination, list_url=origin + LIST_PATH, params=params, last_key=last
            )
        )

    async def get_model(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        model = self.catalog.models.get(code)
        if model is None:
            raise not_found(code)
        view = ValueView(with_options=request.query.get("with_attribute_options", "false") == "true")
        return json_response(model_payload(self.catalog, model, view, str(request.url.origin())))

    async def patch_model(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        try:
            payload = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError) as exc:
            raise AkeneoError(400, "Invalid json message received") from exc
        model = self.catalog.models.get(code)
        if model is None:
            # Akeneo would create the model; the sandbox only holds the world's products.
            raise not_found(code)
        if self.updater.update_model(model, payload, now()):
            self.events.product_model_updated(model)
        return web.Response(status=204, headers={"Location": model_url(str(request.url.origin()), code)})


__all__ = ["ITEM_PATH", "LIST_PATH", "ProductModelRoutes"]
