"""Serves the PIM's media files: Akeneo's download URLs need its token, so the gateway proxies them.

The proxy holds the gateway's own PIM credentials, so it must fetch media files and nothing else:
the code in the path, as the server decoded it, goes to the Akeneo connector, which accepts only
the exact shape of an Akeneo media file code and builds the download URL itself (no other endpoint,
no query string), then refuses an answer that is not a file. Only a file is cached, for good; error
answers are JSON, never cached, and never quote the PIM's address or its messages.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gateway.backends.akeneo.media_code import InvalidMediaCode
from gateway.backends.http.errors import BackendError, BackendRequestError

CACHE_CONTROL = "public, max-age=86400, immutable"
"""Akeneo media codes are content hashes: a code never changes what it points to."""
FILE_HEADERS = {
    "Cache-Control": CACHE_CONTROL,
    # The PIM's type is the one the browser uses, and a file opened directly runs nothing.
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


class WholePath(Convertor[str]):
    """The rest of the decoded path, as it is: the code the proxy checks is all the client sent.

    Starlette's `path` stops at a newline, and drops one at the very end from the value (its
    pattern ends in `$`, which matches before a final newline): `<code>%0A` would pass as `<code>`.
    """

    regex = "(?s:.*)"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("whole", WholePath())
MEDIA_PATH = "/media/akeneo/{code:whole}"
"""The proxy's route (the convertor is registered with this module)."""


def _error(status: int, message: str, **extra: str) -> JSONResponse:
    # A refusal or a failure may not hold tomorrow: no cache, shared or private, may keep it.
    return JSONResponse(
        {"error": message, **extra}, status_code=status, headers={"Cache-Control": "no-store"}
    )


def media_endpoint(services: Callable[[], Any]) -> Callable[[Request], Awaitable[Response]]:
    async def media(request: Request) -> Response:
        content = services().content
        if content is None:
            return _error(404, "no PIM is configured")
        try:
            body, content_type = await content.media(request.path_params["code"])
        except InvalidMediaCode:
            return _error(400, "invalid media code: expected an Akeneo media file code")
        except BackendRequestError as exc:
            if exc.status == 404:
                return _error(404, "media file not found")
            return _error(502, "the PIM refused the media file request", code=exc.code)
        except BackendError as exc:
            return _error(502, "the PIM did not serve the media file", code=exc.code)
        return Response(body, media_type=content_type, headers=FILE_HEADERS)

    return media


__all__ = ["MEDIA_PATH", "media_endpoint"]
