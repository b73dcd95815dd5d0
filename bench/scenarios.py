"""The storefront operations measured, each written as a front-end would write it.

Every scenario pairs a GraphQL operation sent to the gateway with the floor's way of fetching the
same data, plus what it runs under: the gateway's cache (off, or warm), and faults injected into
one backend for its duration.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .floor import Floor, FloorPage
from .operations import COLLECTION_PAGE, PRODUCT_PAGE, SEARCH_PAGE
from .targets import PageTarget, Targets

SEARCH_TERMS = (
    "classic",
    "essential",
    "relaxed",
    "heritage",
    "everyday",
    "alpine",
    "coastal",
    "urban",
    "trail",
    "studio",
    "nordic",
    "weekend",
)
"""Style words: each titles a tenth of the catalog, so their result pages barely overlap."""


class Kind(StrEnum):
    PRODUCT = "product"
    COLLECTION = "collection"
    SEARCH = "search"


class Cache(StrEnum):
    OFF = "uncached"
    """Cache TTLs 0 and every concurrent request for a different page: each operation hits every backend."""
    WARM = "warm"
    """The gateway's default cache, one page asked again and again."""


Target = str | PageTarget


@dataclass(frozen=True, slots=True)
class Scenario:
    """One measured storefront operation."""

    name: str
    title: str
    kind: Kind
    page_size: int = 1
    cache: Cache = Cache.OFF
    faults: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Faults per vendor while the scenario runs, on top of the sandbox's base latency."""
    degraded: bool = False
    """A backend is meant to fail: answers with errors are expected, not a broken run."""

    @property
    def query(self) -> str:
        return {Kind.PRODUCT: PRODUCT_PAGE, Kind.COLLECTION: COLLECTION_PAGE, Kind.SEARCH: SEARCH_PAGE}[
            self.kind
        ]

    def targets(self, targets: Targets) -> Sequence[Target]:
        found: Sequence[Target]
        if self.kind is Kind.PRODUCT:
            found = targets.products
        elif self.kind is Kind.COLLECTION:
            found = targets.collection_pages[self.page_size]
        else:
            found = targets.search_pages[self.page_size]
        if not found:
            raise RuntimeError(f"{self.name}: the sandbox has no {self.kind} targets of {self.page_size}")
        return found[:1] if self.cache is Cache.WARM else found

    def variables(self, target: Target) -> dict[str, Any]:
        if isinstance(target, str):
            return {"handle": target}
        key = "handle" if self.kind is Kind.COLLECTION else "terms"
        return {key: target.key, "first": self.page_size, "after": target.after}

    async def floor(self, floor: Floor, target: Target) -> FloorPage:
        if isinstance(target, str):
            return await floor.product_page(target)
        if self.kind is Kind.COLLECTION:
            return await floor.collection_page(target.key, self.page_size, target.after)
        return await floor.search_page(target.key, self.page_size, target.after)

    def handles(self, data: Mapping[str, Any] | None) -> list[str]:
        """The product handles of a gateway answer, in order."""
        if not data:
            return []
        if self.kind is Kind.PRODUCT:
            return [data["product"]["handle"]] if data.get("product") else []
        root = data["collection"]["products"] if self.kind is Kind.COLLECTION else data.get("search")
        return [node["handle"] for node in (root or {}).get("nodes", []) if node]


def expected_handles(target: Target) -> list[str]:
    return [target] if isinstance(target, str) else list(target.handles)


def scenarios(*, slow_ms: float = 200.0) -> tuple[Scenario, ...]:
    """Every scenario, in the order they run (the warm one last: it needs the cache back on)."""
    return (
        Scenario("product", "Product page (variants, content, stock)", Kind.PRODUCT),
        Scenario("listing_24", "Collection page of 24", Kind.COLLECTION, 24),
        Scenario("listing_50", "Collection page of 50", Kind.COLLECTION, 50),
        Scenario("search", "Search results page of 24", Kind.SEARCH, 24),
        Scenario(
            "listing_50_pim_slow",
            f"Collection page of 50, PIM at {slow_ms:g} ms",
            Kind.COLLECTION,
            50,
            faults={"akeneo": {"latency_ms": slow_ms}},
        ),
        Scenario(
            "listing_50_erp_down",
            "Collection page of 50, ERP down",
            Kind.COLLECTION,
            50,
            faults={"odoo": {"down": True}},
            degraded=True,
        ),
        Scenario("listing_50_warm", "Collection page of 50, warm cache", Kind.COLLECTION, 50, Cache.WARM),
    )


__all__ = [
    "COLLECTION_PAGE",
    "PRODUCT_PAGE",
    "SEARCH_PAGE",
    "SEARCH_TERMS",
    "Cache",
    "Kind",
    "Scenario",
    "Target",
    "expected_handles",
    "scenarios",
]
