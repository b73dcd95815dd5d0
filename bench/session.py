"""One benchmark run: start the sandbox, find targets, then per cache mode a gateway and its scenarios.

Scenarios that share a cache mode share one gateway process; the gateway is restarted between
modes because its cache TTLs are start-up configuration. Within a scenario, each concurrency level
measures the gateway and then the floor, back to back, so both see the same machine.
"""

from __future__ import annotations

import itertools
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import yaml

from gateway.config import parse_config

from .accounts import admin_api, signed_in_accounts
from .carts import open_carts
from .control import SandboxControl
from .floor import VENDORS, Floor
from .measure import Processes, measure
from .measurements import RunResult, ScenarioResult
from .processes import (
    SPLIT_VENDORS,
    Service,
    free_port,
    start_gateway,
    start_sandbox,
    wait_for_gateway,
    wait_for_sandbox,
)
from .scenarios import IN_CONTEXT, SEARCH_TERMS, Cache, Kind, Scenario, Target, answers_target, scenarios
from .settings import Settings
from .targets import Targets, discover

UNCACHED = {
    "ttl": {
        "content": 0,
        "catalog": 0,
        "prices": 0,
        "stock": 0,
        "profile": 0,
        "conversations": 0,
        "orders": 0,
    },
    "max_stale_s": 0,
}
"""The gateway's cache section for uncached scenarios: nothing stays fresh, nothing is served stale."""
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
GATEWAY_TIMEOUT_S = 60.0
"""Per request, from the driver: far above any scenario's latency, so a stuck gateway shows as failures."""


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        load = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        load = []
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "aiohttp": aiohttp.__version__,
        "loadavg_at_start": load,
    }


