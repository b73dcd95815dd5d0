"""`POST /webhooks/{vendor}`: verify, parse, apply, and only then remember and acknowledge.

Vendors give a receiver a few seconds and retry whatever is not a 2xx, so the order of the steps
is what makes a delivery count exactly once in effect:

1. verify and parse (the vendor's connector): a forgery or a stale replay gets 401 and an
   unreadable body 400, and neither changes anything;
2. skip it if every event id it carries was seen (200, nothing to do again);
3. apply it: drop the cached values it makes stale, and tell every process (`broadcast`) to drop
   the responses built from them;
4. mark its event ids seen and answer 200.

When the store of seen ids or the cache cannot be reached, the answer is 503 with Retry-After,
and nothing was marked seen: the vendor sends the delivery again and step 3 runs then. Dropping
a cached value twice is harmless, so a delivery without event ids (Odoo sends none) is applied
every time it comes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse

from gateway.backends.key_maps import KeyMapUnavailable
from gateway.cache import SourceCache
from gateway.cache.source import CacheUnavailable
from gateway.models.webhooks import Delivery, Incoming, Rejected

from .broadcast import Invalidations
from .dedupe import SeenEvents, StoreUnavailable
from .delivery import WebhookSource
from .stale import stale_values

log = logging.getLogger("gateway.webhooks")

RETRY_AFTER_S = 30
"""What a 503 asks the vendor to wait; most retry on their own schedule, a few honour it."""


def webhook_endpoint(
    sources: Callable[[], Mapping[str, WebhookSource]],
    seen: Callable[[], SeenEvents],
    cache: Callable[[], SourceCache],
    invalidations: Callable[[], Invalidations],
) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def apply(delivery: Delivery) -> JSONResponse:
        store = seen()
        fresh = await store.unseen(delivery.event_ids)
        repeats = len(delivery.event_ids) - len(fresh)
        if delivery.event_ids and not fresh:
            return JSONResponse({"accepted": 0, "duplicates": repeats})
        for change in delivery.changes:
            await cache().invalidate(*stale_values(change))
        await invalidations().publish(delivery.changes)
        await store.mark_seen(fresh)
        return JSONResponse({"accepted": len(fresh) if delivery.event_ids else 1, "duplicates": repeats})

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
            return await apply(await source.accept(incoming))
        except Rejected as exc:
            log.warning("%s webhook rejected: %s", vendor, exc)
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        except (StoreUnavailable, CacheUnavailable, KeyMapUnavailable) as exc:
            log.warning("%s webhook not applied, the vendor will retry: %s", vendor, exc)
            return JSONResponse(
                {"error": "the gateway's shared store is unavailable; retry later"},
                status_code=503,
                headers={"Retry-After": str(RETRY_AFTER_S)},
            )

    return receive


__all__ = ["RETRY_AFTER_S", "webhook_endpoint"]
