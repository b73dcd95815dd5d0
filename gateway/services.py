"""The gateway's long-lived parts, built from the config: backend connectors, the cache, the executor.

`open_services(config, responses)` is used by the app's lifespan: it opens one HTTP session per
backend, the source cache, the key maps and the invalidation channel (which drops entries of the
app's response cache), and closes them all in reverse order on shutdown.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace

from pydantic import SecretStr
from redis.asyncio import Redis

from gateway.backends.akeneo.client import AkeneoContent
from gateway.backends.akeneo.events import AkeneoEvents
from gateway.backends.akeneo.token import AkeneoToken
from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendError
from gateway.backends.http.settings import BackendSettings
from gateway.backends.hubspot.client import HubSpotCrm
from gateway.backends.hubspot.events import HubSpotEvents
from gateway.backends.intercom.client import IntercomChat
from gateway.backends.intercom.events import IntercomEvents
from gateway.backends.key_maps import KeyMap, MemoryKeyMap, RedisKeyMap
from gateway.backends.odoo.client import OdooStock
from gateway.backends.odoo.events import OdooEvents
from gateway.backends.odoo.orders import OdooOrders
from gateway.backends.roles import (
    ContentSource,
    ConversationSource,
    OrderRecordsSource,
    ProfileSource,
    StockSource,
)
from gateway.backends.shopify.account_sign_in import CustomerAccountSignIn
from gateway.backends.shopify.customer_account import CustomerAccountForwarder
from gateway.backends.shopify.events import ShopifyEvents
from gateway.backends.shopify.forwarding import StorefrontForwarder
from gateway.cache import CachePolicy, DataClass, SourceCache
from gateway.cache.stores import memory_store, redis_store
from gateway.config import BackendSection, GatewayConfig, ShopifySection
from gateway.graphql.response_cache import ResponseCache
from gateway.health import BackendCheck
from gateway.invoice_links import InvoiceLinks
from gateway.models.content import reading_scopes
from gateway.models.profile import PROFILE_SCOPES
from gateway.webhooks.broadcast import (
    Invalidations,
    LocalInvalidations,
    RedisInvalidations,
    forget_responses,
)
from gateway.webhooks.dedupe import REDIS_TIMEOUT_S, MemorySeenEvents, RedisSeenEvents, SeenEvents
from gateway.webhooks.delivery import WebhookSource
from gateway.webhooks.sqlite_seen import SEEN_FILE, SqliteSeenEvents
from resolvers.context import CatalogSettings


def backend_settings(name: str, section: BackendSection) -> BackendSettings:
    return BackendSettings(
        name=name,
        url=section.url,
        connect_timeout_s=section.connect_timeout_s,
        timeout_s=section.timeout_s,
        retries=section.retries,
        retry_backoff_s=section.retry_backoff_s,
        retry_max_backoff_s=section.retry_max_backoff_s,
        pool_size=section.pool_size,
        breaker_failures=section.breaker_failures,
        breaker_reset_s=section.breaker_reset_s,
        max_concurrency=section.max_concurrency,
        max_response_bytes=section.max_response_bytes,
    )


def account_backend_settings(shopify: ShopifySection) -> BackendSettings:
    """The Customer Account API's connection: Shopify's settings, at the account API's URL."""
    return replace(backend_settings("shopify", shopify), url=shopify.account_url)


def source_cache(config: GatewayConfig) -> SourceCache:
    cache = config.cache
    store = (
        redis_store(cache.redis_url, cache.namespace)
        if cache.backend == "redis"
        else memory_store(cache.namespace)
    )
    ttl = cache.ttl
    policies = {
        DataClass.CONTENT: CachePolicy(ttl.content, cache.max_stale_s),
        DataClass.CATALOG: CachePolicy(ttl.catalog, cache.max_stale_s),
        DataClass.PRICES: CachePolicy(ttl.prices, cache.max_stale_s),
        DataClass.STOCK: CachePolicy(ttl.stock, cache.max_stale_s),
        DataClass.PROFILE: CachePolicy(ttl.profile, cache.max_stale_s),
        DataClass.CONVERSATIONS: CachePolicy(ttl.conversations, cache.max_stale_s),
        DataClass.ORDERS: CachePolicy(ttl.orders, cache.max_stale_s),
    }
    return SourceCache(
        store,
        policies,
        is_backend_error=lambda exc: isinstance(exc, BackendError),
        # Content is cached per locale (`resolvers.loaders.content_by_sku`): a PIM change drops all.
        scopes={
            DataClass.CONTENT: reading_scopes(content_locales(config)),
            DataClass.PROFILE: PROFILE_SCOPES,
        },
    )


