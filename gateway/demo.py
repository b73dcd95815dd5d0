"""`commerce-gateway demo`: the five vendor emulators and the gateway in one process, GraphiQL on.

The sandbox is imported only when the demo starts: the runtime never loads an emulator otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import socket
import sys

import uvicorn

from .app import build_app
from .config import parse_config
from .gc_tuning import freeze_startup_objects

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
"""What the demo prints and what GraphiQL opens on: content from the PIM, stock from the ERP."""

DEFAULT_PORT = 8000
DEFAULT_PORT_BASE = 9100
"""The sandbox's own default (`sandbox.runner.DEFAULT_PORT_BASE`), repeated so `--help` loads no emulator."""


class DemoError(Exception):
    """The demo cannot start; the message says why and what to change."""


def add_demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", type=int, default=200, help="products in the sandbox shop")
    parser.add_argument("--host", default="127.0.0.1", help="interface the gateway listens on")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="the gateway's port")
    parser.add_argument(
        "--port-base",
        type=int,
        default=DEFAULT_PORT_BASE,
        help="first port of the five emulators (Shopify on P, Odoo P+1, HubSpot P+2, Akeneo P+3, Intercom P+4)",
    )
    parser.add_argument("--no-activity", action="store_true", help="do not simulate shop activity")


def bind(host: str, port: int) -> socket.socket:
    """The gateway's listening socket, or a `DemoError` that names the port and the option to change."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise DemoError(
                f"port {port} on {host}, for the gateway, is already in use; choose another with --port"
            ) from None
        raise DemoError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


async def run_demo(args: argparse.Namespace) -> None:
    from sandbox import command as sandbox_command
    from sandbox.runner import PortInUse, Sandbox
    from sandbox.seed import generate

    listening = bind(args.host, args.port)
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
    try:
        sandbox = await Sandbox(generate(args.size), settings).__aenter__()
    except PortInUse as exc:
        listening.close()
        raise DemoError(str(exc)) from None
    try:
        config = parse_config(
            {"backends": sandbox.backends_config(), "server": {"graphiql": True, "port": args.port}},
            environ={},
        )
        server = uvicorn.Server(
            uvicorn.Config(
                build_app(config, sample_query=SAMPLE_QUERY),
                loop="none",
                lifespan="on",
                access_log=False,
            )
        )
        if config.server.gc_freeze:
            freeze_startup_objects()  # the world and the schema are built
        print(sandbox_command.describe(sandbox))
        print(
            f"\nGateway: http://{args.host}:{args.port}/graphql (GraphiQL in a browser; its scripts come from a CDN)"
            f"\n\nTry:\n{SAMPLE_QUERY}\n"
        )
        sys.stdout.flush()
        await server.serve(sockets=[listening])
    finally:
        await sandbox.stop()


def demo(args: argparse.Namespace) -> int:
    try:
        import uvloop

        uvloop.run(run_demo(args))
    except ImportError:  # pragma: no cover - uvloop ships with uvicorn[standard]
        asyncio.run(run_demo(args))
    except DemoError as exc:
        print(f"commerce-gateway demo: {exc}", file=sys.stderr)
        return 2
    return 0


__all__ = ["SAMPLE_QUERY", "DemoError", "add_demo_arguments", "bind", "demo", "run_demo"]
