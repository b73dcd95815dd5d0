"""`commerce-gateway`: the command line of the gateway and its sandbox."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .sandbox import command as sandbox_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="commerce-gateway", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    sandbox = commands.add_parser(
        "sandbox", help="run local emulators of Shopify, Odoo, HubSpot, Akeneo and Intercom"
    )
    sandbox_command.add_arguments(sandbox)
    sandbox.set_defaults(run=sandbox_command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