def content_locales(config: GatewayConfig) -> list[str]:
    """The PIM locales the gateway reads content in: one per storefront language."""
    return list(dict.fromkeys(config.catalog.languages.values()))


def webhook_sources(
    config: GatewayConfig,
    *,
    catalog_secret: SecretStr | None,
    content: AkeneoContent | None,
    stock: OdooStock | None,
    crm: HubSpotCrm | None = None,
    chat: IntercomChat | None = None,
) -> dict[str, WebhookSource]:
    """A source per vendor whose deliveries can be verified: no secret, no webhooks."""
    backends = config.backends
    sources: dict[str, WebhookSource] = {}
    if catalog_secret is not None:
        sources["shopify"] = ShopifyEvents(
            catalog_secret.get_secret_value(), max_age_s=backends.shopify.webhook_max_age_s
        )
    if stock is not None and backends.odoo is not None and backends.odoo.webhook_token is not None:
        sources["odoo"] = OdooEvents(stock, backends.odoo.webhook_token.get_secret_value())
    if content is not None and backends.akeneo is not None and backends.akeneo.event_secret is not None:
        sources["akeneo"] = AkeneoEvents(
            content,
            [backends.akeneo.event_secret.get_secret_value()],
            max_age_s=backends.akeneo.event_max_age_s,
        )
    if backends.hubspot is not None and backends.hubspot.client_secret is not None:
        sources["hubspot"] = HubSpotEvents(backends.hubspot.client_secret.get_secret_value(), crm)
    if backends.intercom is not None and backends.intercom.client_secret is not None:
        sources["intercom"] = IntercomEvents(
            backends.intercom.client_secret.get_secret_value(),
            max_age_s=backends.intercom.webhook_max_age_s,
            chat=chat,
        )
    return sources


@dataclass(frozen=True, slots=True)
class Services:
    """The connectors, cache and settings every request shares (what `resolvers.context.Sources` reads)."""

    content: ContentSource | None
    stock: StockSource | None
    crm: ProfileSource | None
    chat: ConversationSource | None
    orders: OrderRecordsSource | None
    cache: SourceCache
    settings: CatalogSettings
    invoice_links: InvoiceLinks


@dataclass(slots=True)
class Runtime:
    """What the app holds while it runs."""

    services: Services
    clients: dict[str, BackendClient]
    forwarder: StorefrontForwarder
    """Sends planned operations to the Storefront API (the forwarding path)."""
    account: CustomerAccountForwarder
    """Sends planned operations to the Customer Account API, with each customer's own token."""
    sign_in: CustomerAccountSignIn
    """Passes the customer sign-in (discovery, OAuth, logout) on to Shopify."""
    checks: dict[str, BackendCheck] = field(default_factory=dict)
    """Backend name to its connector's `check()` and live breaker (readiness)."""
    webhooks: dict[str, WebhookSource] = field(default_factory=dict)
    """Vendors whose webhooks are accepted (those with a signing secret configured)."""
    seen: SeenEvents = field(default_factory=MemorySeenEvents)
    invalidations: Invalidations = field(default_factory=lambda: LocalInvalidations(lambda changes: None))
    """Where the webhook endpoint sends the changes it applied, for every process to act on."""


