"""Serves the PIM's media files: Akeneo's download URLs need its token, so the gateway proxies them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gateway.backends.http.errors import BackendError, BackendRequestError

CACHE_CONTROL = "public, max-age=86400, immutable"
"""Akeneo media codes are content hashes: a code never changes what it points to."""


def media_endpoint(services: Callable[[], Any]) -> Callable[[Request], Awaitable[Response]]:
    async def media(request: Request) -> Response:
        content = services().content
        code = request.path_params["code"]
        if content is None:
            return JSONResponse({"error": "no PIM is configured"}, status_code=404)
        if ".." in code.split("/"):
            return JSONResponse({"error": "invalid media code"}, status_code=400)
        try:
            body, content_type = await content.media(code)
        except BackendRequestError as exc:
            return JSONResponse(
                {"error": "media file not found" if exc.status == 404 else str(exc)}, status_code=404
            )
        except BackendError as exc:
            return JSONResponse({"error": str(exc), "code": exc.code}, status_code=502)
        return Response(body, media_type=content_type, headers={"Cache-Control": CACHE_CONTROL})

    return media


__all__ = ["media_endpoint"]
