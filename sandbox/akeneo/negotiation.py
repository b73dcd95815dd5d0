"""Akeneo's header checks on the REST API: `Accept` on reads (406) and `Content-Type` on writes (415).

A GET whose `Accept` is neither exactly `application/json` nor contains `*/*` is refused; a POST,
PATCH or PUT must name the route's content type (`application/json`, or Akeneo's collection type for
bulk PATCH). Media-file downloads are not checked, since their answer is an image; the token route
checks its own two content types.
"""

from __future__ import annotations

from aiohttp import web

from .errors import AkeneoError, Handler
from .oauth import API_PREFIX

JSON = "application/json"
COLLECTION = "application/vnd.akeneo.collection+json"


def _media_type(request: web.Request) -> str:
    return request.headers.get("Content-Type", "").split(";", 1)[0].strip()


class Negotiation:
    """The header checks of one emulator, with the routes whose body is not plain JSON."""

    def __init__(self) -> None:
        self._content_types: dict[tuple[str, str], str] = {}

    def expect(self, path: str, method: str, content_type: str) -> None:
        """Require `content_type` (instead of JSON) for `method` on the route `path`."""
        self._content_types[(path, method)] = content_type

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX) or request.match_info.http_exception is not None:
            return await handler(request)
        if request.method == "GET":
            accept = request.headers.get("Accept")
            if (
                accept is not None
                and accept != JSON
                and "*/*" not in accept
                and not request.path.endswith("/download")
            ):
                raise AkeneoError(
                    406, f'"{accept}" in "Accept" header is not valid. Only "{JSON}" is allowed.'
                )
        elif request.method in ("POST", "PATCH", "PUT"):
            resource = request.match_info.route.resource
            canonical = resource.canonical if resource is not None else ""
            expected = self._content_types.get((canonical, request.method), JSON)
            media_type = _media_type(request)
            if not media_type:
                raise AkeneoError(
                    415, f'The "Content-Type" header is missing. "{expected}" has to be specified as value.'
                )
            if media_type != expected:
                raise AkeneoError(
                    415,
                    f'"{media_type}" in "Content-Type" header is not valid. Only "{expected}" is allowed.',
                )
        return await handler(request)


__all__ = ["COLLECTION", "JSON", "Negotiation"]
