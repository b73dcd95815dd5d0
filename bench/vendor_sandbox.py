"""One vendor's emulator in a process of its own: `python -m bench.vendor_sandbox --vendor akeneo ...`.

`commerce-gateway sandbox` serves every emulator from one process and one event loop, so the CPU
one emulator spends (Shopify's GraphQL execution is the heaviest) delays the answers of the others.
Real vendors are separate systems; the harness therefore runs each emulator the scenarios call in
its own process, over the same deterministic world (same size and seed, so keys agree). It takes
`commerce-gateway sandbox`'s options, plus `--vendor`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Sequence
from dataclasses import replace

from sandbox import command
from sandbox.runner import VENDORS, Sandbox
from sandbox.seed import generate


async def serve(args: argparse.Namespace) -> None:
    settings = replace(command.settings_from(args), vendors=(args.vendor,))
    async with Sandbox(generate(args.size, args.seed), settings) as sandbox:
        if args.write_config:
            command.write_config(args.write_config, sandbox)
        command.freeze_world()
        print(command.describe(sandbox))
        print(f"  gateway config written to {args.write_config}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await stop.wait()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.vendor_sandbox", description=__doc__)
    command.add_arguments(parser)
    parser.add_argument("--vendor", choices=VENDORS, required=True, help="the one emulator to serve")
    args = parser.parse_args(argv)
    try:
        command.settings_from(args)
    except ValueError as exc:
        print(f"vendor sandbox: {exc}", file=sys.stderr)
        return 2
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["main", "serve"]
