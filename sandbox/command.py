"""`commerce-gateway sandbox` (or `python -m sandbox`): run the five emulators until interrupted."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .control import Faults
from .emulator import EmulatorOptions
from .runner import DEFAULT_PORT_BASE, VENDORS, PortInUse, Sandbox, SandboxSettings
from .seed import CUSTOMER_PASSWORD, DEMO_SIZE, generate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", type=int, default=DEMO_SIZE, help="products in the generated shop")
    parser.add_argument("--seed", type=int, default=42, help="seed of the generated shop")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    parser.add_argument(
        "--port-base",
        type=int,
        default=DEFAULT_PORT_BASE,
        help="Shopify on P, Odoo on P+1, HubSpot on P+2, Akeneo on P+3, Intercom on P+4",
    )
    parser.add_argument(
        "--write-config",
        type=Path,
        metavar="FILE",
        help="write a gateway config file pointing at the emulators",
    )
    parser.add_argument(
        "--webhook-base", metavar="URL", help="post each vendor's signed webhooks to URL/webhooks/<vendor>"
    )
    parser.add_argument(
        "--activity",
        type=float,
        nargs="?",
        const=3.0,
        metavar="SECONDS",
        help="simulate shop activity (sales, agent replies) every few seconds",
    )
    parser.add_argument(
        "--token-ttl",
        type=int,
        default=3600,
        help="lifetime of OAuth access tokens (Akeneo, Shopify Customer Account API) in seconds",
    )
    parser.add_argument(
        "--faults",
        default="{}",
        metavar="JSON",
        help="faults for every vendor at start, e.g. '{\"latency_ms\": 20}'",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="VENDOR:JSON",
        help="faults for one vendor, e.g. 'akeneo:{\"latency_ms\": 200}' (repeatable)",
    )


def parse_faults(common: str, per_vendor: list[str]) -> dict[str, Faults]:
    """Turn `--faults` and `--fault` into per-vendor faults; raises ValueError naming the bad input."""
    try:
        base = Faults.parse(json.loads(common))
    except ValueError as exc:
        raise ValueError(f"--faults: {exc}") from exc
    faults = dict.fromkeys(VENDORS, base)
    for item in per_vendor:
        vendor, _, payload = item.partition(":")
        if vendor not in VENDORS:
            raise ValueError(f"--fault {item!r}: vendor must be one of {', '.join(VENDORS)}")
        try:
            faults[vendor] = Faults.parse(json.loads(payload), faults[vendor])
        except ValueError as exc:
            raise ValueError(f"--fault {item!r}: {exc}") from exc
    return faults


def settings_from(args: argparse.Namespace) -> SandboxSettings:
    return SandboxSettings(
        host=args.host,
        port_base=args.port_base,
        options=EmulatorOptions(seed=args.seed, token_ttl_s=args.token_ttl),
        faults=parse_faults(args.faults, args.fault),
        webhook_base=args.webhook_base,
        activity_interval_s=args.activity,
    )


def write_config(path: Path, sandbox: Sandbox, extra: dict[str, Any] | None = None) -> None:
    config = {"backends": sandbox.backends_config(), **(extra or {})}
    path.write_text(yaml.safe_dump(config, sort_keys=False))


def describe(sandbox: Sandbox) -> str:
    lines = [
        f"Sandbox shop: {sandbox.world.size} products, {len(sandbox.world.customers)} customers, "
        f"seed {sandbox.world.seed}"
    ]
    for vendor, url in sandbox.urls.items():
        creds = ", ".join(f"{k}={v}" for k, v in sandbox.emulators[vendor].credentials.items())
        lines.append(f"  {vendor:<9} {url}  {creds}")
        printed = sandbox.emulators[vendor].printed_credentials
        if printed:
            lines.append("            " + ", ".join(f"{k}={v}" for k, v in printed.items()))
    lines.append(f"  customers sign in with their email and the password {CUSTOMER_PASSWORD!r}")
    lines.append(
        "  control API on every emulator: POST /__sandbox/faults, GET /__sandbox/stats, POST /__sandbox/reset"
    )
    return "\n".join(lines)


def freeze_world() -> None:
    """Take what exists once the emulators are up out of every later garbage collection.

    A full collection would otherwise traverse the whole seeded world, thousands of records per
    product, every few requests (the gateway's workers do the same: gateway/gc_tuning.py).
    """
    gc.collect()
    gc.freeze()


async def serve(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    world = generate(args.size, args.seed)
    async with Sandbox(world, settings_from(args)) as sandbox:
        print(describe(sandbox))
        print(f"  ready in {time.perf_counter() - started:.1f} s")
        if args.write_config:
            write_config(args.write_config, sandbox)
            print(f"  gateway config written to {args.write_config}")
        sys.stdout.flush()
        freeze_world()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await stop.wait()


def run(args: argparse.Namespace, prog: str = "sandbox") -> int:
    try:
        settings_from(args)
    except ValueError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(serve(args))
    except PortInUse as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    return 0


def main(argv: Sequence[str] | None = None, prog: str = "python -m sandbox") -> int:
    """Parse the sandbox's options and serve the emulators until interrupted."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv), prog)


__all__ = [
    "add_arguments",
    "describe",
    "freeze_world",
    "main",
    "parse_faults",
    "run",
    "serve",
    "settings_from",
    "write_config",
]
