"""Typed gateway settings: one YAML file plus `COMMERCE_GATEWAY__...` environment overrides.

`load_config(path)` merges the file with the environment (`COMMERCE_GATEWAY__BACKENDS__SHOPIFY__URL=...`
sets `backends.shopify.url`; values are parsed as YAML scalars so numbers and booleans work) and
validates the result. Every section rejects unknown keys, and `ConfigError` names each bad key, so a
typo fails the start instead of silently using a default. Secrets are `SecretStr`: they print as
`**********` and can come from a file through `<name>_file` (Docker and Kubernetes secrets).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from gateway.models.scopes import SCOPES
from gateway.webhooks.dedupe import SEEN_TTL_S

ENV_PREFIX = "COMMERCE_GATEWAY__"


class ConfigError(Exception):
    """The configuration cannot be used; `problems` lists `dotted.key: reason` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid configuration:\n  " + "\n  ".join(problems))
        self.problems = problems


class Section(BaseModel):
    """A config section: unknown keys are errors, and `<secret>_file` reads a secret from a file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _secrets_from_files(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        resolved = dict(data)
        for key, value in data.items():
            if not key.endswith("_file"):
                continue
            name = key.removesuffix("_file")
            field = cls.model_fields.get(name)
            if field is None or field.annotation not in (SecretStr, SecretStr | None):
                continue
            try:
                resolved[name] = Path(str(value)).read_text().strip()
            except OSError as exc:
                raise ValueError(f"{key}: cannot read {value}: {exc.strerror}") from exc
            del resolved[key]
        return resolved


class BackendSection(Section):
    """What every backend connection shares: where it is and how patient the gateway is with it."""

    url: str = Field(description="Base URL of the vendor API (or of its sandbox emulator).")
    connect_timeout_s: float = Field(1.0, gt=0, description="Time allowed to get a connection.")
    timeout_s: float = Field(5.0, gt=0, description="Time allowed for a whole call, retries included.")
    retries: int = Field(2, ge=0, le=5, description="Extra attempts for idempotent reads.")
    retry_backoff_s: float = Field(
        0.05, ge=0, description="First backoff step; full jitter spreads retries over it."
    )
    retry_max_backoff_s: float = Field(
        1.0, ge=0, description="Longest wait between attempts, Retry-After included."
    )
    pool_size: int | None = Field(None, ge=1, description="Pooled connections (default: max_concurrency).")
    breaker_failures: int = Field(5, ge=1, description="Consecutive failures that open the circuit breaker.")
    breaker_reset_s: float = Field(10.0, gt=0, description="Seconds the breaker stays open before a probe.")
    max_concurrency: int = Field(32, ge=1, description="Calls in flight to this backend at most.")
    max_response_bytes: int = Field(
        16 * 1024 * 1024,
        ge=1,
        description="Largest successful answer read from this backend, in bytes; a larger one is refused"
        " as a bad response (the backend's fields are null, stale values served) without reading it all.",
    )


class ShopifySection(BackendSection):
    storefront_token: SecretStr
    admin_token: SecretStr | None = None
    webhook_secret: SecretStr | None = None
    webhook_max_age_s: float = Field(
        5 * 3600,
        gt=0,
        le=SEEN_TTL_S,
        description="Deliveries whose X-Shopify-Triggered-At is older are refused as replays. Shopify"
        " retries for about 4 hours with the first attempt's time; at most the 24 h event ids are kept.",
    )
    storefront_api_version: str = "2026-04"
    admin_api_version: str = "2026-07"
    customer_account_api_version: str | None = Field(
        None,
        description="Version of the Customer Account API the gateway composes, forwards to and serves at"
        " /account/customer/api/{version}/graphql; unset: the same as `storefront_api_version`.",
    )
    customer_account_url: str | None = Field(
        None,
        description="Base URL of the Customer Account API, its discovery documents and its sign-in"
        " (/authentication/{shop_id}/...); unset: `url`, as the sandbox serves them all on one port.",
    )

    @property
    def account_api_version(self) -> str:
        """The Customer Account API version in force."""
        return self.customer_account_api_version or self.storefront_api_version

    @property
    def account_url(self) -> str:
        """The Customer Account API's base URL in force."""
        return self.customer_account_url or self.url


class OdooSection(BackendSection):
    database: str
    api_key: SecretStr
    login: str | None = None
    webhook_token: SecretStr | None = Field(
        None,
        description="Odoo's webhooks are unsigned: they are accepted only with ?token=<this> in their URL.",
    )


class HubSpotSection(BackendSection):
    token: SecretStr
    client_secret: SecretStr | None = None
    app_id: str | None = None


