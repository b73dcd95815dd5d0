"""What the gateway needs from each role, whichever vendor fills it.

Resolvers depend on these protocols, never on a vendor: a second PIM or ERP is one new folder under
`gateway/backends/` whose client implements the matching protocol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from gateway.models.catalog import Collection, Detail, ListArgs, Menu, Page, Product, Shop, Variant
from gateway.models.content import ProductContent
from gateway.models.context import InContext
from gateway.models.stock import VariantStock


class CatalogSource(Protocol):
    """The commerce core's catalog: products, collections and search, priced for a market."""

    service: str

    async def products_by_ids(
        self, ids: Sequence[str], context: InContext, detail: Detail = ...
    ) -> Mapping[str, Product]: ...

    async def products_by_handles(
        self, handles: Sequence[str], context: InContext, detail: Detail = ...
    ) -> Mapping[str, Product]: ...

    async def variants_by_ids(self, ids: Sequence[str], context: InContext) -> Mapping[str, Variant]: ...

    async def products_page(self, args: ListArgs, context: InContext) -> Page[Product]: ...

    async def search(self, args: ListArgs, context: InContext) -> Page[Product]: ...

    async def collections_by_ids(
        self, ids: Sequence[str], context: InContext
    ) -> Mapping[str, Collection]: ...

    async def collections_by_handles(
        self, handles: Sequence[str], context: InContext
    ) -> Mapping[str, Collection]: ...

    async def collections_page(self, args: ListArgs, context: InContext) -> Page[Collection]: ...

    async def collection_products(
        self, collection_ids: Sequence[str], args: ListArgs, context: InContext
    ) -> Mapping[str, Page[Product]]: ...

    async def collection_with_products(
        self, by: str, key: str, args: ListArgs, context: InContext
    ) -> tuple[Collection, Page[Product]] | None:
        """A collection (`by` "handle" or "id") with one page of its products, in one call."""
        ...

    async def shop(self, context: InContext) -> Shop: ...

    async def menus(self, handles: Sequence[str], context: InContext) -> Mapping[str, Menu]: ...


class ContentSource(Protocol):
    """The PIM: localized marketing content by SKU, in every locale at once."""

    service: str

    async def content_by_skus(self, skus: Sequence[str]) -> Mapping[str, ProductContent]: ...


class StockSource(Protocol):
    """The ERP: stock per warehouse by SKU."""

    service: str

    async def stock_by_skus(self, skus: Sequence[str]) -> Mapping[str, VariantStock]: ...


__all__ = ["CatalogSource", "ContentSource", "StockSource"]
