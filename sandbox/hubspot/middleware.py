"""Auth, rate limits and error rendering around every HubSpot handler.

Runs after the shared fault middleware, so injected faults win over everything else, as an outage
upstream of HubSpot's API layer would.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

from sandbox.control import CONTROL_PREFIX

from .errors import HubSpotError, unauthorized
from .ratelimit import RateLimiter
from .state import HUBSPOT

log = logging.getLogger("sandbox.hubspot")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _is_search(request: web.Request) -> bool:
    return request.method == "POST" and request.path.endswith("/search")


def hubspot_middleware(limiter: RateLimiter) -> Middleware:
    """The middleware for one emulator, counting against `limiter`."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(CONTROL_PREFIX):
            return await handler(request)
        state = request.app[HUBSPOT]
        if request.headers.get("Authorization", "") != f"Bearer {state.token}":
            return unauthorized()
        headers: dict[str, str] = {}
        if _is_search(request):
            refusal = limiter.hit_search()
        else:
            _, headers, refusal = limiter.hit()
        if refusal is not None:
            return refusal
        response = await _answer(request, handler)
        response.headers.update(headers)
        return response

    return middleware


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except HubSpotError as exc:
        return exc.response()
    except web.HTTPMethodNotAllowed:
        return HubSpotError(405, f"HTTP 405 Method Not Allowed: {request.method} {request.path}").response()
    except web.HTTPNotFound:
        return HubSpotError(404, "resource not found").response()
    except web.HTTPException:
        raise
    except Exception:
        # A bug in the emulator must still look like HubSpot to the connector under test.
        log.exception("HubSpot emulator failed on %s %s", request.method, request.path)
        return HubSpotError(500, "internal error").response()


__all__ = ["hubspot_middleware"]