class AkeneoSection(BackendSection):
    client_id: str
    client_secret: SecretStr
    username: str
    password: SecretStr
    event_secret: SecretStr | None = None
    event_max_age_s: float = Field(
        3600,
        gt=0,
        le=SEEN_TTL_S,
        description="Events whose CloudEvents time is older are refused as replays. Akeneo retries for"
        " 35 minutes with the same event; at most the 24 h event ids are kept.",
    )
    scope: str = Field("ecommerce", description="Akeneo channel whose scopable values are served.")
    max_concurrency: int = Field(4, ge=1, description="Akeneo allows four concurrent calls per connection.")
    max_media_bytes: int = Field(
        64 * 1024 * 1024,
        ge=1,
        description="Largest media file the gateway proxies from the PIM, in bytes (images and documents"
        " run larger than JSON answers, which `max_response_bytes` caps).",
    )


class IntercomSection(BackendSection):
    token: SecretStr
    client_secret: SecretStr | None = None
    webhook_max_age_s: float = Field(
        3 * 3600,
        gt=0,
        le=SEEN_TTL_S,
        description="Notifications whose created_at is older are refused as replays. Intercom delays"
        " throttled notifications by up to 2 hours; at most the 24 h event ids are kept.",
    )


class BackendsSection(Section):
    shopify: ShopifySection
    odoo: OdooSection | None = None
    hubspot: HubSpotSection | None = None
    akeneo: AkeneoSection | None = None
    intercom: IntercomSection | None = None


class CacheTtlSection(Section):
    """Seconds a value of each data class stays fresh."""

    content: float = Field(
        600, ge=0, description="PIM content changes rarely and is invalidated by webhooks."
    )
    catalog: float = Field(60, ge=0, description="Products, collections and listings from Shopify.")
    prices: float = Field(60, ge=0, description="Prices, cached with the catalog data they come with.")
    stock: float = Field(5, ge=0, description="ERP stock moves all day; a few seconds keeps it honest.")
    profile: float = Field(
        60, ge=0, description="CRM profiles (loyalty, consents): a minute keeps a changed consent current."
    )
    conversations: float = Field(
        10,
        ge=0,
        description="Chat conversations: an agent's reply shows in a conversation list within seconds.",
    )
    orders: float = Field(
        30,
        ge=0,
        description="ERP deliveries and invoices of an order: they change a few times in its life, and a"
        " customer reloading the order page should not reach the ERP each time.",
    )


class CacheSection(Section):
    backend: Literal["memory", "redis"] = "memory"
    redis_url: str = "redis://127.0.0.1:6379/0"
    namespace: str = "commerce-gateway"
    ttl: CacheTtlSection = CacheTtlSection()
    max_stale_s: float = Field(
        300, ge=0, description="How long past its TTL a value may be served when its backend fails."
    )
    responses: bool = Field(
        True, description="Reuse whole responses of public queries while all their sources are fresh."
    )
    response_entries: int = Field(10_000, ge=1, description="Responses kept in each process at most.")


class LimitsSection(Section):
    max_body_bytes: int = Field(1_000_000, ge=1024)
    max_depth: int = Field(15, ge=2)
    max_aliases: int = Field(30, ge=1)
    max_tokens: int = Field(5_000, ge=100)
    document_cache_bytes: int = Field(
        32 * 1024 * 1024,
        ge=1024 * 1024,
        description=(
            "Estimated memory the parsed-document cache of each endpoint holds at most (a document"
            " weighs its text plus about 640 bytes a token); the least recently used go first."
        ),
    )
    request_budget_s: float = Field(
        10.0,
        gt=0,
        description=(
            "Longest a query may take, every backend call included, before the gateway answers"
            " REQUEST_TIMEOUT instead (each backend also has its own `timeout_s`). Mutations are never"
            " cut short: Shopify may already have applied them."
        ),
    )
    max_cost: int = Field(
        5000,
        ge=1,
        description=(
            "Largest requested cost of one operation, counted as Shopify counts it"
            " (gateway/graphql/query_cost.py); a costlier one is refused before Shopify is asked."
            " The default admits a listing of 50 products with 10 variants each and their gateway"
            " fields (about 1,400), and refuses every variant of 250 products (about 126,000)."
        ),
    )