@contextlib.asynccontextmanager
async def open_services(
    config: GatewayConfig, responses: ResponseCache | None = None
) -> AsyncIterator[Runtime]:
    backends = config.backends
    async with contextlib.AsyncExitStack() as stack:
        shared = config.cache.backend == "redis"
        key_map_redis: Redis | None = None
        if shared:
            key_map_redis = Redis.from_url(
                config.cache.redis_url,
                socket_timeout=REDIS_TIMEOUT_S,
                socket_connect_timeout=REDIS_TIMEOUT_S,
            )
            stack.push_async_callback(key_map_redis.aclose)

        def key_map(kind: str) -> KeyMap:
            """Shared by every replica with Redis, so any of them resolves a webhook's names."""
            if key_map_redis is None:
                return MemoryKeyMap()
            return RedisKeyMap(key_map_redis, config.cache.namespace, kind)

        clients: dict[str, BackendClient] = {}

        async def client(name: str, section: BackendSection) -> BackendClient:
            opened = await stack.enter_async_context(BackendClient(backend_settings(name, section)))
            clients[name] = opened
            return opened

        shopify = backends.shopify
        shopify_client = await client("shopify", shopify)
        token = shopify.storefront_token.get_secret_value()
        forwarder = StorefrontForwarder(
            shopify_client, token=token, api_version=shopify.storefront_api_version
        )
        # The account API shares Shopify's session, breaker and counters where it is on the same
        # host (the sandbox); a host of its own gets a session of its own.
        account_client = shopify_client
        if shopify.account_url != shopify.url:
            account_client = await stack.enter_async_context(BackendClient(account_backend_settings(shopify)))
            clients["shopify-account"] = account_client
        account = CustomerAccountForwarder(account_client, api_version=shopify.account_api_version)
        sign_in = CustomerAccountSignIn(account_client)
        # Shopify is the one backend an answer cannot do without: readiness waits on it alone.
        checks = {"shopify": BackendCheck(forwarder.check, shopify_client.breaker, required=True)}

        content = None
        if backends.akeneo is not None:
            akeneo = backends.akeneo
            akeneo_client = await client("akeneo", akeneo)
            akeneo_token = AkeneoToken(
                akeneo_client,
                client_id=akeneo.client_id,
                client_secret=akeneo.client_secret.get_secret_value(),
                username=akeneo.username,
                password=akeneo.password.get_secret_value(),
            )
            content = AkeneoContent(
                akeneo_client,
                akeneo_token,
                scope=akeneo.scope,
                locales=content_locales(config),
                max_media_bytes=akeneo.max_media_bytes,
                sku_by_uuid=key_map("akeneo-uuid"),
                skus_by_model=key_map("akeneo-model"),
            )
            checks["akeneo"] = BackendCheck(content.check, akeneo_client.breaker)

        stock = None
        orders = None
        if backends.odoo is not None:
            odoo = backends.odoo
            odoo_client = await client("odoo", odoo)
            stock = OdooStock(
                odoo_client,
                database=odoo.database,
                api_key=odoo.api_key.get_secret_value(),
                skus_by_product=key_map("odoo-product"),
            )
            # The same client: one session, deadline budget and breaker for everything asked of Odoo.
            orders = OdooOrders(odoo_client, database=odoo.database, api_key=odoo.api_key.get_secret_value())
            checks["odoo"] = BackendCheck(stock.check, odoo_client.breaker)

        crm = None
        if backends.hubspot is not None:
            hubspot_client = await client("hubspot", backends.hubspot)
            crm = HubSpotCrm(
                hubspot_client,
                token=backends.hubspot.token.get_secret_value(),
                emails_by_contact=key_map("hubspot-contact"),
            )
            checks["hubspot"] = BackendCheck(crm.check, hubspot_client.breaker)
        chat = None
        if backends.intercom is not None:
            intercom_client = await client("intercom", backends.intercom)
            chat = IntercomChat(
                intercom_client,
                token=backends.intercom.token.get_secret_value(),
                emails_by_contact=key_map("intercom-contact"),
            )
            checks["intercom"] = BackendCheck(chat.check, intercom_client.breaker)

        cache = source_cache(config)
        stack.push_async_callback(cache.close)
        webhooks = webhook_sources(
            config,
            catalog_secret=backends.shopify.webhook_secret,
            content=content,
            stock=stock,
            crm=crm,
            chat=chat,
        )
        seen: SeenEvents = MemorySeenEvents()
        if shared:
            redis_seen = RedisSeenEvents.from_url(config.cache.redis_url, config.cache.namespace)
            stack.push_async_callback(redis_seen.close)
            seen = redis_seen
        elif config.webhooks.dedupe == "sqlite":
            sqlite_seen = await SqliteSeenEvents.open(config.server.state_dir / SEEN_FILE)
            stack.push_async_callback(sqlite_seen.close)
            seen = sqlite_seen
        forget = forget_responses(responses)
        invalidations: Invalidations = LocalInvalidations(forget)
        if shared:
            channel = RedisInvalidations.from_url(
                config.cache.redis_url,
                config.cache.namespace,
                forget,
                responses.clear if responses is not None else lambda: None,
            )
            stack.push_async_callback(channel.close)
            await channel.start()
            invalidations = channel
        catalog_config = config.catalog
        services = Services(
            content=content,
            stock=stock,
            crm=crm,
            chat=chat,
            orders=orders,
            cache=cache,
            settings=CatalogSettings(
                stock_from_erp=catalog_config.stock_source == "erp",
                low_stock_threshold=catalog_config.low_stock_threshold,
                default_locale=catalog_config.default_locale,
                languages=dict(catalog_config.languages),
            ),
            invoice_links=InvoiceLinks.from_secret(
                secret.get_secret_value() if (secret := config.server.signing_secret) else None,
                ttl_s=config.server.download_link_ttl_s,
            ),
        )
        yield Runtime(
            services=services,
            clients=clients,
            forwarder=forwarder,
            account=account,
            sign_in=sign_in,
            checks=checks,
            webhooks=webhooks,
            seen=seen,
            invalidations=invalidations,
        )


__all__ = [
    "Runtime",
    "Services",
    "account_backend_settings",
    "backend_settings",
    "open_services",
    "source_cache",
]
