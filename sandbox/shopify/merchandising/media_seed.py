"""Each product's gallery: one image per colour, plus a film, a hosted clip or a 3D model by kind.

Sneakers come with a video stored by Shopify, jackets with a YouTube film and backpacks with a 3D
model; the other kinds show images only. Ids, file names and host ids are derived from the
product, so every run serves the same gallery.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

from sandbox.seed import IMAGE_ID_BASE, Localized
from sandbox.shopify.ids import gid
from sandbox.shopify.records import ImageRecord, ProductRecord
from sandbox.shopify.store import Store
from sandbox.vocabulary import KINDS, ProductKind

from .media import (
    ExternalVideoRecord,
    Media,
    MediaImageRecord,
    Model3dRecord,
    Model3dSourceRecord,
    VideoRecord,
    VideoSourceRecord,
)
from .product_facts import kind_of, ordinal

MEDIA_IMAGE_ID_BASE = 28_100_000_000_000
"""A gallery image's MediaImage number: this plus its ProductImage number's offset."""
VIDEO_ID_BASE = 28_900_000_000_000
EXTERNAL_VIDEO_ID_BASE = 29_300_000_000_000
MODEL_ID_BASE = 29_700_000_000_000
PREVIEW_ID_BASE = 30_100_000_000_000
SIZE_CHART_ID_BASE = 30_500_000_000_000
FILES = "https://cdn.shopify.com/s/files/1/0700/sandbox"


def _token(product: ProductRecord, length: int) -> str:
    return hashlib.sha256(product.handle.encode()).hexdigest()[:length]


def _gallery_alt(product: ProductRecord, colour: Localized) -> Localized:
    title = product.title
    return Localized(
        f"{title.en_US} in {colour.en_US}",
        f"{title.fr_FR}, coloris {colour.fr_FR.lower()}",
        f"{title.de_DE} in {colour.de_DE}",
    )


def _preview(product: ProductRecord, kind: str) -> ImageRecord:
    number = PREVIEW_ID_BASE + ordinal(product)
    url = f"{FILES}/previews/{product.handle}-{kind}.jpg"
    return ImageRecord(number, gid("ImageSource", number), url, product.title.en_US, 1920, 1080)


def _video(product: ProductRecord) -> VideoRecord:
    number = VIDEO_ID_BASE + ordinal(product)
    token = _token(product, 32)
    base = f"https://cdn.shopify.com/videos/c/vp/{token}/{token}"
    sources = (
        VideoSourceRecord("m3u8", "application/x-mpegURL", f"{base}.m3u8", 1920, 1080),
        VideoSourceRecord("mp4", "video/mp4", f"{base}.HD-1080p-7.2Mbps.mp4", 1920, 1080),
        VideoSourceRecord("mp4", "video/mp4", f"{base}.SD-480p-0.9Mbps.mp4", 854, 480),
    )
    return VideoRecord(number, gid("Video", number), product.title, _preview(product, "video"), sources)


def _external_video(product: ProductRecord) -> ExternalVideoRecord:
    number = EXTERNAL_VIDEO_ID_BASE + ordinal(product)
    digest = hashlib.sha256(product.handle.encode()).digest()
    video_id = base64.urlsafe_b64encode(digest).decode()[:11]
    preview = _preview(product, "film")
    return ExternalVideoRecord(
        number, gid("ExternalVideo", number), product.title, preview, "YOUTUBE", video_id
    )


def _model(product: ProductRecord) -> Model3dRecord:
    number = MODEL_ID_BASE + ordinal(product)
    base = f"https://cdn.shopify.com/3d/models/o/{_token(product, 16)}/{product.handle}"
    size = 1_400_000 + ordinal(product) * 7_919 % 600_000
    sources = (
        Model3dSourceRecord("glb", "model/gltf-binary", f"{base}.glb", size),
        Model3dSourceRecord("usdz", "model/vnd.usdz+zip", f"{base}.usdz", size * 3 // 2),
    )
    return Model3dRecord(number, gid("Model3d", number), product.title, _preview(product, "model"), sources)


FILMED_KINDS: dict[str, Callable[[ProductRecord], Media]] = {
    "SNK": _video,
    "JKT": _external_video,
    "BAG": _model,
}
"""The kinds whose gallery holds more than images, and what it holds."""


def _build(product: ProductRecord) -> tuple[Media, ...]:
    colours = product.options[0].values
    gallery: list[Media] = []
    for position, image in enumerate(product.images):
        number = MEDIA_IMAGE_ID_BASE + image.id - IMAGE_ID_BASE
        colour = colours[position].name if position < len(colours) else product.title
        gallery.append(
            MediaImageRecord(number, gid("MediaImage", number), _gallery_alt(product, colour), image)
        )
    film = FILMED_KINDS.get(kind_of(product).word.code)
    if film is not None:
        gallery.append(film(product))
    return tuple(gallery)


def product_media(store: Store, product: ProductRecord) -> tuple[Media, ...]:
    """The product's gallery in the merchant's order, built once."""
    return store.lasting(("media", product.id), lambda: _build(product))


def _size_chart(index: int, kind: ProductKind) -> MediaImageRecord:
    number = SIZE_CHART_ID_BASE + index
    name = kind.word
    url = f"{FILES}/size-charts/{name.code.lower()}.png"
    image = ImageRecord(number, gid("ImageSource", number), url, f"{name.en} size chart", 1200, 900)
    alt = Localized(f"{name.en} size chart", f"Guide des tailles : {name.fr}", f"Größentabelle: {name.de}")
    return MediaImageRecord(number, gid("MediaImage", number), alt, image)


SIZE_CHARTS = {kind.word.code: _size_chart(i, kind) for i, kind in enumerate(KINDS) if len(kind.sizes) > 1}
"""One size chart per kind that comes in sizes, shared by its products (a `file_reference` metafield)."""


__all__ = ["FILMED_KINDS", "SIZE_CHARTS", "product_media"]
