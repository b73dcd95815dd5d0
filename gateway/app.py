"""The Starlette app: GraphQL (Storefront and Customer Account APIs), customer sign-in, health,
media, invoice PDFs, and the lifespan that opens the backends.

```python
app = build_app(load_config("gateway.yaml"))
```
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import OperationDefinitionNode
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from resolvers.context import RequestContext
from resolvers.in_context import read_in_context
from schema import STRAWBERRY_CONFIG
from schema.extensions import ACCOUNT_EXTENSIONS, EXTENSIONS, STOCK_OVERRIDES

from .backends.shopify.introspection import customer_account_path
from .clients.gate import PRIVATE_KEY_HEADER, PUBLIC_KEY_HEADER, ClientGate
from .clients.rate_limits import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from .compose import composed_account_schema, served_schema
from .config import GatewayConfig
from .customer_account_sign_in import DISCOVERY_PATHS, SIGN_IN_PATH, sign_in_endpoint
from .graphql.documents import Limits
from .graphql.forwarding import ForwardingExecutor
from .graphql.http import GraphQLEndpoint
from .graphql.owned_execution import OwnedExecutor
from .graphql.response_cache import ResponseCache
from .graphql.storefront_api import ComposedExecutor
from .health import Readiness, healthz, readyz_endpoint
from .invoice_download import INVOICE_PATH, invoice_endpoint
from .media import MEDIA_PATH, media_endpoint
from .models.caller import Caller
from .services import Runtime, open_services
from .webhooks.endpoint import webhook_endpoint

log = logging.getLogger("gateway")

WEBHOOK_MAX_BYTES = 1_000_000
"""Vendors' webhook bodies are small (HubSpot batches 100 events); anything larger is not theirs."""


@dataclass(slots=True)
class AppState:
    """What exists only while the app runs (between lifespan start and end)."""

    runtime: Runtime | None = None
    readiness: Readiness | None = None
    closing: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    """What the app opened for itself (the rate limiter's Redis), closed when it stops."""

    @property
    def running(self) -> Runtime:
        if self.runtime is None:
            raise RuntimeError("the gateway is not started")
        return self.runtime

    @property
    def services(self) -> Any:
        return self.running.services


def response_extensions(context: RequestContext) -> dict[str, Any] | None:
    """What the response tells about degraded data: stale values and covered-for backends."""
    extensions: dict[str, Any] = {}
    if context.stale:
        seen = {(n.service, n.data_class): n.age_s for n in context.stale}
        extensions["stale"] = [
            {"service": service, "dataClass": data_class, "ageSeconds": age}
            for (service, data_class), age in sorted(seen.items())
        ]
    if context.fallbacks:
        extensions["fallbacks"] = sorted(context.fallbacks)
    return extensions or None


CORS_HEADERS = [
    "content-type",
    "accept",
    "authorization",
    "x-request-id",
    PUBLIC_KEY_HEADER,
    PRIVATE_KEY_HEADER,
    # What Shopify's JS clients add to every request.
    "x-sdk-variant",
    "x-sdk-version",
    "x-sdk-variant-source",
]


def rate_limiter(config: GatewayConfig) -> RateLimiter:
    """Shared through Redis when the cache is (replicas then count one limit), else per process."""
    if config.cache.backend == "redis":
        return RedisRateLimiter.from_url(config.cache.redis_url, config.cache.namespace)
    return MemoryRateLimiter()


def cors_middleware(gate: ClientGate) -> list[Middleware]:
    """CORS for every origin some client may call from; the gate then refuses a key used from an
    origin its client does not list, so one widget's key does not open the gateway to every site."""
    origins, anywhere = gate.origins()
    if not origins and not anywhere:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=["*"] if anywhere else sorted(origins),
            allow_methods=["GET", "POST"],
            allow_headers=CORS_HEADERS,
            max_age=600,
        )
    ]


