"""Marketing content from the PIM, held in every locale, or in the one locale a request reads it in.

Content read for a `Preference` holds each text under `Preference.locale` only, already chosen
with the fallbacks of `Localized.get` and `ProductContent.features_in`: read in that locale, it
gives the same texts as the content held in every locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Preference:
    """The locale content is read in, and the one a missing text falls back to."""

    locale: str
    default_locale: str


@dataclass(frozen=True, slots=True)
class Localized:
    """A text per locale; `get` falls back to the default locale, then to any locale at all."""

    values: Mapping[str, str]

    def get(self, locale: str, default_locale: str) -> str | None:
        return (
            self.values.get(locale)
            or self.values.get(default_locale)
            or next(iter(self.values.values()), None)
        )


@dataclass(frozen=True, slots=True)
class Attribute:
    code: str
    label: Localized
    value: Localized
    """The attribute's display value per locale (option labels resolved, units attached)."""


@dataclass(frozen=True, slots=True)
class MediaFile:
    code: str
    filename: str | None
    download_path: str
    """Path on the gateway that serves the file (the PIM's own URL needs the PIM's token)."""


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    label: Localized


@dataclass(frozen=True, slots=True)
class ProductContent:
    sku: str
    uuid: str
    name: Localized
    description: Localized
    features: Mapping[str, tuple[str, ...]]
    """Feature bullets per locale."""
    attributes: tuple[Attribute, ...]
    media: tuple[MediaFile, ...]
    categories: tuple[Category, ...]
    updated_at: datetime | None

    def features_in(self, locale: str, default_locale: str) -> tuple[str, ...]:
        return self.features.get(locale) or self.features.get(default_locale) or ()


__all__ = ["Attribute", "Category", "Localized", "MediaFile", "Preference", "ProductContent"]
