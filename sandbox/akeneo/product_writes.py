"""`PATCH /products-uuid/{uuid}` and the bulk `PATCH /products-uuid` (one JSON object per line).

A change bumps the product's `updated` and posts a signed `product.updated` event; a payload that
changes nothing answers 204 too, but leaves both alone. The bulk form answers 200 with one status
line per input line, in Akeneo's collection format, and refuses more than 100 lines with 413.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from .catalog import Catalog
from .errors import AkeneoError
from .events import EventPublisher
from .negotiation import COLLECTION
from .payloads import product_url
from .products import UUID, not_found, origin_of
from .updates import Updater

MAX_BULK_LINES = 100
"""Resources one bulk PATCH may carry."""
MAX_LINE_CHARS = 1_000_000


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class ProductWrites:
    """Write side of the product API over one catalog."""

    def __init__(self, catalog: Catalog, updater: Updater, events: EventPublisher) -> None:
        self.catalog = catalog
        self.updater = updater
        self.events = events

    async def patch_product(self, request: web.Request) -> web.Response:
        uuid = request.match_info["uuid"]
        raw = await request.read()
        try:
            payload = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise AkeneoError(400, "Invalid json message received") from exc
        self._update(uuid, payload)
        return web.Response(status=204, headers={"Location": product_url(origin_of(request), uuid.lower())})

    def _update(self, uuid: str, payload: Any) -> None:
        if not UUID.match(uuid):
            raise AkeneoError(400, "The provided uuid is not valid")
        product = self.catalog.products.get(uuid.lower())
        if product is None:
            # Akeneo would create the product; the sandbox catalog only holds the world's variants.
            raise not_found(uuid)
        if self.updater.update_product(product, payload, now()):
            self.events.product_updated(product)

    async def patch_products(self, request: web.Request) -> web.Response:
        lines = [
            line for line in (await request.read()).decode("utf-8", "replace").split("\n") if line.strip()
        ]
        if len(lines) > MAX_BULK_LINES:
            raise AkeneoError(413, f"Too many resources to process, {MAX_BULK_LINES} is the maximum allowed.")
        statuses = [self._bulk_line(number, line) for number, line in enumerate(lines, start=1)]
        body = "\n".join(json.dumps(status, separators=(",", ":")) for status in statuses)
        return web.Response(body=body.encode(), status=200, content_type=COLLECTION)

    def _bulk_line(self, number: int, line: str) -> dict[str, Any]:
        if len(line) > MAX_LINE_CHARS:
            return {"line": number, "status_code": 413, "message": "Line is too long."}
        try:
            payload = json.loads(line)
        except ValueError:
            return {"line": number, "status_code": 400, "message": "Invalid json message received"}
        uuid = payload.get("uuid") if isinstance(payload, dict) else None
        if not isinstance(uuid, str):
            return {"line": number, "status_code": 422, "message": "The uuid field is required."}
        try:
            self._update(uuid, payload)
        except AkeneoError as exc:
            status: dict[str, Any] = {
                "line": number,
                "uuid": uuid,
                "status_code": exc.status,
                "message": exc.message,
            }
            if exc.errors is not None:
                status["errors"] = exc.errors
            if exc.documentation is not None:
                status["_links"] = {"documentation": {"href": exc.documentation}}
            return status
        return {"line": number, "uuid": uuid, "status_code": 204}


__all__ = ["MAX_BULK_LINES", "ProductWrites"]
