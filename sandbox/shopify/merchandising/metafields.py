"""Metafields: custom fields a merchant attaches to products, variants, collections and the shop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sandbox.seed import Localized
from sandbox.shopify.records import ProductRecord

from .media import MediaImageRecord

Reference = ProductRecord | MediaImageRecord
"""What a reference metafield of the sandbox points to."""


@dataclass(frozen=True, slots=True)
class MetafieldRecord:
    id: int
    gid: str
    namespace: str
    key: str
    type: str
    """Shopify's metafield type name: `single_line_text_field`, `json`, `number_integer`…"""
    value: Localized
    """The value as Shopify writes it, per language (the same text thrice when it is not translated)."""
    description: str | None
    created_at: datetime
    updated_at: datetime
    reference: Reference | None = None
    """The resource a `*_reference` metafield's value names."""


MetafieldSet = dict[tuple[str, str], MetafieldRecord]
"""The metafields of one resource, by (namespace, key)."""


def same(text: str) -> Localized:
    """A value that reads the same in every language (numbers, JSON, codes)."""
    return Localized(text, text, text)


__all__ = ["MetafieldRecord", "MetafieldSet", "Reference", "same"]
