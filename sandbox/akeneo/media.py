"""`/api/rest/v1/media-files`: metadata and binary download of the catalog's images.

Codes are Akeneo's storage paths (`3/8/6/e/386e…_handle-1.jpg`), slashes included. The download
needs the Bearer token like every other call, so a gateway has to proxy (and cache) images rather
than hand the URL to a browser; the bytes are a small JPEG generated from the code.
"""

from __future__ import annotations

from aiohttp import web

from .catalog import Catalog, MediaFile
from .errors import AkeneoError
from .jpeg import render
from .pagination import list_params, offset_envelope, parse_pagination
from .payloads import API, media_payload
from .responses import json_response

LIST_PATH = f"{API}/media-files"
ITEM_PATH = f"{API}/media-files/{{code:.+}}"
DOWNLOAD_PATH = f"{API}/media-files/{{code:.+}}/download"


class MediaRoutes:
    """Media file metadata and downloads over one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._bytes: dict[str, bytes] = {}
        self._ordered = sorted(catalog.media)

    def content(self, media: MediaFile) -> bytes:
        cached = self._bytes.get(media.code)
        if cached is None:
            cached = self._bytes[media.code] = render(media.code)
        return cached

    def _media(self, code: str) -> MediaFile:
        media = self.catalog.media.get(code)
        if media is None:
            raise AkeneoError(404, f'Media file "{code}" does not exist.')
        return media

    async def list_media(self, request: web.Request) -> web.Response:
        pagination = parse_pagination(request.query)
        pagination.check_result_window()
        origin = str(request.url.origin())
        codes = self._ordered[pagination.offset : pagination.offset + pagination.limit]
        media = [self.catalog.media[code] for code in codes]
        items = [media_payload(m, len(self.content(m)), origin, self_link=True) for m in media]
        count = len(self._ordered) if pagination.with_count else None
        body = offset_envelope(
            items,
            pagination,
            list_url=origin + LIST_PATH,
            params=list_params(request.query, pagination),
            count=count,
        )
        return json_response(body)

    async def get_media(self, request: web.Request) -> web.Response:
        media = self._media(request.match_info["code"])
        return json_response(media_payload(media, len(self.content(media)), str(request.url.origin())))

    async def download(self, request: web.Request) -> web.Response:
        media = self._media(request.match_info["code"])
        return web.Response(
            body=self.content(media),
            content_type=media.mime_type,
            headers={"Content-Disposition": f'attachment; filename="{media.original_filename}"'},
        )


__all__ = ["DOWNLOAD_PATH", "ITEM_PATH", "LIST_PATH", "MediaRoutes"]