def source(gateway_source: Path | None = None) -> dict[str, Any]:
    """Which code was measured: the commit, and the gateway's files changed on top of it, if any."""
    project = Path(__file__).resolve().parent.parent

    def git(*args: str, cwd: Path = project) -> str:
        try:
            done = subprocess.run(  # noqa: S603 (fixed arguments)
                ["git", *args],  # noqa: S607 (git from PATH, as a developer runs it)
                cwd=cwd,
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return done.stdout.strip()

    changed = git("status", "--porcelain", "--", "gateway", "schema", "resolvers").splitlines()
    measured = {
        "commit": git("rev-parse", "HEAD"),
        "uncommitted_gateway_files": [line[3:] for line in changed],
    }
    if gateway_source is not None:
        measured["gateway_commit"] = git("rev-parse", "HEAD", cwd=gateway_source)
    return measured


class Session:
    """A benchmark run: its processes, the floor, the targets, and what was measured.

    Every process it starts is appended to `services` as soon as it exists, so the caller can stop
    them whatever happens.
    """

    def __init__(self, settings: Settings, workdir: Path, services: list[Service]) -> None:
        self.settings = settings
        self.workdir = workdir
        self.services = services
        self.started = time.monotonic()
        self.results: list[ScenarioResult] = []
        self.meta: dict[str, Any] = {}
        self.erp_timeout_s = 0.0
        self._sandboxes: list[Service] = []
        self._base_faults = {"latency_ms": settings.latency_ms}

    def log(self, message: str) -> None:
        progress(f"[{time.monotonic() - self.started:6.1f}s] {message}")

    async def run(self) -> None:
        settings = self.settings
        chosen = [s for s in scenarios(slow_ms=settings.slow_ms) if s.name in settings.scenarios]
        needed = {vendor for s in chosen for vendor in s.vendors}
        backends = await self._start_sandboxes([v for v in VENDORS if v in needed or v in SPLIT_VENDORS])
        config = parse_config({"backends": backends}, environ={})
        caps = {name: getattr(config.backends, name).max_concurrency for name in VENDORS if name in backends}
        configs = {
            Cache.OFF: self._gateway_config("uncached", backends, {"cache": UNCACHED}),
            Cache.WARM: self._gateway_config("warm", backends, {}),
        }
        self.erp_timeout_s = config.backends.odoo.timeout_s if config.backends.odoo else 0.0
        self.meta = {
            "schema": 1,
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "quick": settings.quick,
            "machine": machine(),
            "source": source(self.settings.gateway_source),
            "settings": asdict(settings),
            "sandbox_commands": [service.process.args for service in self._sandboxes],
            "gateway_command": "commerce-gateway serve --config FILE --host 127.0.0.1 --port PORT "
            f"--workers {settings.workers}",
            "uncached_cache_section": UNCACHED,
            "backend_concurrency": caps,
            "erp_timeout_s": self.erp_timeout_s,
        }
        async with aiohttp.ClientSession() as http, Floor(backends, caps=caps) as floor:
            control = SandboxControl(http, {vendor: section["url"] for vendor, section in backends.items()})
            sizes = sorted({s.page_size for s in chosen if s.page_size > 1}) or [24]
            targets = await discover(
                floor.storefront, page_sizes=sizes, search_terms=SEARCH_TERMS, language=IN_CONTEXT["language"]
            )
            if any(s.kind is Kind.CART_ADD for s in chosen):
                # Opened straight from Shopify, before any counter is read: setup, not measured.
                targets = replace(targets, carts=await open_carts(floor.storefront, targets.catalog))
            if any(s.kind is Kind.ACCOUNT for s in chosen):
                # Signed in straight at Shopify, before any counter is read: setup, not measured.
                admin = admin_api(http, backends["shopify"], config.backends.shopify.admin_api_version)
                targets = replace(targets, accounts=await signed_in_accounts(admin, floor.storefront))
            self.log(
                f"targets: {len(targets.products)} products ({len(targets.catalog)} with variants); "
                f"pages of collections { {k: len(v) for k, v in targets.collection_pages.items()} }, "
                f"of searches { {k: len(v) for k, v in targets.search_pages.items()} }; "
                f"{len(targets.carts)} cart adds; {len(targets.accounts)} signed-in customers"
                + (
                    f" (of {targets.accounts[0].orders} to {targets.accounts[-1].orders} orders)"
                    if targets.accounts
                    else ""
                )
            )
            for cache, group in itertools.groupby(chosen, key=lambda s: s.cache):
                await self._with_gateway(configs[cache], cache, list(group), floor, control, targets)
        self.meta["wall_s"] = round(time.monotonic() - self.started, 1)

    async def _start_sandboxes(self, split: list[str]) -> dict[str, Any]:
        """One sandbox process per vendor the scenarios call (`split`), or one for all, started together."""
        settings = self.settings
        vendors: tuple[str | None, ...] = (None,) if settings.one_sandbox else tuple(split)
        started = []
        for vendor in vendors:
            service, config = start_sandbox(
                self.workdir, size=settings.size, seed=settings.seed, faults=self._base_faults, vendor=vendor
            )
            self.services.append(service)
            self._sandboxes.append(service)
            started.append((service, config))
        self.log(
            f"sandbox: {len(started)} process(es), {settings.size} products, "
            f"{settings.latency_ms:g} ms per backend call"
        )
        backends: dict[str, Any] = {}
        for service, config in started:
            backends.update(await wait_for_sandbox(service, config, settings.startup_timeout_s))
        self.log(f"sandbox ready: {', '.join(backends)}")
        return backends

    def _gateway_config(self, label: str, backends: dict[str, Any], extra: dict[str, Any]) -> Path:
        path = self.workdir / f"gateway-{label}.yaml"
        path.write_text(yaml.safe_dump({"backends": backends, **extra}, sort_keys=False))
        return path

    async def _with_gateway(
        self,
        config: Path,
        cache: Cache,
        group: list[Scenario],
        floor: Floor,
        control: SandboxControl,
        targets: Targets,
    ) -> None:
        port = free_port()
        gateway = start_gateway(
            self.workdir,
            config,
            port=port,
            workers=self.settings.workers,
            label=cache.value,
            source=self.settings.gateway_source,
        )
        self.services.append(gateway)
        url = f"http://127.0.0.1:{port}"
        try:
            await wait_for_gateway(gateway, url, self.settings.startup_timeout_s)
            self.log(f"gateway ready ({cache.value}, {self.settings.workers} worker(s)) on {url}")
            processes = Processes(sandboxes=tuple(s.pid for s in self._sandboxes), gateway=gateway.pid)
            connector = aiohttp.TCPConnector(limit=0)  # the closed loop bounds connections, not the pool
            timeout = aiohttp.ClientTimeout(total=GATEWAY_TIMEOUT_S)
            async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
                for scenario in group:
                    result = await self._scenario(
                        scenario, f"{url}{scenario.path}", http, floor, control, targets, processes
                    )
                    self.results.append(result)
        finally:
            gateway.stop()

    async def _scenario(
        self,
        scenario: Scenario,
        url: str,
        http: aiohttp.ClientSession,
        floor: Floor,
        control: SandboxControl,
        targets: Targets,
        processes: Processes,
    ) -> ScenarioResult:
        chosen = scenario.targets(targets)
        payloads = [
            orjson.dumps({"query": scenario.query, "variables": scenario.variables(t)}) for t in chosen
        ]

        async def gateway_send(index: int) -> bool:
            async with http.post(url, data=payloads[index], headers=JSON_HEADERS) as response:
                return scenario.clean(response.status, await response.read())

        async def floor_send(index: int) -> bool:
            return not (await scenario.floor(floor, chosen[index])).errors

        result = ScenarioResult(
            scenario.name,
            scenario.title,
            scenario.cache.value,
            {vendor: dict(faults) for vendor, faults in scenario.faults.items()},
            scenario.degraded,
            len(chosen),
        )
        for vendor, faults in scenario.faults.items():
            await control.set_faults(vendor, **faults)
        try:
            result.same_products = await self._same_products(scenario, chosen[0], url, http, floor)
            for concurrency in self.settings.concurrency:
                sides = [
                    await measure(
                        send,
                        concurrency=concurrency,
                        targets=len(chosen),
                        warmup_s=self.settings.warmup_s,
                        duration_s=self.settings.duration_s,
                        control=control,
                        processes=processes,
                        gateway_side=send is gateway_send,
                    )
                    for send in (gateway_send, floor_send)
                ]
                run = RunResult(concurrency, *sides)
                result.runs.append(run)
                self._log_run(scenario, run)
        finally:
            for vendor in scenario.faults:
                await control.set_faults(
                    vendor, down=False, hang=False, error_rate=0, rate_limit=None, **self._base_faults
                )
        return result

    def _log_run(self, scenario: Scenario, run: RunResult) -> None:
        g, f = run.gateway, run.floor
        self.log(
            f"{scenario.name:<20} c={run.concurrency:<3} gateway {g.throughput:7.1f} ops/s "
            f"p50 {g.latency.p50_ms:7.1f} p99 {g.latency.p99_ms:7.1f} ms | floor {f.throughput:7.1f} ops/s "
            f"p50 {f.latency.p50_ms:7.1f} p99 {f.latency.p99_ms:7.1f} ms | ×{run.ratio_p50 or 0:.2f} p50 "
            f"×{run.ratio_p99 or 0:.2f} p99 | errors {g.with_errors + g.failed}/{f.with_errors + f.failed} "
            f"| sandbox {g.cores['sandbox']:.2f}/{f.cores['sandbox']:.2f} other {g.cores['other']:.2f}/"
            f"{f.cores['other']:.2f} cores"
        )

    async def _same_products(
        self, scenario: Scenario, target: Target, url: str, http: aiohttp.ClientSession, floor: Floor
    ) -> bool:
        """Send the first target to both and compare the products they return (saying why not); where
        the floor answers in the client's shape and the operation reads only, the whole answers."""
        payload = orjson.dumps({"query": scenario.query, "variables": scenario.variables(target)})
        async with http.post(url, data=payload, headers=JSON_HEADERS) as response:
            body = orjson.loads(await response.read())
        page = await scenario.floor(floor, target)
        if body.get("errors") and not scenario.degraded:
            self.log(f"{scenario.name}: the gateway answered with errors: {str(body['errors'])[:300]}")
        gateway_handles = scenario.handles(body.get("data"))
        same = gateway_handles == page.handles and answers_target(target, gateway_handles)
        if not same:
            self.log(
                f"{scenario.name}: products differ: gateway {len(gateway_handles)}, floor {len(page.handles)}"
            )
        elif page.data is not None and not scenario.mutation and page.data != body.get("data"):
            self.log(f"{scenario.name}: the gateway's answer differs from the floor's")
            same = False
        return same


__all__ = ["GATEWAY_TIMEOUT_S", "UNCACHED", "Session", "machine", "progress"]
