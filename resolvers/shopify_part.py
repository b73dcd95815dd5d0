"""Shopify's answer to an operation's upstream document, shared through the source cache when public.

A storefront's pages are a few documents with a few sets of variables, asked again and again; the
same upstream document and variables get the same answer from Shopify for every public caller.
Such answers are kept in the catalog data class (its TTL, its stale-on-error window), keyed by the
document, the variables and the API version, so a second page view costs no Storefront call, and a
Shopify outage serves the last answer, marked stale, instead of an error. An answer for one buyer
(a cart, a customer, `@inContext(buyer:)`, any mutation) always goes to Shopify and is never kept;
neither is an answer that carries errors (a throttle, a bad id), which is passed on as it came.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson

from gateway.cache import DataClass, Fresh, Stale

from .context import RequestContext, StaleNotice

Send = Callable[[], Awaitable[dict[str, Any]]]


def part_key(api_version: str, document: str, variables: Mapping[str, Any]) -> str:
    digest = hashlib.blake2b(document.encode(), digest_size=16)
    digest.update(b"\0")
    digest.update(orjson.dumps(variables, option=orjson.OPT_SORT_KEYS))
    return f"{api_version}:{digest.hexdigest()}"


def _clean(answer: dict[str, Any] | None) -> bool:
    return isinstance(answer, dict) and not answer.get("errors") and isinstance(answer.get("data"), dict)


async def shopify_part(
    context: RequestContext,
    send: Send,
    *,
    service: str,
    key: str | None,
) -> dict[str, Any]:
    """Shopify's answer: from the cache when `key` is given (a public part) and held, else sent.

    Raises what `send` raises when Shopify fails and no earlier answer may stand in.
    """
    if key is None:
        context.private = True
        return await send()
    context.data_classes.add(DataClass.CATALOG.value)

    async def fetch(keys: list[str]) -> dict[str, dict[str, Any]]:
        return {key: await send()}

    (outcome,) = await context.services.cache.load_many(
        DataClass.CATALOG, [key], fetch, scope="storefront", keep=_clean
    )
    if isinstance(outcome, Fresh) and outcome.value is not None:
        return outcome.value
    if isinstance(outcome, Stale) and outcome.value is not None:
        context.stale.append(StaleNotice(service, DataClass.CATALOG.value, round(outcome.age_s, 1)))
        return outcome.value
    if isinstance(outcome, Stale):
        raise outcome.error
    if isinstance(outcome, Fresh):  # a cached miss cannot happen (answers are objects): ask again
        return await send()
    raise outcome.error


__all__ = ["part_key", "shopify_part"]
