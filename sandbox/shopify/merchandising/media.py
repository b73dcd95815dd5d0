"""The media a product page shows: images, videos hosted by Shopify or elsewhere, and 3D models."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.seed import Localized
from sandbox.shopify.records import ImageRecord


@dataclass(frozen=True, slots=True)
class MediaImageRecord:
    """An image as media: a gallery picture, a swatch chip, a size chart. Brand logos fit here too."""

    id: int
    gid: str
    alt: Localized
    image: ImageRecord


@dataclass(frozen=True, slots=True)
class VideoSourceRecord:
    format: str
    mime_type: str
    url: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class VideoRecord:
    id: int
    gid: str
    alt: Localized
    preview: ImageRecord
    sources: tuple[VideoSourceRecord, ...]


@dataclass(frozen=True, slots=True)
class ExternalVideoRecord:
    id: int
    gid: str
    alt: Localized
    preview: ImageRecord
    host: str
    """`MediaHost`: YOUTUBE or VIMEO."""
    video_id: str

    @property
    def origin_url(self) -> str:
        if self.host == "VIMEO":
            return f"https://vimeo.com/{self.video_id}"
        return f"https://www.youtube.com/watch?v={self.video_id}"

    @property
    def embed_url(self) -> str:
        if self.host == "VIMEO":
            return f"https://player.vimeo.com/video/{self.video_id}"
        return f"https://www.youtube.com/embed/{self.video_id}"


@dataclass(frozen=True, slots=True)
class Model3dSourceRecord:
    format: str
    mime_type: str
    url: str
    filesize: int


@dataclass(frozen=True, slots=True)
class Model3dRecord:
    id: int
    gid: str
    alt: Localized
    preview: ImageRecord
    sources: tuple[Model3dSourceRecord, ...]


Media = MediaImageRecord | VideoRecord | ExternalVideoRecord | Model3dRecord
"""Anything a product's `media` connection holds."""

MEDIA_CONTENT_TYPES: dict[type, str] = {
    MediaImageRecord: "IMAGE",
    VideoRecord: "VIDEO",
    ExternalVideoRecord: "EXTERNAL_VIDEO",
    Model3dRecord: "MODEL_3D",
}
"""The `MediaContentType` of each kind of media."""


__all__ = [
    "MEDIA_CONTENT_TYPES",
    "ExternalVideoRecord",
    "Media",
    "MediaImageRecord",
    "Model3dRecord",
    "Model3dSourceRecord",
    "VideoRecord",
    "VideoSourceRecord",
]
