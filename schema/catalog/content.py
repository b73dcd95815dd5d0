"""ProductContent: the PIM's marketing content, in the operation's language."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import strawberry

from gateway.models import content as models


@strawberry.type(name="ContentAttribute", description="A product attribute from the PIM, ready to display.")
class ContentAttribute:
    code: str = strawberry.field(description="The PIM's attribute code, stable across languages.")
    label: str = strawberry.field(description="The attribute's name in the operation's language.")
    value: str = strawberry.field(description="The attribute's value in the operation's language.")


@strawberry.type(
    name="ContentMedia", description="A media file from the PIM's gallery, served through the gateway."
)
class ContentMedia:
    code: str = strawberry.field(description="The PIM's media file code.")
    url: str = strawberry.field(description="Path on the gateway that serves the file.")
    filename: str | None = strawberry.field(description="The file's original name.")


@strawberry.type(name="ContentCategory", description="A PIM category the product is classified in.")
class ContentCategory:
    code: str = strawberry.field(description="The PIM's category code.")
    label: str = strawberry.field(description="The category's name in the operation's language.")


@strawberry.type(
    name="ProductContent",
    description=(
        "Marketing content from the PIM, in the operation's `@inContext` language, falling back to the "
        "default locale where a translation is missing."
    ),
)
class ProductContent:
    sku: str = strawberry.field(description="The SKU the content was looked up by.")
    locale: str = strawberry.field(description="The PIM locale the content is served in, such as `fr_FR`.")
    name: str | None = strawberry.field(description="The product's marketing name.")
    description: str | None = strawberry.field(description="The product's marketing description.")
    features: list[str] = strawberry.field(description="Feature bullets, in display order.")
    attributes: list[ContentAttribute] = strawberry.field(
        description="Attributes such as material, care and dimensions."
    )
    media: list[ContentMedia] = strawberry.field(description="The media gallery.")
    categories: list[ContentCategory] = strawberry.field(
        description="Categories the product is classified in."
    )
    updated_at: datetime | None = strawberry.field(description="When the PIM last changed this content.")

    WITHOUT_VALUES: ClassVar[frozenset[str]] = frozenset(
        {"__typename", "sku", "locale", "categories", "updatedAt"}
    )
    """The fields any reading of the content answers: none of them is a PIM attribute's value."""

    @classmethod
    def texts_read(cls, selected: frozenset[str]) -> tuple[str, ...] | None:
        """The smallest of `TEXT_READINGS` that answers the fields `selected`; None when they
        need more (attributes or media). The texts' fields are named as their PIM attributes."""
        wanted = selected - cls.WITHOUT_VALUES
        return next((texts for texts in models.TEXT_READINGS if wanted <= set(texts)), None)

    @classmethod
    def from_model(cls, content: models.ProductContent, locale: str, default_locale: str) -> ProductContent:
        return cls(
            sku=content.sku,
            locale=locale,
            name=content.name.get(locale, default_locale),
            description=content.description.get(locale, default_locale),
            features=list(content.features_in(locale, default_locale)),
            attributes=[
                ContentAttribute(
                    code=attribute.code,
                    label=attribute.label.get(locale, default_locale) or attribute.code,
                    value=attribute.value.get(locale, default_locale) or "",
                )
                for attribute in content.attributes
            ],
            media=[
                ContentMedia(code=m.code, url=m.download_path, filename=m.filename) for m in content.media
            ],
            categories=[
                ContentCategory(code=c.code, label=c.label.get(locale, default_locale) or c.code)
                for c in content.categories
            ],
            updated_at=content.updated_at,
        )


__all__ = ["ContentAttribute", "ContentCategory", "ContentMedia", "ProductContent"]
