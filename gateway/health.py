"""Liveness and readiness.

`/healthz` answers as long as the process serves requests. `/readyz` answers whether THIS process
can serve: its config is loaded, its lifespan has started, and the commerce core (Shopify, the only
backend a response cannot do without) passed its last check and its breaker is not open. The other
backends are optional: when one fails, its fields are null with an error and the rest of the answer
stands, so its outage must not pull every replica out of the load balancer at once. They are
reported, never counted: `/readyz?verbose` gives each backend's last check, its age and its breaker.

Checks run in the background every few seconds, so a probe never waits on a backend and never adds
load per probe; each check calls its backend for real, on the client's probe path, which neither
reads nor moves the breakers and concurrency caps live traffic goes through.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from gateway.backends.http.breaker import BreakerState, CircuitBreaker
from gateway.backends.http.errors import BackendError
from gateway.backends.http.redaction import REDACTED, scrub

log = logging.getLogger("gateway.health")

CHECK_INTERVAL_S = 10.0
"""Seconds between two rounds of backend checks."""
CHECK_TIMEOUT_S = 3.0
"""A check slower than this counts as failed."""
NO_STORE = {"Cache-Control": "no-store"}
"""A readiness answer is about this moment and this process: no cache in between may keep it."""

# Host:port pairs and IP addresses a vendor's message may quote: the report is read outside the network.
_ADDRESS = re.compile(
    r"\[[0-9a-f:.]+\](?::\d+)?"  # [IPv6]:port
    r"|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"  # IPv4[:port]
    r"|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*:\d{2,5}\b",  # host:port
    re.IGNORECASE,
)

Check = Callable[[], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class BackendCheck:
    """One backend as readiness sees it: its check, its live breaker, and whether serving needs it."""

    check: Check
    breaker: CircuitBreaker
    """The breaker of the backend's live traffic: reported, and for a required backend, open is not ready."""
    required: bool = False


@dataclass(frozen=True, slots=True)
class CheckResult:
    """How one check ended: `error` is safe to show (no address, no secret); `at` is monotonic."""

    ok: bool
    error: str | None
    at: float


def safe_error(exc: Exception, timeout_s: float) -> str:
    """What a failed check says: the gateway's own messages, never an exception's raw text.

    A `BackendError` names the method and path only, and quotes a vendor message already scrubbed of
    what the gateway sent; anything else (an `OSError` quoting host and port, a bug) is named by type.
    """
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout_s:g}s"
    if isinstance(exc, BackendError):
        return _ADDRESS.sub(REDACTED, scrub(str(exc), ()))
    return f"check failed ({type(exc).__name__})"


class Readiness:
    """Runs each backend's check in the background and remembers the last outcome."""

    def __init__(
        self,
        checks: Mapping[str, BackendCheck],
        *,
        interval_s: float = CHECK_INTERVAL_S,
        timeout_s: float = CHECK_TIMEOUT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.checks = dict(checks)
        self.interval_s = interval_s
        self.timeout_s = timeout_s
        self._clock = clock
        self.results: dict[str, CheckResult] = {}
        self.checked = asyncio.Event()
        """Set once every backend has been checked at least once."""
        self._task: asyncio.Task[None] | None = None

    async def check_all(self) -> None:
        """One round: every backend checked at once, each within `timeout_s`."""

        async def one(name: str, check: Check) -> None:
            try:
                async with asyncio.timeout(self.timeout_s):
                    ok = await check()
                result = CheckResult(bool(ok), None if ok else "check failed", self._clock())
            except Exception as exc:  # a failed check is a result, not a crash
                result = CheckResult(False, safe_error(exc, self.timeout_s), self._clock())
            previous = self.results.get(name)
            was_ok = previous.ok if previous is not None else True  # a first failure is news too
            if was_ok and not result.ok:
                log.warning("backend %s: check fails: %s", name, result.error)
            elif not was_ok and result.ok:
                log.info("backend %s: check passes again", name)
            self.results[name] = result

        await asyncio.gather(*(one(name, backend.check) for name, backend in self.checks.items()))
        self.checked.set()

    @property
    def ready(self) -> bool:
        """Every required backend passed its last check and its live breaker is not open."""
        for name, backend in self.checks.items():
            if not backend.required:
                continue
            result = self.results.get(name)
            if result is None or not result.ok or backend.breaker.state is BreakerState.OPEN:
                return False
        return True

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _loop(self) -> None:
        while True:
            await self.check_all()
            await asyncio.sleep(self.interval_s)

    def report(self, *, verbose: bool = False) -> dict[str, Any]:
        """`{"status": ...}`; verbose adds each backend's last check, its age and its breaker."""
        report: dict[str, Any] = {"status": "ready" if self.ready else "not ready"}
        if verbose:
            now = self._clock()
            report["backends"] = {
                name: self._backend_report(backend, self.results.get(name), now)
                for name, backend in self.checks.items()
            }
        return report

    @staticmethod
    def _backend_report(backend: BackendCheck, result: CheckResult | None, now: float) -> dict[str, Any]:
        return {
            "required": backend.required,
            "ok": result.ok if result else False,
            "error": result.error if result else "not checked yet",
            "ageSeconds": round(now - result.at, 1) if result else None,
            "breaker": backend.breaker.state.value,
        }


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def _verbose(request: Request) -> bool:
    """`?verbose` and `?verbose=1` (any value but 0 or false) ask for the per-backend report."""
    value = request.query_params.get("verbose")
    return value is not None and value.lower() not in ("0", "false")


def readyz_endpoint(
    readiness: Callable[[], Readiness | None],
) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def readyz(request: Request) -> JSONResponse:
        current = readiness()
        if current is None:  # before the lifespan started, or after it ended
            return JSONResponse({"status": "not running"}, status_code=503, headers=NO_STORE)
        return JSONResponse(
            current.report(verbose=_verbose(request)),
            status_code=200 if current.ready else 503,
            headers=NO_STORE,
        )

    return readyz


__all__ = [
    "CHECK_INTERVAL_S",
    "CHECK_TIMEOUT_S",
    "BackendCheck",
    "Check",
    "CheckResult",
    "Readiness",
    "healthz",
    "readyz_endpoint",
    "safe_error",
]
