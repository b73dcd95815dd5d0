"""`Product.media` and the `Media` types: gallery images, videos, external videos and 3D models.

`MediaImage` also serves the shop's brand images, whose records carry a plain alt text where the
gallery's carry one per language: both read the same here. No media has presentation settings
(a focal point or a camera position) in the sandbox, so `presentation` is null, as Shopify
answers when the merchant set none.
"""

from __future__ import annotations

from typing import Any

from sandbox.seed import Localized
from sandbox.shopify.content.records import MediaImageRecord as BrandImageRecord
from sandbox.shopify.merchandising.media import (
    MEDIA_CONTENT_TYPES,
    ExternalVideoRecord,
    Media,
    MediaImageRecord,
    Model3dRecord,
    VideoRecord,
)
from sandbox.shopify.merchandising.media_seed import product_media
from sandbox.shopify.records import ProductRecord
from sandbox.shopify.relay import Connection, list_connection

from .context import Info


def _media(product: ProductRecord, info: Info, **args: Any) -> Connection[Media]:
    gallery = product_media(info.context.store, product)
    if args.get("sortKey") == "ID":
        gallery = tuple(sorted(gallery, key=lambda media: media.id))
    return list_connection(gallery, args, lambda media: media.id)


def _alt(media: Media | BrandImageRecord, info: Info) -> str:
    alt = media.alt
    return alt.get(info.context.locale) if isinstance(alt, Localized) else alt


CONTENT_TYPES: dict[type, str] = {**MEDIA_CONTENT_TYPES, BrandImageRecord: "IMAGE"}


def _content_type(media: Media | BrandImageRecord, info: Info) -> str:
    return CONTENT_TYPES[type(media)]


def _no_presentation(media: Media | BrandImageRecord, info: Info) -> None:
    return None


_COMMON: dict[str, Any] = {
    "alt": _alt,
    "id": lambda media, info: media.gid,
    "mediaContentType": _content_type,
    "presentation": _no_presentation,
}

MEDIA_RESOLVERS: dict[str, dict[str, Any]] = {
    "Product": {"media": _media},
    "MediaImage": {
        **_COMMON,
        "image": lambda media, info: media.image,
        "previewImage": lambda media, info: media.image,
    },
    "Video": {
        **_COMMON,
        "previewImage": lambda video, info: video.preview,
        "sources": lambda video, info: video.sources,
    },
    "VideoSource": {
        "format": lambda source, info: source.format,
        "height": lambda source, info: source.height,
        "mimeType": lambda source, info: source.mime_type,
        "url": lambda source, info: source.url,
        "width": lambda source, info: source.width,
    },
    "ExternalVideo": {
        **_COMMON,
        "embedUrl": lambda video, info: video.embed_url,
        "host": lambda video, info: video.host,
        "originUrl": lambda video, info: video.origin_url,
        "previewImage": lambda video, info: video.preview,
    },
    "Model3d": {
        **_COMMON,
        "previewImage": lambda model, info: model.preview,
        "sources": lambda model, info: model.sources,
    },
    "Model3dSource": {
        "filesize": lambda source, info: source.filesize,
        "format": lambda source, info: source.format,
        "mimeType": lambda source, info: source.mime_type,
        "url": lambda source, info: source.url,
    },
}

MEDIA_TYPE_NAMES: dict[type, str] = {
    MediaImageRecord: "MediaImage",
    BrandImageRecord: "MediaImage",
    VideoRecord: "Video",
    ExternalVideoRecord: "ExternalVideo",
    Model3dRecord: "Model3d",
}
"""The GraphQL type of each media record, for the `Media` interface and `MetafieldReference`."""


__all__ = ["MEDIA_RESOLVERS", "MEDIA_TYPE_NAMES"]
