"""What the gateway needs from each role, whichever vendor fills it.

Resolvers depend on these protocols (Shopify, the commerce core, is forwarded to, not read through one), never on a vendor: a second PIM or ERP is one new folder under
`gateway/backends/` whose client implements the matching protocol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from gateway.models.content import ProductContent, Reading
from gateway.models.stock import VariantStock


class ContentSource(Protocol):
    """The PIM: localized marketing content by SKU, in every locale at once or as one request reads it."""

    service: str

    async def content_by_skus(
        self, skus: Sequence[str], *, reading: Reading | None = None
    ) -> Mapping[str, ProductContent]: ...


class StockSource(Protocol):
    """The ERP: stock per warehouse by SKU."""

    service: str

    async def stock_by_skus(self, skus: Sequence[str]) -> Mapping[str, VariantStock]: ...


__all__ = ["ContentSource", "StockSource"]
