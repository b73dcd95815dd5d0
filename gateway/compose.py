"""`commerce-gateway compose`: the schema the gateway serves, composed from Shopify's and reviewed as a file.

An operator composes at deploy time against the configured Storefront endpoint and API version,
reviews the diff (`--against` the previous composition lists what would break a client), and
points `serve` at the file. `--api customer-account` composes the Customer Account API's schema
with the gateway's account fields (`schema.extensions.ACCOUNT_EXTENSIONS`) the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from pathlib import Path

from graphql import (
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    build_client_schema,
    build_schema,
    print_schema,
)

from schema import STRAWBERRY_CONFIG
from schema.extensions import ACCOUNT_EXTENSIONS, EXTENSIONS

from .backends.http.client import BackendClient
from .backends.http.errors import BackendError
from .backends.shopify.introspection import customer_account_introspection, storefront_introspection
from .config import ConfigError, GatewayConfig, load_config
from .graphql.composition import CompositionError, changes, compose
from .services import account_backend_settings, backend_settings

STOREFRONT = "storefront"
CUSTOMER_ACCOUNT = "customer-account"
APIS = (STOREFRONT, CUSTOMER_ACCOUNT)
"""The Shopify APIs the gateway composes a schema of, as `--api` names them."""


def add_compose_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, required=True, help="the gateway's YAML config file")
    parser.add_argument(
        "--output", "-o", type=Path, help="write the composed SDL to this file instead of standard output"
    )
    parser.add_argument(
        "--against",
        type=Path,
        metavar="OLD",
        help="a previous composition: list the breaking and dangerous changes from it (exit 1 when any breaks)",
    )
    parser.add_argument(
        "--api",
        choices=APIS,
        default=STOREFRONT,
        help="the Shopify API to compose: the Storefront API (the default) or the Customer Account API",
    )


async def composed_schema(config: GatewayConfig, client: BackendClient | None = None) -> GraphQLSchema:
    """Introspect the configured Storefront API and extend its schema with the gateway's fields.

    A running gateway passes its Shopify client; the `compose` command opens one for the call.
    """
    shopify = config.backends.shopify
    async with contextlib.AsyncExitStack() as stack:
        if client is None:
            client = await stack.enter_async_context(BackendClient(backend_settings("shopify", shopify)))
        introspection = await storefront_introspection(
            client,
            token=shopify.storefront_token.get_secret_value(),
            api_version=shopify.storefront_api_version,
        )
    # What Shopify serves is taken as it is: see `compose` for why it is not re-validated.
    upstream = build_client_schema(introspection, assume_valid=True)  # type: ignore[arg-type]
    return compose(upstream, EXTENSIONS, STRAWBERRY_CONFIG)


async def served_schema(config: GatewayConfig, client: BackendClient) -> GraphQLSchema:
    """The composed schema `serve` answers with: `server.schema_file` when set, else composed now."""
    path = config.server.schema_file
    if path is None:
        return await composed_schema(config, client)
    composed = build_schema(path.read_text(), assume_valid=True)
    missing = [
        f"{e.parent}.{e.field}"
        for e in EXTENSIONS
        if not isinstance(parent := composed.type_map.get(e.parent), GraphQLObjectType)
        or e.field not in parent.fields
    ]
    if missing:
        raise CompositionError(f"{path} is not a composition of this gateway: it lacks {', '.join(missing)}")
    return composed


async def composed_account_schema(
    config: GatewayConfig, client: BackendClient | None = None
) -> GraphQLSchema:
    """Introspect the configured Customer Account API (no customer token needed) and extend its
    schema with the gateway's account fields; a running gateway passes its account client."""
    shopify = config.backends.shopify
    async with contextlib.AsyncExitStack() as stack:
        if client is None:
            client = await stack.enter_async_context(BackendClient(account_backend_settings(shopify)))
        introspection = await customer_account_introspection(client, api_version=shopify.account_api_version)
    upstream = build_client_schema(introspection, assume_valid=True)  # type: ignore[arg-type]
    return compose(upstream, ACCOUNT_EXTENSIONS, STRAWBERRY_CONFIG)


def run(args: argparse.Namespace) -> int:
    return asyncio.run(compose_to_file(args))


async def compose_to_file(args: argparse.Namespace) -> int:
    """The command's work: compose, write or print, compare; its exit status."""
    try:
        config = load_config(args.config)
        if args.api == CUSTOMER_ACCOUNT:
            composed = await composed_account_schema(config)
        else:
            composed = await composed_schema(config)
    except ConfigError as exc:
        print(f"commerce-gateway compose: {args.config}: {exc}", file=sys.stderr)
        return 2
    except (BackendError, CompositionError) as exc:
        print(f"commerce-gateway compose: {exc}", file=sys.stderr)
        return 2
    sdl = print_schema(composed) + "\n"
    if args.output:
        args.output.write_text(sdl)
    elif not args.against:
        sys.stdout.write(sdl)
    if not args.against:
        return 0
    try:
        old = build_schema(args.against.read_text(), assume_valid=True)
    except OSError as exc:
        print(f"commerce-gateway compose: --against {args.against}: {exc.strerror}", file=sys.stderr)
        return 2
    except GraphQLError as exc:
        print(
            f"commerce-gateway compose: --against {args.against}: not a schema: {exc.message}",
            file=sys.stderr,
        )
        return 2
    breaking, dangerous = changes(old, composed)
    for line in breaking:
        print(f"breaking  {line}")
    for line in dangerous:
        print(f"dangerous {line}")
    if not breaking and not dangerous:
        print(f"no breaking or dangerous changes from {args.against}")
    return 1 if breaking else 0


__all__ = [
    "APIS",
    "CUSTOMER_ACCOUNT",
    "STOREFRONT",
    "add_compose_arguments",
    "compose_to_file",
    "composed_account_schema",
    "composed_schema",
    "run",
    "served_schema",
]
