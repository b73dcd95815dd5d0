"""Marketing content from the PIM, held in every locale, or as one request reads it (`Reading`).

Content read for a `Reading` holds each text under `Reading.locale` only, already chosen with the
fallbacks of `Localized.get` and `ProductContent.features_in`: read in that locale, it gives the
same texts as the content held in every locale. Read for its texts only, it holds no attributes
and no media.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

TEXTS_SCOPE_SUFFIX = ":texts"


@dataclass(frozen=True, slots=True)
class Reading:
    """How one request reads content: in which locale, falling back to which, and how much of it."""

    locale: str
    default_locale: str
    texts_only: bool = False
    """Only the name, description and features are wanted (a listing's cards): the PIM is asked
    for those attributes alone, and the content holds no attributes or media."""

    @property
    def scope(self) -> str:
        """What the source cache keeps this reading's content under, beside the SKU."""
        return self.locale + TEXTS_SCOPE_SUFFIX if self.texts_only else self.locale


def reading_scopes(locales: Sequence[str]) -> list[str]:
    """Every scope content read in `locales` may be cached under: a PIM change drops them all."""
    return [Reading(locale, locale, texts_only).scope for locale in locales for texts_only in (False, True)]


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


__all__ = ["Attribute", "Category", "Localized", "MediaFile", "ProductContent", "Reading", "reading_scopes"]
