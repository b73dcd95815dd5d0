"""`commerce-gateway`: the command line of the gateway and its sandbox."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path


def check_command(args: argparse.Namespace) -> int:
    from .config import ConfigError, load_config

    try:
        load_config(args.config)
    except ConfigError as exc:
        print(f"{args.config}: {exc}", file=sys.stderr)
        return 1
    print(f"{args.config}: valid")
    return 0


def serve_command(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args)


def demo_command(args: argparse.Namespace) -> int:
    from .demo import demo

    return demo(args)


def compose_command(args: argparse.Namespace) -> int:
    from .compose import run

    return run(args)


def client_key_command(args: argparse.Namespace) -> int:
    from .clients.keys import key_hash, new_key

    key = new_key(private=args.private)
    print(f"key:        {key}")
    print(f"key_sha256: {key_hash(key)}")
    print("Give the key to the client; put only key_sha256 in the gateway's config.", file=sys.stderr)
    return 0


def sandbox_command(args: argparse.Namespace) -> int:
    # The emulators are imported only here: `serve` and the rest never load them.
    from sandbox import command

    return command.main(args.arguments, prog="commerce-gateway sandbox")


def build_parser() -> argparse.ArgumentParser:
    from .compose import add_compose_arguments
    from .demo import add_demo_arguments
    from .serve import add_serve_arguments

    parser = argparse.ArgumentParser(prog="commerce-gateway", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('commerce-gateway')}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the gateway")
    add_serve_arguments(serve)
    serve.set_defaults(run=serve_command)

    demo = commands.add_parser("demo", help="run the sandbox and the gateway together, with GraphiQL")
    add_demo_arguments(demo)
    demo.set_defaults(run=demo_command)

    sandbox = commands.add_parser(
        "sandbox",
        help="run local emulators of Shopify, Odoo, HubSpot, Akeneo and Intercom (options: sandbox --help)",
        add_help=False,
    )
    sandbox.set_defaults(run=sandbox_command)

    compose = commands.add_parser(
        "compose", help="compose the served schema from the Storefront API's own and the gateway's fields"
    )
    add_compose_arguments(compose)
    compose.set_defaults(run=compose_command)

    client_key = commands.add_parser(
        "client-key", help="make a client key and the hash the config holds in its place"
    )
    client_key.add_argument(
        "--private", action="store_true", help="a key for a server or staff tool, never for a browser"
    )
    client_key.set_defaults(run=client_key_command)

    check = commands.add_parser("check", help="validate a config file; exits non-zero naming each bad key")
    check.add_argument(
        "--config", type=Path, required=True, help="the gateway's YAML config file to validate"
    )
    check.set_defaults(run=check_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # The sandbox's options are its own parser's (sandbox.command), read only when it runs.
    args, rest = parser.parse_known_args(argv)
    if args.command == "sandbox":
        args.arguments = rest
    elif rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
