"""`commerce-gateway serve` and `demo`: run the gateway under uvicorn, alone or over the sandbox."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

import uvicorn

from .app import build_app
from .asgi import CONFIG_ENV
from .config import ConfigError, load_config, parse_config
from .gc_tuning import freeze_startup_objects
from .sandbox import command as sandbox_command
from .sandbox.runner import Sandbox
from .sandbox.seed import generate

SAMPLE_QUERY = """query Listing @inContext(country: FR, language: FR) {
  collection(handle: "sweater") {
    title
    products(first: 3) {
      nodes {
        title
        priceRange { minVariantPrice { amount currencyCode } }
        content { name features }
        variants(first: 3) { nodes { sku availableForSale stock { available lowStock } } }
      }
    }
  }
}"""


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, required=True, help="the gateway's YAML config file")
    parser.add_argument("--host", help="interface to listen on (default: server.host of the config)")
    parser.add_argument("--port", type=int, help="port to listen on (default: server.port of the config)")
    parser.add_argument(
        "--workers", type=int, help="worker processes (default: server.workers of the config)"
    )


def serve(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"commerce-gateway serve: {exc}", file=sys.stderr)
        return 2
    os.environ[CONFIG_ENV] = str(args.config.resolve())
    uvicorn.run(
        "gateway.asgi:create_app",
        factory=True,
        host=args.host or config.server.host,
        port=args.port if args.port is not None else config.server.port,
        workers=args.workers or config.server.workers,
        loop="uvloop",
        http="httptools",
        lifespan="on",
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=20,
    )
    return 0


def add_demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", type=int, default=200, help="products in the sandbox shop")
    parser.add_argument("--port", type=int, default=8000, help="the gateway's port")
    parser.add_argument("--port-base", type=int, default=9100, help="first port of the five emulators")
    parser.add_argument("--no-activity", action="store_true", help="do not simulate shop activity")


async def run_demo(args: argparse.Namespace) -> None:
    world = generate(args.size)
    settings = sandbox_command.settings_from(
        argparse.Namespace(
            host="127.0.0.1",
            port_base=args.port_base,
            seed=42,
            token_ttl=3600,
            faults="{}",
            fault=[],
            webhook_base=f"http://127.0.0.1:{args.port}",
            activity=None if args.no_activity else 3.0,
        )
    )
    async with Sandbox(world, settings) as sandbox:
        config = parse_config(
            {"backends": sandbox.backends_config(), "server": {"graphiql": True, "port": args.port}},
            environ={},
        )
        server = uvicorn.Server(
            uvicorn.Config(
                build_app(config),
                host="127.0.0.1",
                port=args.port,
                loop="none",
                lifespan="on",
                access_log=False,
            )
        )
        if config.server.gc_freeze:
            freeze_startup_objects()  # the world and the schema are built
        print(sandbox_command.describe(sandbox))
        print(
            f"\nGateway: http://127.0.0.1:{args.port}/graphql (GraphiQL in a browser)\n\nTry:\n{SAMPLE_QUERY}\n"
        )
        sys.stdout.flush()
        await server.serve()


def demo(args: argparse.Namespace) -> int:
    try:
        import uvloop

        uvloop.run(run_demo(args))
    except ImportError:  # pragma: no cover - uvloop ships with uvicorn[standard]
        asyncio.run(run_demo(args))
    return 0


__all__ = ["SAMPLE_QUERY", "add_demo_arguments", "add_serve_arguments", "demo", "serve"]
