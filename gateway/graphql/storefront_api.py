"""`/api/{version}/graphql.json`: the Storefront API's own path, served by forwarding over the composed schema.

Shopify's clients (`@shopify/storefront-api-client`, Hydrogen's `createStorefrontClient`) build
this path from a store domain and an API version, so pointing them at the gateway is a change of
domain only. The composed schema is read from `server.schema_file` or composed from the Storefront
API when the gateway starts; until one is at hand (Shopify unreachable at start), requests get a
503 and the composition is tried again, at most every few seconds.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from graphql import GraphQLSchema

from gateway.models.caller import ANONYMOUS, Caller

from .documents import DocumentCache, Limits
from .errors import request_error
from .forwarding import ForwardingExecutor
from .outcome import Outcome

log = logging.getLogger("gateway.graphql")

RETRY_EVERY_S = 5.0
"""The least time between two attempts at composing while Shopify cannot be reached."""

Build = Callable[[GraphQLSchema, DocumentCache], ForwardingExecutor]


class ComposedExecutor:
    """The forwarding executor, built once the composed schema is known; `api` names the Shopify API
    (Storefront, Customer Account) in its 503s and logs."""

    def __init__(
        self,
        compose: Callable[[], Awaitable[GraphQLSchema]],
        limits: Limits,
        build: Build,
        *,
        api: str = "Storefront",
    ) -> None:
        self._compose = compose
        self._api = api
        self._limits = limits
        self._build = build
        self._executor: ForwardingExecutor | None = None
        self._lock = asyncio.Lock()
        self._tried_at = float("-inf")

    async def start(self) -> None:
        """Compose now, so the first request does not wait; a failure is retried on demand."""
        await self._ensure()

    async def _ensure(self) -> ForwardingExecutor | None:
        if self._executor is not None:
            return self._executor
        async with self._lock:
            if self._executor is None and time.monotonic() - self._tried_at >= RETRY_EVERY_S:
                self._tried_at = time.monotonic()
                try:
                    schema = await self._compose()
                except Exception as exc:  # Shopify unreachable, a bad file: serve 503s, try again later
                    log.warning("the %s schema could not be composed: %s", self._api, exc)
                else:
                    self._executor = self._build(schema, DocumentCache(schema, self._limits))
        return self._executor

    async def run(
        self,
        query: str,
        variables: Mapping[str, Any] | None,
        operation_name: str | None,
        *,
        allow_mutations: bool = True,
        caller: Caller = ANONYMOUS,
    ) -> Outcome:
        executor = await self._ensure()
        if executor is None:
            message = f"The {self._api} schema is not composed yet: Shopify could not be reached."
            return Outcome({"errors": [request_error(message, "SERVICE_UNAVAILABLE")]}, unavailable=True)
        return await executor.run(
            query, variables, operation_name, allow_mutations=allow_mutations, caller=caller
        )


__all__ = ["ComposedExecutor"]
