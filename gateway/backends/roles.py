"""What the gateway needs from each role, whichever vendor fills it.

Resolvers depend on these protocols (Shopify, the commerce core, is forwarded to, not read through one), never on a vendor: a second PIM or ERP is one new folder under
`gateway/backends/` whose client implements the matching protocol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from gateway.models.content import ProductContent, Reading
from gateway.models.conversations import CustomerConversations
from gateway.models.orders import Fulfilment, OrderInvoices
from gateway.models.profile import CustomerProfile
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


class ProfileSource(Protocol):
    """The CRM: what the business knows of each customer, by email."""

    service: str

    async def profiles_by_emails(
        self, emails: Sequence[str], *, segments: bool = True
    ) -> Mapping[str, CustomerProfile]:
        """`segments`: whether to read the lists the customers are in (a second read); without it
        their `segments` are empty."""
        ...


class ConversationSource(Protocol):
    """The chat: each customer's conversations, by email."""

    service: str

    async def conversations_by_emails(self, emails: Sequence[str]) -> Mapping[str, CustomerConversations]: ...


class OrderRecordsSource(Protocol):
    """The ERP: what became of each Shopify order, by its name (`#1042`): deliveries and invoices.

    A name the ERP has no record of is absent from the answer; each method answers a whole batch
    in a fixed number of calls.
    """

    service: str

    async def fulfilment_by_order_names(self, names: Sequence[str]) -> Mapping[str, Fulfilment]: ...

    async def invoices_by_order_names(self, names: Sequence[str]) -> Mapping[str, OrderInvoices]: ...

    async def invoice_pdf(self, invoice_id: int) -> bytes:
        """The PDF of one of the ERP's invoices, by its `Invoice.erp_id`."""
        ...


__all__ = ["ContentSource", "ConversationSource", "OrderRecordsSource", "ProfileSource", "StockSource"]
