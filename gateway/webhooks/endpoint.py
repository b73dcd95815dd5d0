"""`POST /webhooks/{vendor}`: verify, deduplicate, drop what became stale, answer fast.

Vendors give a receiver a few seconds and retry on failure, so the work here is bounded: a
signature check on the raw body, one lookup per event id, and cache deletions. A delivery whose
signature does not verify changes nothing and gets 401.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse

from gateway.cache import DataClass, SourceCache
from gateway.graphql.response_cache import ResponseCache
from gateway.models.webhooks import Change, ContentChanged, Incoming, Rejected, StockChanged

from .dedupe import SeenEvents
from .delivery import WebhookSource

log = logging.getLogger("gateway.webhooks")


def stale_values(change: Change) -> tuple[DataClass, tuple[str, ...]]:
    """The source-cache entries a change makes stale: its data class and keys."""
    match change:
        case StockChanged(skus):
            return DataClass.STOCK, skus
        case ContentChanged(skus):
            return DataClass.CONTENT, skus


def webhook_endpoint(
    sources: Callable[[], Mapping[str, WebhookSource]],
    seen: Callable[[], SeenEvents],
    cache: Callable[[], SourceCache],
    responses: ResponseCache | None,
) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def receive(request: Request) -> JSONResponse:
        vendor = request.path_params["vendor"]
        source = sources().get(vendor)
        if source is None:
            return JSONResponse({"error": f"no webhooks are configured for {vendor!r}"}, status_code=404)
        incoming = Incoming(
            method=request.method,
            url=str(request.url),
            headers=request.headers,
            query=request.query_params,
            body=await request.body(),  # the raw bytes: re-serialized JSON would not verify
        )
        try:
            delivery = source.accept(incoming)
        except Rejected as exc:
            log.warning("%s webhook rejected: %s", vendor, exc)
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        fresh = await seen().first_time(delivery.event_ids)
        if not fresh:
            return JSONResponse({"accepted": 0, "duplicates": len(delivery.event_ids)})
        for change in delivery.changes:
            await cache().invalidate(*stale_values(change))
        if delivery.changes and responses is not None:
            # Whole responses are not indexed by the values in them: drop them all, they rebuild fast.
            responses.clear()
        return JSONResponse({"accepted": len(fresh), "duplicates": len(delivery.event_ids) - len(fresh)})

    return receive


__all__ = ["stale_values", "webhook_endpoint"]