class ServerSection(Section):
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    workers: int = Field(1, ge=1)
    graphiql: bool = Field(False, description="Serve GraphiQL on GET /graphql for browsers.")
    introspection: bool = True
    cors_origins: tuple[str, ...] = ()
    schema_file: Path | None = Field(
        None,
        description=(
            "A schema written by `commerce-gateway compose`, served on /graphql and /api/{version}/graphql.json;"
            " when unset, the gateway composes one from the Storefront API when it starts."
        ),
    )
    gc_freeze: bool = Field(
        True,
        description="Freeze each worker's startup objects out of garbage collection (gateway/gc_tuning.py).",
    )
    http: Literal["h11", "httptools"] = Field(
        "h11",
        description=(
            "uvicorn's HTTP/1.1 parser. h11 holds at most max_request_head_bytes of a request head;"
            " httptools is faster (tens of microseconds a request) but holds a head of any size, so"
            " choose it only behind a proxy that bounds request headers."
        ),
    )
    max_request_head_bytes: int = Field(
        1024 * 1024,
        ge=16 * 1024,
        description=(
            "Bytes of request line and headers h11 buffers at most (checked after each read from the"
            " socket): a larger head is refused (400) and its connection closed. A memory bound per"
            " connection, of the order of limits.max_body_bytes; the policy on headers is"
            " max_header_count and max_header_bytes."
        ),
    )
    max_header_count: int = Field(100, ge=10, description="A request with more headers is refused (431).")
    max_header_bytes: int = Field(
        32 * 1024,
        ge=1024,
        description="A request whose header names and values add up to more bytes is refused (431).",
    )
    body_timeout_s: float = Field(
        10.0,
        gt=0,
        description=(
            "Seconds the next part of a request body may take to arrive; then the request is answered"
            " 408 and its connection closed."
        ),
    )
    keep_alive_s: int = Field(
        5,
        ge=1,
        description=(
            "Seconds an idle connection is kept for its next request. Behind a load balancer, set it"
            " above the balancer's idle timeout, or it reuses connections the gateway is closing (502s)."
        ),
    )
    limit_concurrency: int | None = Field(
        None,
        ge=1,
        description=(
            "Connections and requests in progress per worker at most; beyond them uvicorn answers 503."
            " Unset: no cap."
        ),
    )
    signing_secret: SecretStr | None = Field(
        None,
        min_length=32,
        description=(
            "Key (32 characters or more) that signs the gateway's download links (invoice PDFs); give"
            " every replica the same. Unset: each process draws one at start, so links stop working"
            " when it restarts and fail on other replicas (a warning says so)."
        ),
    )
    download_link_ttl_s: float = Field(
        900,
        gt=0,
        le=86_400,
        description="Seconds a download link works after the query that made it (15 minutes by default).",
    )
    state_dir: Path = Field(
        Path(".commerce-gateway"),
        description=(
            "Directory of the gateway's durable local state (the webhook event ids it applied), created"
            " at start; a relative path is from the working directory. Every worker on the machine"
            " shares it, and it must outlive a restart: in a container, mount a volume there."
        ),
    )


class CatalogSection(Section):
    stock_source: Literal["erp", "shopify"] = Field(
        "erp", description="System of record for availableForSale and quantityAvailable."
    )
    low_stock_threshold: int = Field(
        5, ge=0, description="Available quantity at or under which stock is low."
    )
    default_locale: str = Field("en_US", description="PIM locale used when the request's language has none.")
    languages: dict[str, str] = Field(
        default_factory=lambda: {"EN": "en_US", "FR": "fr_FR", "DE": "de_DE"},
        description="Storefront LanguageCode to PIM locale.",
    )


class WebhooksSection(Section):
    dedupe: Literal["sqlite", "memory"] = Field(
        "sqlite",
        description=(
            "Where a gateway without Redis remembers the event ids it applied, so a vendor's retry is"
            " not applied twice: sqlite, a file in server.state_dir that every worker shares and a"
            " restart keeps; memory, each process's own, forgotten on restart. With cache.backend"
            " redis, Redis holds them for every replica and this key is not used."
        ),
    )


class RateLimitSection(Section):
    """Operations a caller may send per window; one more is answered 429 `THROTTLED` with `Retry-After`."""

    requests: int = Field(ge=1, description="Operations allowed in one window.")
    window_s: float = Field(60, gt=0, description="The window's length, in seconds.")


def _known_scopes(scopes: tuple[str, ...]) -> tuple[str, ...]:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise ValueError(f"unknown scope(s): {', '.join(unknown)}; known: {', '.join(sorted(SCOPES))}")
    return scopes


