"""Gateway CPU per operation, in process, with an optional pyinstrument profile: where the time goes.

Runs the real app (its lifespan, connectors and caches) in this process against a running sandbox,
without HTTP in front, so `time.process_time()` counts the gateway's work alone: resolving,
executing, calling the backends and mapping their answers. The sandbox runs elsewhere:

```sh
commerce-gateway sandbox --size 10000 --write-config /tmp/sandbox.yaml &
python -m bench.profile --config /tmp/sandbox.yaml                 # uncached: every call reaches the backends
python -m bench.profile --config /tmp/sandbox.yaml --warm          # from the source cache
python -m bench.profile --config /tmp/sandbox.yaml --pyinstrument  # and where the time goes
python -m bench.profile --config /tmp/sandbox.yaml --down odoo     # a degraded page: ERP down, breaker open
```
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time
from pathlib import Path
from typing import Any

import aiohttp
import yaml

from gateway.app import build_app
from gateway.config import parse_config
from gateway.gc_tuning import freeze_startup_objects
from gateway.graphql.storefront_api import ComposedExecutor

from .control import SandboxControl
from .operations import COLLECTION_PAGE

COLLECTIONS = ("t-shirt", "shirt", "sweater", "jacket", "trousers", "dress", "sneakers", "boots")
"""Product-type collections of the sandbox world, each large enough for pages of 50."""
NO_CACHE = {
    "ttl": {"content": 0, "catalog": 0, "prices": 0, "stock": 0},
    "max_stale_s": 0,
}


def _executor(app: Any) -> ComposedExecutor:
    route = next(r for r in app.routes if getattr(r, "path", "") == "/graphql")
    executor: ComposedExecutor = route.endpoint.__self__.executor
    return executor


async def measure(
    data: dict[str, Any], *, warm: bool, operations: int, first: int, profile: bool, down: str | None
) -> None:
    if not warm:
        data["cache"] = NO_CACHE
    config = parse_config(data, environ={})
    app = build_app(config)
    async with aiohttp.ClientSession() as http, app.router.lifespan_context(app):
        await app.state.gateway.readiness.check_all()
        executor = _executor(app)
        handles = itertools.cycle(COLLECTIONS)
        for _ in range(len(COLLECTIONS) * 2):  # tokens, structure, warehouses, caches
            outcome = await executor.run(COLLECTION_PAGE, {"handle": next(handles), "first": first}, None)
            if "errors" in outcome.body:
                raise SystemExit(f"the gateway answered with errors: {outcome.body['errors'][:2]}")
        if down is not None:
            control = SandboxControl(http, {down: data["backends"][down]["url"]})
            await control.set_faults(down, down=True)
            for _ in range(len(COLLECTIONS) * 2):  # until the breaker is open
                await executor.run(COLLECTION_PAGE, {"handle": next(handles), "first": first}, None)
        if config.server.gc_freeze:
            # As a served worker does once it is set up (`gateway.asgi`): without it, full
            # collections traverse the schema and every module, and that cost lands on whichever
            # code allocates most (the PIM's answer), misplacing it in the profile.
            freeze_startup_objects()
        profiler = None
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005, async_mode="enabled")
            profiler.start()
        started = time.process_time()
        for _ in range(operations):
            await executor.run(COLLECTION_PAGE, {"handle": next(handles), "first": first}, None)
        cpu_ms = (time.process_time() - started) / operations * 1000
        if profiler is not None:
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False))
        if down is not None:
            await control.set_faults(down, down=False)
        state = f"{'warm' if warm else 'uncached'}{f', {down} down' if down else ''}"
        print(f"collection page of {first}, {state}: {cpu_ms:.1f} ms of gateway CPU per operation")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--config", type=Path, required=True, help="the config `commerce-gateway sandbox` wrote"
    )
    parser.add_argument("--warm", action="store_true", help="serve from the source cache (default: uncached)")
    parser.add_argument("--operations", type=int, default=100, help="operations measured (100)")
    parser.add_argument("--first", type=int, default=50, help="products per page (50)")
    parser.add_argument("--pyinstrument", action="store_true", help="print a pyinstrument profile")
    parser.add_argument(
        "--down",
        choices=("shopify", "akeneo", "odoo"),
        help="measure with this backend down (restored after)",
    )
    args = parser.parse_args()
    asyncio.run(
        measure(
            yaml.safe_load(args.config.read_text()),
            warm=args.warm,
            operations=args.operations,
            first=args.first,
            profile=args.pyinstrument,
            down=args.down,
        )
    )


if __name__ == "__main__":
    main()
