"""The gateway's own fields on Shopify's objects, per Shopify API, and the keys each one is joined by.

`EXTENSIONS` extend the Storefront API; `ACCOUNT_EXTENSIONS` the Customer Account API, whose
`Customer` and `Order` carry the same gateway fields, keyed by that API's own names. What an
extension is: `schema.joins`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from resolvers import extensions as load
from resolvers.context import RequestContext
from resolvers.errors import UserInputError

from .catalog.content import ProductContent
from .catalog.stock import VariantStock
from .customer import conversations
from .customer.profile import CustomerProfile
from .joins import Extension, Override, SiteInput, SiteLoad
from .order.fulfilment import ErpFulfilment
from .order.invoices import ErpInvoice


async def _content(context: RequestContext, sites: Sequence[SiteInput]) -> list[Any]:
    default = context.services.settings.default_locale
    # A listing's cards select the name: their content is read for it alone.
    texts = ProductContent.texts_read(frozenset().union(*(site.selected for site in sites)))
    return [
        ProductContent.from_model(m, context.locale, default) if _is_model(m) else m
        for m in await load.product_content(context, [site.keys for site in sites], texts=texts)
    ]


async def _stock(context: RequestContext, sites: Sequence[SiteInput]) -> list[Any]:
    threshold = context.services.settings.low_stock_threshold
    return [
        VariantStock.from_model(m, threshold) if _is_model(m) else m
        for m in await load.variant_stock(context, [site.keys for site in sites])
    ]


async def _profile(context: RequestContext, sites: Sequence[SiteInput]) -> list[Any]:
    # The segments are a second CRM read: made only when the answer shows them.
    segments = any("segments" in site.selected for site in sites)
    return [
        CustomerProfile.from_model(m) if _is_model(m) else m
        for m in await load.customer_profile(context, [site.keys for site in sites], segments=segments)
    ]


async def _conversations(context: RequestContext, sites: Sequence[SiteInput]) -> list[Any]:
    loaded = await load.customer_conversations(context, [site.keys for site in sites])
    pages: list[Any] = []
    for site, listed in zip(sites, loaded, strict=True):
        if isinstance(listed, BaseException):
            pages.append(listed)
            continue
        try:
            pages.append(conversations.ConversationConnection.page(listed, dict(site.arguments)))
        except UserInputError as error:
            pages.append(error)
    return pages


async def _fulfilment(context: RequestContext, sites: Sequence[SiteInput]) -> list[Any]:
    return [
        ErpFulfilment.from_model(m) if _is_model(m) else m
        for m in await load.order_fulfilment(context, [site.keys for site in sites])
    ]


async def _invoices(context: RequestContext, sites: Sequence[SiteInput]) -> list[Any]:
    links = context.services.invoice_links
    return [
        ErpInvoice.from_models(m, links) if _is_model(m) else m
        for m in await load.order_invoices(context, [site.keys for site in sites])
    ]


def _keys_only(
    load: Callable[[RequestContext, Sequence[Mapping[str, Any]]], Awaitable[list[Any]]],
) -> SiteLoad:
    async def by_keys(context: RequestContext, sites: Sequence[SiteInput]) -> list[Any]:
        return await load(context, [site.keys for site in sites])

    return by_keys


def _is_model(value: Any) -> bool:
    return value is not None and not isinstance(value, BaseException)


EXTENSIONS = (
    Extension(
        parent="Product",
        field="content",
        type=ProductContent,
        description=(
            "Marketing content from the PIM in the operation's language (`@inContext(language:)`), "
            "falling back to the default locale; null when the PIM has no content for the product."
        ),
        # A variant inherits its product model's content: the first variant's SKU speaks for all.
        requires="variants(first: 1) { nodes { sku } }",
        load=_content,
    ),
    Extension(
        parent="ProductVariant",
        field="stock",
        type=VariantStock,
        description="Live stock per warehouse from the ERP; null when the ERP has no such SKU.",
        requires="sku",
        load=_stock,
    ),
    Extension(
        parent="Customer",
        field="profile",
        type=CustomerProfile,
        description=(
            "What the CRM knows of the customer, found by the e-mail Shopify holds for them; null when "
            "the CRM has no record of that e-mail."
        ),
        requires="email",
        load=_profile,
    ),
    Extension(
        parent="Customer",
        field="conversations",
        type=conversations.ConversationConnection,
        description=(
            "The customer's conversations with the shop's support, found by the e-mail Shopify holds for "
            "them; empty when the chat has never met that e-mail."
        ),
        requires="email",
        load=_conversations,
        arguments=conversations.ARGUMENTS,
    ),
    # The order's name is the only key, and it is read from Shopify's answer: Shopify returns an
    # order only to the customer it belongs to, so a client never names the order the ERP is asked of.
    Extension(
        parent="Order",
        field="fulfilment",
        type=ErpFulfilment,
        description=(
            "How the ERP is fulfilling the order: its sale order and the shipments made for it, with "
            "carriers and tracking; null when the ERP holds no sale order for the order."
        ),
        requires="name",
        load=_fulfilment,
    ),
    Extension(
        parent="Order",
        field="invoices",
        type=ErpInvoice,
        many=True,
        description=(
            "The customer invoices the ERP issued for the order, oldest first; null when the ERP "
            "holds no sale order for the order."
        ),
        requires="name",
        load=_invoices,
    ),
)

STOCK_OVERRIDES = (
    Override("ProductVariant", "availableForSale", "sku", _keys_only(load.variant_available)),
    Override("ProductVariant", "quantityAvailable", "sku", _keys_only(load.variant_quantity)),
    # Every variant's SKU: a product is for sale when one of its variants is.
    Override(
        "Product",
        "availableForSale",
        "variants(first: 250) { nodes { sku } }",
        _keys_only(load.product_available),
    ),
)
"""Where the ERP is the system of record for stock (`catalog.stock_source: erp`)."""

ACCOUNT_EMAIL = "emailAddress { emailAddress }"
"""The customer's e-mail in the Customer Account API's terms (the Storefront API's `email`)."""


def _keyed(extension: Extension, requires: str) -> Extension:
    return replace(extension, requires=requires)


_STOREFRONT = {(e.parent, e.field): e for e in EXTENSIONS}

ACCOUNT_EXTENSIONS: tuple[Extension, ...] = (
    _keyed(_STOREFRONT["Customer", "profile"], ACCOUNT_EMAIL),
    _keyed(_STOREFRONT["Customer", "conversations"], ACCOUNT_EMAIL),
    # The order's name, as on the Storefront API: the account API returns the signed-in customer's
    # orders only, so the ERP is never asked of an order the client named.
    _STOREFRONT["Order", "fulfilment"],
    _STOREFRONT["Order", "invoices"],
)
"""The Customer Account API's: the customer and order fields, keyed by that API's names."""

__all__ = [
    "ACCOUNT_EMAIL",
    "ACCOUNT_EXTENSIONS",
    "EXTENSIONS",
    "STOCK_OVERRIDES",
    "Extension",
    "Override",
    "SiteInput",
    "SiteLoad",
]
