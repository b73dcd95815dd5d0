"""`commerce-gateway demo`: the five vendor emulators and the gateway in one process, GraphiQL on.

The sandbox is imported only when the demo starts: the runtime never loads an emulator otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import shlex
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import uvicorn

from .app import build_app
from .asgi import uvicorn_settings, with_edge
from .config import parse_config
from .demo_clients import demo_clients, describe, with_keys
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
    parser.add_argument(
        "--tls",
        action="store_true",
        help="serve HTTPS with a certificate from a CA made for this run (Shopify's Storefront client needs it)",
    )
    parser.add_argument(
        "--tls-dir",
        type=Path,
        help="where --tls writes the CA and the certificate (default: a temporary directory, removed on Ctrl-C)",
    )


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


class SecondaryServer(uvicorn.Server):
    """A second listener on the app of a main server, which owns the signals and the lifespan."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@contextlib.contextmanager
def tls_directory(chosen: Path | None) -> Iterator[Path]:
    """The directory `--tls` writes to: the one chosen, kept; or a temporary one, removed on exit."""
    if chosen is not None:
        yield chosen
        return
    made = Path(tempfile.mkdtemp(prefix="commerce-gateway-tls-"))
    try:
        yield made
    finally:
        shutil.rmtree(made, ignore_errors=True)


def certificate_hosts(host: str) -> tuple[str, ...]:
    """The names the certificate covers: loopback always, and the listening address when it is one."""
    from .demo_tls import DEMO_HOSTS

    return DEMO_HOSTS if host in (*DEMO_HOSTS, "0.0.0.0", "::") else (*DEMO_HOSTS, host)  # noqa: S104


async def run_demo(args: argparse.Namespace) -> None:
    if not args.tls:
        await _run_demo(args, None)
        return
    with tls_directory(args.tls_dir) as tls_dir:
        await _run_demo(args, tls_dir)


async def _run_demo(args: argparse.Namespace, tls_dir: Path | None) -> None:
    from sandbox import command as sandbox_command
    from sandbox.runner import PortInUse, Sandbox
    from sandbox.seed import generate

    listening = bind(args.host, args.port)
    # The emulators post webhooks over plain HTTP and know no private CA: under --tls they reach the
    # same app through a second, plain listener on a free loopback port.
    hooks = bind("127.0.0.1", 0) if tls_dir is not None else None
    hooks_port = hooks.getsockname()[1] if hooks is not None else args.port
    settings = sandbox_command.settings_from(
        argparse.Namespace(
            host="127.0.0.1",
            port_base=args.port_base,
            seed=42,
            token_ttl=3600,
            faults="{}",
            fault=[],
            webhook_base=f"http://127.0.0.1:{hooks_port}",
            activity=None if args.no_activity else 3.0,
        )
    )
    try:
        sandbox = await Sandbox(generate(args.size), settings).__aenter__()
    except PortInUse as exc:
        listening.close()
        if hooks is not None:
            hooks.close()
        raise DemoError(str(exc)) from None
    try:
        scheme = "https" if tls_dir is not None else "http"
        clients = demo_clients(f"{scheme}://{args.host}:{args.port}")
        clients_section, keys = with_keys(clients)
        config = parse_config(
            {
                "backends": sandbox.backends_config(),
                "server": {"graphiql": True, "port": args.port},
                "clients": clients_section,
            },
            environ={},
        )
        app = with_edge(build_app(config, sample_query=SAMPLE_QUERY), config.server)
        certfile = keyfile = None
        trust = ""
        if tls_dir is not None:
            from .demo_tls import issue_demo_certificates

            certificates = issue_demo_certificates(tls_dir, certificate_hosts(args.host))
            certfile, keyfile = certificates.server_certificate, certificates.server_key
            trust = (
                f"\nTLS: a CA made for this run, in {certificates.directory}"
                f"\n  CA certificate: {certificates.ca_certificate}"
                "\n  Node.js clients trust it with:"
                f"\nNODE_EXTRA_CA_CERTS={shlex.quote(str(certificates.ca_certificate))}\n"
            )
        server = uvicorn.Server(
            uvicorn.Config(
                app,
                loop="none",
                lifespan="on",
                access_log=False,
                ssl_certfile=certfile,
                ssl_keyfile=keyfile,
                **uvicorn_settings(config.server),
            )
        )
        if config.server.gc_freeze:
            freeze_startup_objects()  # the world and the schema are built
        storefront = f"/api/{config.backends.shopify.storefront_api_version}/graphql.json"
        print(sandbox_command.describe(sandbox))
        print(
            f"\nGateway: {scheme}://{args.host}:{args.port}/graphql (GraphiQL in a browser; its scripts come from a CDN)"
            f"\nStorefront API, for Shopify's clients: {scheme}://{args.host}:{args.port}{storefront}"
            f"\n{trust}\n{describe(clients, keys)}\n\nTry:\n{SAMPLE_QUERY}\n"
        )
        sys.stdout.flush()
        if hooks is None:
            await server.serve(sockets=[listening])
        else:
            webhooks = SecondaryServer(
                uvicorn.Config(
                    app, loop="none", lifespan="off", access_log=False, **uvicorn_settings(config.server)
                )
            )
            serving_webhooks = asyncio.create_task(webhooks.serve(sockets=[hooks]))
            try:
                await server.serve(sockets=[listening])
            finally:
                webhooks.should_exit = True
                await serving_webhooks
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
