"""Liveness and readiness.

`/healthz` answers as long as the process serves requests. `/readyz` answers 200 only once the
config is loaded and every configured backend passed its last check; checks run in the background
every few seconds, so a probe never waits on a backend and never adds load per probe.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse

log = logging.getLogger("gateway.health")

CHECK_INTERVAL_S = 10.0
"""Seconds between two rounds of backend checks."""
CHECK_TIMEOUT_S = 3.0
"""A check slower than this counts as failed."""

Check = Callable[[], Awaitable[bool]]


@dataclass(slots=True)
class CheckResult:
    ok: bool
    error: str | None
    at: float


class Readiness:
    """Runs each backend's check in the background and remembers the last outcome."""

    def __init__(self, checks: Mapping[str, Check], interval_s: float = CHECK_INTERVAL_S) -> None:
        self.checks = dict(checks)
        self.interval_s = interval_s
        self.results: dict[str, CheckResult] = {}
        self.checked = asyncio.Event()
        """Set once every backend has been checked at least once."""
        self._task: asyncio.Task[None] | None = None

    async def check_all(self) -> None:
        async def one(name: str, check: Check) -> None:
            try:
                async with asyncio.timeout(CHECK_TIMEOUT_S):
                    ok = await check()
                self.results[name] = CheckResult(bool(ok), None, time.time())
            except Exception as exc:  # a failed check is a result, not a crash
                message = "check timed out" if isinstance(exc, TimeoutError) else str(exc)[:200]
                self.results[name] = CheckResult(False, message, time.time())

        await asyncio.gather(*(one(name, check) for name, check in self.checks.items()))
        self.checked.set()

    @property
    def ready(self) -> bool:
        return all(self.results.get(name, CheckResult(False, None, 0)).ok for name in self.checks)

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

    def report(self) -> dict[str, object]:
        return {
            "status": "ready" if self.ready else "not ready",
            "backends": {
                name: (
                    {"ok": result.ok, "error": result.error, "checkedAt": result.at}
                    if (result := self.results.get(name))
                    else {"ok": False, "error": "not checked yet", "checkedAt": None}
                )
                for name in self.checks
            },
        }


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def readyz_endpoint(
    readiness: Callable[[], Readiness | None],
) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def readyz(request: Request) -> JSONResponse:
        current = readiness()
        if current is None:
            return JSONResponse({"status": "starting"}, status_code=503)
        return JSONResponse(current.report(), status_code=200 if current.ready else 503)

    return readyz


__all__ = ["CHECK_INTERVAL_S", "CheckResult", "Readiness", "healthz", "readyz_endpoint"]
