"""Auth, `Intercom-Version`, rate limits and error rendering around every Intercom handler."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

from sandbox.control import CONTROL_PREFIX

from .errors import IntercomError, resource_not_found, unauthorized, version_invalid
from .ratelimit import RateLimiter
from .state import INTERCOM

log = logging.getLogger("sandbox.intercom")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

DEFAULT_VERSION = "2.14"
"""The app's configured version, used when a request sends no `Intercom-Version`."""
VERSIONS = frozenset(
    {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9",
     "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "Unstable"}
)  # fmt: skip


def intercom_middleware(limiter: RateLimiter) -> Middleware:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(CONTROL_PREFIX):
            return await handler(request)
        state = request.app[INTERCOM]
        if request.headers.get("Authorization", "") != f"Bearer {state.token}":
            return unauthorized()
        version = request.headers.get("Intercom-Version", DEFAULT_VERSION).strip()
        if version not in VERSIONS:
            return version_invalid()
        headers, refusal = limiter.hit()
        if refusal is not None:
            return refusal
        response = await _answer(request, handler)
        response.headers.update(headers)
        return response

    return middleware


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except IntercomError as exc:
        return exc.response()
    except (web.HTTPNotFound, web.HTTPMethodNotAllowed):
        return resource_not_found().response()
    except web.HTTPException:
        raise
    except Exception:
        # A bug in the emulator must still look like Intercom to the connector under test.
        log.exception("Intercom emulator failed on %s %s", request.method, request.path)
        return IntercomError(500, "server_error", "An unexpected error occurred").response()


__all__ = ["DEFAULT_VERSION", "VERSIONS", "intercom_middleware"]
