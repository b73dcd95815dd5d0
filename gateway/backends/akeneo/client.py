"""The Akeneo connector: localized product content by SKU, and media files for the gateway to serve.

Content is read in batches of at most 100 SKUs (Akeneo's cap on an `IN` filter and on a page), one
request per batch, all locales at once: a text missing in the request's locale and in the default
one falls back to any locale the PIM has. Read for a request (a `Reading`), the content is
mapped in its locale alone; read for some texts alone (a listing card's name), only the identifier
and those texts' attributes are asked for (`attributes=`), a quarter of the answer. The PIM's
structure (attribute types and labels, category labels) is read once and kept for an hour.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Mapping, Sequence
from typing import TypeVar

from pydantic import TypeAdapter

from gateway.backends.http.answer_shapes import read_answer
from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendAuthError
from gateway.backends.http.response import BackendResponse
from gateway.backends.key_maps import KeyMap, MemoryKeyMap
from gateway.models.content import ProductContent, Reading

from .answers import ATTRIBUTE_PAGE, CATEGORY_PAGE, PRODUCT_PAGE, ListPage
from .content_mapping import Structure, product_content, text_attributes
from .media_code import download_path
from .next_link import next_request
from .token import AkeneoToken

SERVICE = "akeneo"
API = "/api/rest/v1"
BATCH_SIZE = 100
"""Akeneo refuses more than 100 values in an `IN` filter and more than 100 items per page."""
STRUCTURE_TTL_S = 3600.0
"""Attributes and categories change with releases of the catalog model, not with content edits."""
MAX_STRUCTURE_PAGES = 50
MAX_MEDIA_BYTES = 64 * 1024 * 1024
"""Largest media file served: images and documents run far larger than any JSON answer."""

Item = TypeVar("Item")


class AkeneoContent:
    """Product content from the PIM (implements `roles.ContentSource`)."""

    service = SERVICE

    def __init__(
        self,
        client: BackendClient,
        token: AkeneoToken,
        *,
        scope: str,
        locales: Sequence[str],
        max_media_bytes: int = MAX_MEDIA_BYTES,
        sku_by_uuid: KeyMap | None = None,
        skus_by_model: KeyMap | None = None,
    ) -> None:
        self.client = client
        self.token = token
        self.scope = scope
        self.locales = tuple(locales)
        self.max_media_bytes = max_media_bytes
        self._structure: Structure | None = None
        self._structure_at = 0.0
        self._structure_lock = asyncio.Lock()
        # What events name (uuids, product model codes) mapped to the SKUs cached content is keyed by,
        # learned from the products read: exactly the content this gateway may hold. Shared by the
        # replicas when Redis is configured, so any of them can resolve an event.
        self._sku_by_uuid = sku_by_uuid or MemoryKeyMap()
        self._skus_by_model = skus_by_model or MemoryKeyMap()

    async def get(
        self, path: str, params: Mapping[str, str] | None = None, *, max_bytes: int | None = None
    ) -> BackendResponse:
        """A GET with the bearer token; a 401 renews the token once (it may have been revoked).

        `max_bytes` caps the answer (default: the backend's `max_response_bytes`).
        """
        bearer = await self.token.bearer()
        try:
            return await self.client.request(
                "GET", path, params=params, headers={"Authorization": bearer}, max_bytes=max_bytes
            )
        except BackendAuthError as exc:
            if exc.status != 401:
                raise
            await self.token.invalidate(bearer)
            bearer = await self.token.bearer()
            return await self.client.request(
                "GET", path, params=params, headers={"Authorization": bearer}, max_bytes=max_bytes
            )

    async def _all_items(
        self, path: str, params: Mapping[str, str], shape: TypeAdapter[ListPage[Item]], what: str
    ) -> list[Item]:
        """Every item of a paginated list, following `_links.next` (never building cursors).

        A next link naming another origin is followed on the configured URL (see `next_link`).
        """
        items: list[Item] = []
        next_path, next_params = path, dict(params)
        for _ in range(MAX_STRUCTURE_PAGES):
            response = await self.get(next_path, next_params)
            page = read_answer(response, shape, what)
            items += page.embedded.items
            if page.links.next is None or not page.links.next.href:
                break
            next_path, next_params = next_request(self.client.settings.url, page.links.next.href)
        return items

    async def structure(self) -> Structure:
        if self._structure is not None and time.monotonic() - self._structure_at < STRUCTURE_TTL_S:
            return self._structure
        async with self._structure_lock:
            if self._structure is not None and time.monotonic() - self._structure_at < STRUCTURE_TTL_S:
                return self._structure
            attributes, categories = await asyncio.gather(
                self._all_items(f"{API}/attributes", {"limit": "100"}, ATTRIBUTE_PAGE, "attribute list"),
                self._all_items(f"{API}/categories", {"limit": "100"}, CATEGORY_PAGE, "category list"),
            )
            self._structure = Structure.of(attributes, categories)
            self._structure_at = time.monotonic()
            return self._structure

    async def content_by_skus(
        self, skus: Sequence[str], *, reading: Reading | None = None
    ) -> Mapping[str, ProductContent]:
        """Content by SKU, in every configured locale; with `reading`, in `reading.locale` alone, each
        text the one `Localized.get(reading.locale, reading.default_locale)` would pick, and with
        `reading.texts` those texts alone, without attributes or media, the PIM asked for them alone."""
        structure = await self.structure()
        batches = [skus[i : i + BATCH_SIZE] for i in range(0, len(skus), BATCH_SIZE)]
        pages = await asyncio.gather(*(self._batch(structure, batch, reading) for batch in batches))
        return {content.sku: content for page in pages for content in page}

    async def _batch(
        self, structure: Structure, skus: Sequence[str], reading: Reading | None
    ) -> list[ProductContent]:
        search = {structure.identifier: [{"operator": "IN", "value": list(skus)}]}
        params = {
            "search": json.dumps(search, separators=(",", ":")),
            "scope": self.scope,
            "locales": ",".join(self.locales),
            "with_attribute_options": "true",
            "limit": str(BATCH_SIZE),
        }
        if (
            reading is not None
            and reading.texts is not None
            and (wanted := text_attributes(structure, reading.texts))
        ):
            # A card shows the name: the answer shrinks to a quarter, and so do reading and checking it.
            params["attributes"] = ",".join(wanted)
        response = await self.get(f"{API}/products-uuid", params)
        # What a value's `data` must be depends on its attribute's type, which the structure knows.
        page = read_answer(response, PRODUCT_PAGE, "product payload", context=structure.attribute_types)
        products = page.embedded.items
        try:
            contents = [
                product_content(product, structure, scope=self.scope, locales=self.locales, reading=reading)
                for product in products
            ]
        except ValueError as exc:
            raise response.bad_shape(f"unexpected product payload: {exc}") from None
        by_model: dict[str, set[str]] = {}
        for product, content in zip(products, contents, strict=True):
            if product.parent is not None:
                by_model.setdefault(product.parent, set()).add(content.sku)
        await self._sku_by_uuid.record({content.uuid: (content.sku,) for content in contents})
        await self._skus_by_model.record(by_model)
        return contents

    async def sku_of(self, uuid: str) -> str | None:
        """The SKU of a PIM product uuid, if this gateway (any replica, with Redis) has read its content."""
        skus = await self._sku_by_uuid.skus(uuid)
        return min(skus) if skus else None

    async def skus_of_model(self, code: str) -> set[str]:
        """The SKUs of a product model's variants whose content this gateway has read."""
        return await self._skus_by_model.skus(code)

    async def media(self, code: str) -> tuple[bytes, str]:
        """A media file's bytes and content type (Akeneo's download URL needs the token).

        `InvalidMediaCode`, before any I/O, for a string that is not a media file code. An answer
        that is a document of the API or a web page rather than a file (a JSON or HTML type) is a
        `BackendBadResponse`: the download endpoint serves files only, so it is not forwarded.
        """
        response = await self.get(download_path(API, code), max_bytes=self.max_media_bytes)
        content_type = response.content_type
        if response.declares_json or content_type == "text/html":
            raise response.bad_shape(f"{content_type} is not a media file")
        return response.body, content_type or "application/octet-stream"

    async def check(self) -> bool:
        """Readiness: the PIM's API answers now (asked afresh every round, never from a kept value).

        `GET /api/rest/v1`, the list of the API's routes, is Akeneo's cheapest call and needs no token:
        a check that needed one would, once the kept token expires, grant it on the live path, whose
        breaker a round of failed checks must never move. It goes on the client's probe path.
        """
        response = await self.client.request("GET", API, probe=True)
        if not isinstance(response.json_object().get("routes"), dict):
            raise response.bad_shape("no `routes` object in the API's route list")
        return True


__all__ = ["MAX_MEDIA_BYTES", "SERVICE", "AkeneoContent"]
