"""Image, with Shopify's CDN transforms applied to its URL."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gateway.models import catalog
from schema.catalog.enums import CropRegion, ImageContentType

from .page_info import PageInfo
from .scalars import URL


@strawberry.input(
    name="ImageTransformInput",
    description="The available options for transforming an image. All transformation options are best-effort.",
)
class ImageTransformInput:
    crop: CropRegion | None = strawberry.field(
        default=None, description="The region of the image to remain after cropping."
    )
    max_width: int | None = strawberry.field(
        default=None, description="Image width in pixels between 1 and 5760."
    )
    max_height: int | None = strawberry.field(
        default=None, description="Image height in pixels between 1 and 5760."
    )
    scale: int | None = strawberry.field(
        default=1, description="Image size multiplier for high-resolution retina displays."
    )
    preferred_content_type: ImageContentType | None = strawberry.field(
        default=None, description="Convert the source image into the preferred content type."
    )


def transformed_url(url: str, transform: ImageTransformInput | None) -> str:
    """Shopify's CDN resizes from query parameters; apply the transform the same way."""
    if transform is None:
        return url
    scale = transform.scale or 1
    params: list[str] = []
    # Every value is a number or an enum name in lower case: nothing to percent-encode.
    if transform.max_width:
        params.append(f"width={transform.max_width * scale}")
    if transform.max_height:
        params.append(f"height={transform.max_height * scale}")
    if transform.crop:
        params.append(f"crop={transform.crop.name.lower()}")
    if transform.preferred_content_type:
        params.append(f"format={transform.preferred_content_type.name.lower()}")
    if not params:
        return url
    base, hash_mark, fragment = url.partition("#")
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}{'&'.join(params)}{hash_mark}{fragment}"


@strawberry.type(name="Image", description="Represents an image resource.")
class Image:
    id: strawberry.ID | None = strawberry.field(description="A unique ID for the image.")
    alt_text: str | None = strawberry.field(
        description="A word or phrase to share the nature or contents of an image."
    )
    width: int | None = strawberry.field(description="The original width of the image in pixels.")
    height: int | None = strawberry.field(description="The original height of the image in pixels.")
    _source: strawberry.Private[str]

    @strawberry.field(
        description="The location of the image as a URL, transformed when a transform is given."
    )
    def url(
        self,
        transform: Annotated[
            ImageTransformInput | None,
            strawberry.argument(description="A set of options to transform the original image."),
        ] = None,
    ) -> URL:
        return URL(transformed_url(self._source, transform))

    @classmethod
    def from_model(cls, image: catalog.Image) -> Image:
        return cls(
            id=strawberry.ID(image.id) if image.id else None,
            alt_text=image.alt_text,
            width=image.width,
            height=image.height,
            _source=image.url,
        )


@strawberry.type(
    name="ImageEdge",
    description="An auto-generated type which holds one Image and a cursor during pagination.",
)
class ImageEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: Image = strawberry.field(description="The item at the end of ImageEdge.")


@strawberry.type(
    name="ImageConnection", description="An auto-generated type for paginating through multiple Images."
)
class ImageConnection:
    edges: list[ImageEdge] = strawberry.field(description="A list of edges.")
    nodes: list[Image] = strawberry.field(description="A list of the nodes contained in ImageEdge.")
    page_info: PageInfo = strawberry.field(description="Information to aid in pagination.")


__all__ = ["Image", "ImageConnection", "ImageEdge", "ImageTransformInput", "transformed_url"]