def build_app(config: GatewayConfig, *, sample_query: str | None = None) -> Starlette:
    """The gateway's ASGI app; GraphiQL, when the config turns it on, opens on `sample_query`."""
    state = AppState()
    limits = config.limits
    document_limits = Limits(
        max_tokens=limits.max_tokens,
        max_depth=limits.max_depth,
        max_aliases=limits.max_aliases,
        introspection=config.server.introspection,
        cache_bytes=limits.document_cache_bytes,
        max_cost=limits.max_cost,
        request_budget_s=limits.request_budget_s,
    )

    def make_context(
        operation: OperationDefinitionNode, variables: Mapping[str, Any] | None, caller: Caller
    ) -> RequestContext:
        return RequestContext(
            services=state.services, in_context=read_in_context(operation, variables), caller=caller
        )

    responses = ResponseCache(config.cache.response_entries) if config.cache.responses else None
    owned = OwnedExecutor(EXTENSIONS, STRAWBERRY_CONFIG)
    owned_account = OwnedExecutor(ACCOUNT_EXTENSIONS, STRAWBERRY_CONFIG)
    storefront = ComposedExecutor(
        lambda: served_schema(config, state.running.forwarder.client),
        document_limits,
        lambda composed, cache: ForwardingExecutor(
            composed,
            cache,
            EXTENSIONS,
            STOCK_OVERRIDES if config.catalog.stock_source == "erp" else (),
            owned,
            lambda: state.running.forwarder,
            make_context,
            response_extensions,
        ),
    )

    # The Customer Account API: every answer is one customer's, so nothing of it is ever cached (no
    # response cache, no shared Shopify part), and stock stays Shopify's (no catalog on it).
    account = ComposedExecutor(
        lambda: composed_account_schema(config, state.running.account.client),
        document_limits,
        lambda composed, cache: ForwardingExecutor(
            composed,
            cache,
            ACCOUNT_EXTENSIONS,
            (),
            owned_account,
            lambda: state.running.account,
            make_context,
            response_extensions,
            private=True,
        ),
        api="Customer Account API",
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_services(config, responses) as runtime:
            readiness = Readiness(runtime.checks)
            state.runtime, state.readiness = runtime, readiness
            readiness.start()
            # Both composed before the first request, so none waits on Shopify's introspection.
            await asyncio.gather(storefront.start(), account.start())
            try:
                yield
            finally:
                await readiness.stop()
                for close in state.closing:
                    await close()
                state.runtime = state.readiness = None

    limiter = rate_limiter(config)
    state.closing.append(limiter.close)
    gate = ClientGate(config.clients, limiter, cors_origins=config.server.cors_origins)
    # On the Customer Account API `Authorization` is the customer's token: the client's key travels
    # in the Storefront headers only.
    account_gate = ClientGate(
        config.clients, limiter, cors_origins=config.server.cors_origins, bearer_keys=False
    )
    graphql = GraphQLEndpoint(
        storefront,
        graphiql=config.server.graphiql,
        responses=responses,
        sample_query=sample_query,
        admit=gate.admit,
    )
    account_graphql = GraphQLEndpoint(
        account, graphiql=False, admit=account_gate.admit, passes_authorization=True
    )
    shopify = config.backends.shopify
    account_path = customer_account_path(shopify.account_api_version)
    sign_in = sign_in_endpoint(
        lambda: state.running.sign_in, upstream=shopify.account_url, graphql_path=account_path
    )
    routes = [
        Route("/graphql", graphql.handle, methods=["GET", "POST"], max_body_size=limits.max_body_bytes),
        Route(
            # Shopify's own path, as its clients build it: the same API, so they need only a new domain.
            f"/api/{config.backends.shopify.storefront_api_version}/graphql.json",
            graphql.handle,
            methods=["GET", "POST"],
            max_body_size=limits.max_body_bytes,
        ),
        # Shopify's own path for the Customer Account API: the customer's token passes through.
        Route(account_path, account_graphql.handle, methods=["POST"], max_body_size=limits.max_body_bytes),
        *(Route(path, sign_in, methods=["GET"]) for path in DISCOVERY_PATHS),
        Route(SIGN_IN_PATH, sign_in, methods=["GET", "POST"], max_body_size=limits.max_body_bytes),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz_endpoint(lambda: state.readiness), methods=["GET"]),
        Route(MEDIA_PATH, media_endpoint(lambda: state.services), methods=["GET"]),
        Route(INVOICE_PATH, invoice_endpoint(lambda: state.services), methods=["GET"]),
        Route(
            "/webhooks/{vendor}",
            webhook_endpoint(
                lambda: state.running.webhooks,
                lambda: state.running.seen,
                lambda: state.running.services.cache,
                lambda: state.running.invalidations,
            ),
            methods=["POST"],
            max_body_size=WEBHOOK_MAX_BYTES,
        ),
    ]
    app = Starlette(routes=routes, middleware=cors_middleware(gate), lifespan=lifespan)
    app.state.gateway = state
    return app


__all__ = ["AppState", "build_app", "response_extensions"]
