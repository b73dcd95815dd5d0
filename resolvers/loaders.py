"""Per-request DataLoaders over the source cache: one backend call per backend per query level.

Every loader batches the keys its resolvers ask for in one event-loop turn, serves what the source
cache holds, and fetches the rest in one call to its backend (the connector chunks above a vendor's
batch cap). A value served stale because its backend failed is reported on the request context; a
backend failure without a stale value fails only the keys it concerns, with the backend's error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader

from gateway.cache import DataClass, Fresh, Stale
from gateway.models.content import ProductContent, Reading
from gateway.models.conversations import CustomerConversations
from gateway.models.orders import Fulfilment, OrderInvoices
from gateway.models.profile import PROFILE_SCOPES, CustomerProfile
from gateway.models.stock import VariantStock

from .context import RequestContext, StaleNotice

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _loader(
    context: RequestContext,
    name: str,
    data_class: DataClass,
    service: str,
    fetch: Callable[[list[K]], Awaitable[Mapping[K, V]]],
    *,
    scope: str = "",
    by_sku: bool = False,
) -> DataLoader[K, V | None]:
    """`by_sku`: the keys are SKUs, which webhooks name: recorded so that a change drops the response."""
    existing = context.loaders.get(name)
    if existing is not None:
        return cast("DataLoader[K, V | None]", existing)

    async def load(keys: list[K]) -> list[V | BaseException | None]:
        context.data_classes.add(data_class.value)
        if by_sku:
            context.loaded.update((data_class.value, str(key)) for key in keys)
        outcomes = await context.services.cache.load_many(data_class, keys, fetch, scope=scope)
        values: list[V | BaseException | None] = []
        for outcome in outcomes:
            if isinstance(outcome, Fresh):
                values.append(outcome.value)
            elif isinstance(outcome, Stale):
                context.stale.append(StaleNotice(service, data_class.value, round(outcome.age_s, 1)))
                values.append(outcome.value)
            else:
                values.append(outcome.error)
        return values

    loader: DataLoader[K, V | None] = DataLoader(load_fn=load)
    context.loaders[name] = loader
    return loader


def content_by_sku(
    context: RequestContext, *, texts: tuple[str, ...] | None = None
) -> DataLoader[str, ProductContent | None] | None:
    """None when no PIM is configured: content fields are then null, without an error.

    Content is read and cached in the request's locale only, and with `texts` (one of
    `TEXT_READINGS`) those texts alone, without attributes or media (a scope per locale and
    reading, all dropped together by a PIM change): reading and mapping every locale and every
    attribute of a page of 50 was most of its CPU.
    """
    content = context.services.content
    if content is None:
        return None
    reading = Reading(context.locale, context.services.settings.default_locale, texts)

    async def fetch(skus: list[str]) -> Mapping[str, ProductContent]:
        return await content.content_by_skus(skus, reading=reading)

    return _loader(
        context,
        f"content_by_sku:{reading.scope}",
        DataClass.CONTENT,
        content.service,
        fetch,
        scope=reading.scope,
        by_sku=True,
    )


def stock_by_sku(context: RequestContext) -> DataLoader[str, VariantStock | None] | None:
    """None when no ERP is configured."""
    stock = context.services.stock
    if stock is None:
        return None
    return _loader(context, "stock_by_sku", DataClass.STOCK, stock.service, stock.stock_by_skus, by_sku=True)


def profile_by_email(
    context: RequestContext, *, segments: bool = True
) -> DataLoader[str, CustomerProfile | None] | None:
    """None when no CRM is configured. Keyed by the email Shopify returned for the customer, which
    is only ever the customer the request's token belongs to: the CRM's data follows Shopify's word.
    `segments`: whether the answer shows them (a profile without is cached apart)."""
    crm = context.services.crm
    if crm is None:
        return None
    scope = PROFILE_SCOPES[0] if segments else PROFILE_SCOPES[1]

    async def fetch(emails: list[str]) -> Mapping[str, CustomerProfile]:
        return await crm.profiles_by_emails(emails, segments=segments)

    return _loader(context, f"profile_by_email:{scope}", DataClass.PROFILE, crm.service, fetch, scope=scope)


def conversations_by_email(context: RequestContext) -> DataLoader[str, CustomerConversations | None] | None:
    """None when no chat is configured. Keyed, like the profile, by the e-mail Shopify returned."""
    chat = context.services.chat
    if chat is None:
        return None
    return _loader(
        context, "conversations_by_email", DataClass.CONVERSATIONS, chat.service, chat.conversations_by_emails
    )


def fulfilment_by_order_name(context: RequestContext) -> DataLoader[str, Fulfilment | None] | None:
    """None when no ERP is configured; a name the ERP has no sale order for loads None."""
    orders = context.services.orders
    if orders is None:
        return None
    return _loader(
        context,
        "fulfilment_by_order_name",
        DataClass.ORDERS,
        orders.service,
        orders.fulfilment_by_order_names,
        scope="fulfilment",
    )


def invoices_by_order_name(context: RequestContext) -> DataLoader[str, OrderInvoices | None] | None:
    """None when no ERP is configured; a name the ERP has no sale order for loads None."""
    orders = context.services.orders
    if orders is None:
        return None
    return _loader(
        context,
        "invoices_by_order_name",
        DataClass.ORDERS,
        orders.service,
        orders.invoices_by_order_names,
        scope="invoices",
    )


async def load_all(loader: DataLoader[K, V], keys: Sequence[K]) -> list[V | BaseException]:
    """Like `load_many`, but one failed key does not fail the others."""
    futures = [loader.load(key) for key in keys]
    results: list[Any] = []
    for future in futures:
        try:
            results.append(await future)
        except Exception as exc:  # each key keeps its own outcome
            results.append(exc)
    return results


__all__ = [
    "content_by_sku",
    "conversations_by_email",
    "fulfilment_by_order_name",
    "invoices_by_order_name",
    "load_all",
    "profile_by_email",
    "stock_by_sku",
]
