"""Marketing content from the PIM, held in every locale, or as one request reads it (`Reading`).

Content read for a `Reading` holds each text under `Reading.locale` only, already chosen with the
fallbacks of `Localized.get` and `ProductContent.features_in`: read in that locale, it gives the
same texts as the content held in every locale. Read for some texts only (`Reading.texts`), it
holds those texts and no attributes or media.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

NAME_ONLY = ("name",)
ALL_TEXTS = ("name", "description", "features")
TEXT_READINGS = (NAME_ONLY, ALL_TEXTS)
"""What a reading without attributes or media is limited to: a card's name, or every text. Two
sets, not one per combination, so that a PIM change drops few cache entries per SKU."""


@dataclass(frozen=True, slots=True)
class Reading:
    """How one request reads content: in which locale, falling back to which, and how much of it."""

    locale: str
    default_locale: str
    texts: tuple[str, ...] | None = None
    """When no attribute or medium is wanted, the texts that are (one of `TEXT_READINGS`): the PIM
    is asked for those alone, and the content holds no other text, attribute or medium. None:
    everything."""

    @property
    def scope(self) -> str:
        """What the source cache keeps this reading's content under, beside the SKU."""
        return self.locale if self.texts is None else f"{self.locale}:{'+'.join(self.texts)}"


def reading_scopes(locales: Sequence[str]) -> list[str]:
    """Every scope content read in `locales` may be cached under: a PIM change drops them all."""
    return [Reading(locale, locale, texts).scope for locale in locales for texts in (None, *TEXT_READINGS)]


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


__all__ = [
    "ALL_TEXTS",
    "NAME_ONLY",
    "TEXT_READINGS",
    "Attribute",
    "Category",
    "Localized",
    "MediaFile",
    "ProductContent",
    "Reading",
    "reading_scopes",
]
