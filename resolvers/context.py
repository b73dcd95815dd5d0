"""What every resolver of one request shares: the services, the market, the loaders, the notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from gateway.backends.roles import (
    ContentSource,
    ConversationSource,
    OrderRecordsSource,
    ProfileSource,
    StockSource,
)
from gateway.cache import DataClass, SourceCache
from gateway.invoice_links import InvoiceLinks
from gateway.models.caller import ANONYMOUS, Caller
from gateway.models.context import InContext


@dataclass(frozen=True, slots=True)
class CatalogSettings:
    stock_from_erp: bool
    """availableForSale and quantityAvailable follow the ERP instead of Shopify."""
    low_stock_threshold: int
    default_locale: str
    languages: dict[str, str]
    """Storefront LanguageCode to PIM locale."""


class Sources(Protocol):
    """What resolvers read from the running gateway, built once at start (`gateway.services.Services`).

    A protocol, so the resolvers depend on the roles they call and never on the runtime that wires
    the connectors together.
    """

    @property
    def content(self) -> ContentSource | None: ...

    @property
    def stock(self) -> StockSource | None: ...

    @property
    def crm(self) -> ProfileSource | None: ...

    @property
    def chat(self) -> ConversationSource | None: ...

    @property
    def orders(self) -> OrderRecordsSource | None: ...

    @property
    def cache(self) -> SourceCache: ...

    @property
    def settings(self) -> CatalogSettings: ...

    @property
    def invoice_links(self) -> InvoiceLinks: ...


@dataclass(frozen=True, slots=True)
class StaleNotice:
    """A value served past its TTL because its backend failed; reported in the response extensions."""

    service: str
    data_class: str
    age_s: float


@dataclass(slots=True)
class RequestContext:
    services: Sources
    in_context: InContext = field(default_factory=InContext)
    caller: Caller = ANONYMOUS
    loaders: dict[str, Any] = field(default_factory=dict)
    """Per-request DataLoaders by name, created on first use (see `resolvers.loaders`)."""
    stale: list[StaleNotice] = field(default_factory=list)
    fallbacks: set[str] = field(default_factory=set)
    """Services whose failure was covered by another system's figures (ERP stock by Shopify's)."""
    data_classes: set[str] = field(default_factory=set)
    """Data classes the response was built from: its freshness is that of the shortest-lived one."""
    loaded: set[tuple[str, str]] = field(default_factory=set)
    """(data class, SKU) of the content and stock read: a webhook about one of them drops the response."""
    private: bool = False
    """The response holds data for one buyer only and must never be shared."""

    def response_ttl(self) -> float:
        """How long the whole response may be reused: 0 unless it is public, clean and fresh."""
        if self.private or self.stale or self.fallbacks or not self.data_classes:
            return 0.0
        policies = self.services.cache.policies
        return min(policies[DataClass(name)].ttl_s for name in self.data_classes)

    def built_from(self) -> frozenset[tuple[str, str]]:
        """The values a reused response depends on (see `loaded`)."""
        return frozenset(self.loaded)

    @property
    def locale(self) -> str:
        """The PIM locale of the operation's language, or the default locale."""
        settings = self.services.settings
        language = self.in_context.language
        return (
            settings.languages.get(language, settings.default_locale) if language else settings.default_locale
        )


__all__ = ["CatalogSettings", "RequestContext", "Sources", "StaleNotice"]