class ClientSection(Section):
    """One caller of the gateway: a storefront or app, a server, a widget or a staff tool."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Names the client in errors and metrics.")
    kind: Literal["storefront", "server", "widget", "staff"] = Field(
        description=(
            "storefront and widget keys are public (they ship to browsers) and are sent as"
            " X-Shopify-Storefront-Access-Token; server and staff keys are private, sent as"
            " Shopify-Storefront-Private-Token or Authorization: Bearer, and only their requests"
            " may name the buyer's IP."
        )
    )
    key_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="The SHA-256 of the client's key, in hex: the key itself is never stored"
        " (`commerce-gateway client-key` makes a key and its hash).",
    )
    scopes: tuple[str, ...] = Field(description="What the client may read and write (README, Clients).")
    origins: tuple[str, ...] = Field(
        (), description="Browser origins the key may be used from; empty: any (a native app, a server)."
    )
    rate_limit: RateLimitSection | None = Field(None, description="None: no limit of its own.")

    _scopes = field_validator("scopes")(_known_scopes)


class ClientsSection(Section):
    """Who may call the gateway. With no client configured the gateway is open: every caller may do anything."""

    anonymous_scopes: tuple[str, ...] = Field(
        ("catalog:read", "cart:write"),
        description="What a caller without a key may do once clients are configured (Shopify's"
        " tokenless access: the catalog and the cart); empty refuses callers without a key.",
    )
    anonymous_rate_limit: RateLimitSection | None = Field(
        None, description="A limit per IP address for callers without a key."
    )
    clients: tuple[ClientSection, ...] = ()

    _scopes = field_validator("anonymous_scopes")(_known_scopes)

    @model_validator(mode="after")
    def _distinct(self) -> ClientsSection:
        names = [c.name for c in self.clients]
        keys = [c.key_sha256 for c in self.clients]
        if len(set(names)) != len(names):
            raise ValueError("two clients have the same name")
        if len(set(keys)) != len(keys):
            raise ValueError("two clients have the same key")
        return self


class GatewayConfig(Section):
    server: ServerSection = ServerSection()
    backends: BackendsSection
    cache: CacheSection = CacheSection()
    limits: LimitsSection = LimitsSection()
    catalog: CatalogSection = CatalogSection()
    webhooks: WebhooksSection = WebhooksSection()
    clients: ClientsSection = ClientsSection()


def _env_overrides(environ: Mapping[str, str]) -> tuple[dict[str, Any], dict[tuple[str, ...], str]]:
    """The overrides as a nested mapping, and the variable each overridden key came from."""
    overrides: dict[str, Any] = {}
    sources: dict[tuple[str, ...], str] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        path = [part.lower() for part in name.removeprefix(ENV_PREFIX).split("__") if part]
        if not path:
            continue
        sources[tuple(path)] = name
        node = overrides
        for part in path[:-1]:
            node = node.setdefault(part, {})
        try:
            node[path[-1]] = yaml.safe_load(raw) if raw else raw
        except yaml.YAMLError:
            node[path[-1]] = raw
    return overrides, sources


def _variable_of(loc: tuple[str, ...], sources: Mapping[tuple[str, ...], str]) -> str | None:
    """The environment variable that set the key at `loc` or one of its parents, if any did."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in sources:
            return sources[loc[:end]]
    return None


def _merge(base: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def parse_config(data: Any, environ: Mapping[str, str] | None = None) -> GatewayConfig:
    """Validate a config mapping (with environment overrides); raises `ConfigError`."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(["(top level): expected a mapping of sections"])
    overrides, sources = _env_overrides(os.environ if environ is None else environ)
    data = _merge(data, overrides)
    try:
        return GatewayConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False, include_input=False):
            loc = tuple(str(part) for part in error["loc"])
            key = ".".join(loc) or "(top level)"
            variable = _variable_of(loc, sources)
            # A typo in a variable's name is not the file's fault: name the variable that set the key.
            where = f"{key} (set by the environment variable {variable})" if variable else key
            problems.append(f"{where}: {error['msg']}")
        raise ConfigError(problems) from None


def load_config(path: str | Path, environ: Mapping[str, str] | None = None) -> GatewayConfig:
    """Read, merge and validate a YAML config file; raises `ConfigError` naming each bad key."""
    try:
        text = Path(path).read_text()
    except OSError as exc:
        raise ConfigError([f"{path}: {exc.strerror}"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError([f"{path}: not valid YAML: {exc}"]) from None
    return parse_config(data, environ)


__all__ = [
    "AkeneoSection",
    "BackendSection",
    "BackendsSection",
    "CacheSection",
    "CatalogSection",
    "ConfigError",
    "GatewayConfig",
    "HubSpotSection",
    "IntercomSection",
    "LimitsSection",
    "OdooSection",
    "ServerSection",
    "ShopifySection",
    "WebhooksSection",
    "load_config",
    "parse_config",
]
