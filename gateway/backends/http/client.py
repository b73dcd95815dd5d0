"""The one way the gateway talks HTTP to a backend: session, deadline, retries, breaker, cap, metrics.

```python
async with BackendClient(BackendSettings(name="odoo", url="http://erp:8069")) as odoo:
    response = await odoo.request("POST", "/json/2/stock.quant/search_read", json=body, idempotent=True)
```

A call goes through, in order: the circuit breaker (open: fail at once, no I/O), the concurrency cap,
then attempts until one succeeds, the attempts run out, or the call's deadline passes. Only
idempotent calls get more than one attempt; every failed response is read and released before the
next attempt, so a retry never waits for the connection its predecessor still holds.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import aiohttp
import orjson

from .breaker import BreakerState, CircuitBreaker
from .errors import (
    BackendAuthError,
    BackendError,
    BackendRateLimited,
    BackendRequestError,
    BackendTimeout,
    BackendUnavailable,
)
from .metrics import BackendMetrics, MetricsRegistry
from .redaction import safe_path, scrub, sent_secrets
from .response import BackendResponse
from .retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from .settings import BackendSettings

USER_AGENT = "commerce-gateway/0.1"
KEEPALIVE_S = 10.0
"""Idle pooled connections are closed after this, below common server idle timeouts (15-75 s)."""
DNS_CACHE_S = 300
VENDOR_MESSAGE_KEYS = ("message", "error", "errors", "detail", "title")


def _vendor_message(body: bytes) -> str | None:
    """A short human message out of a vendor's error body, whatever its shape."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    for _ in range(3):  # {"error": {"message": ...}} and {"errors": [{"message": ...}]}
        if isinstance(data, list) and data:
            data = data[0]
        if isinstance(data, dict):
            found = next((data[key] for key in VENDOR_MESSAGE_KEYS if data.get(key)), None)
            if isinstance(found, str):
                return found
            data = found
    return None


class BackendClient:
    """An aiohttp session to one backend with the gateway's resilience rules."""

    def __init__(self, settings: BackendSettings, *, metrics: MetricsRegistry | None = None) -> None:
        self.settings = settings
        self.name = settings.name
        self.metrics: BackendMetrics = (metrics or MetricsRegistry()).backend(settings.name)
        self.breaker = CircuitBreaker(failures=settings.breaker_failures, reset_s=settings.breaker_reset_s)
        self.breaker.observe(self._on_breaker)
        self.retry = RetryPolicy(settings.retries, settings.retry_backoff_s, settings.retry_max_backoff_s)
        self._cap = asyncio.Semaphore(settings.max_concurrency)
        self._session: aiohttp.ClientSession | None = None

    async def open(self) -> None:
        if self._session is not None:
            return
        settings = self.settings
        connector = aiohttp.TCPConnector(
            limit=settings.connection_limit,
            limit_per_host=settings.connection_limit,
            ttl_dns_cache=DNS_CACHE_S,
            keepalive_timeout=KEEPALIVE_S,
        )
        self._session = aiohttp.ClientSession(
            base_url=settings.url.rstrip("/") + "/",
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=None, sock_connect=settings.connect_timeout_s),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            json_serialize=lambda obj: orjson.dumps(obj).decode(),
            auto_decompress=True,
        )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> BackendClient:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def _on_breaker(self, old: BreakerState, new: BreakerState) -> None:
        self.metrics.breaker_state = new.value
        if new is BreakerState.OPEN:
            self.metrics.breaker_opened += 1

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        timeout_s: float | None = None,
    ) -> BackendResponse:
        """One call, retried if idempotent; a 2xx `BackendResponse`, or the gateway's `BackendError`."""
        if self._session is None:
            raise RuntimeError(f"backend {self.name}: the client is not open")
        where = f"{method} {safe_path(path)}"
        secrets = sent_secrets(headers, params)
        ticket = self.breaker.admit()
        if ticket is None:
            self.metrics.failures[BackendUnavailable.code] += 1
            raise BackendUnavailable(self.name, f"{where} refused: circuit breaker open")

        metrics = self.metrics
        metrics.calls += 1
        started = time.monotonic()
        deadline = started + (timeout_s or self.settings.timeout_s)
        verdict: bool | None = None
        try:
            metrics.waiting += 1
            try:
                await asyncio.wait_for(self._cap.acquire(), max(deadline - time.monotonic(), 0.001))
            except TimeoutError:
                raise BackendTimeout(self.name, f"{where} waited too long for a free slot") from None
            finally:
                metrics.waiting -= 1
            metrics.in_flight += 1
            try:
                response = await self._attempts(
                    method, path, where, params, json, headers, idempotent, deadline, secrets
                )
            finally:
                metrics.in_flight -= 1
                self._cap.release()
        except BackendError as exc:
            verdict = not exc.unhealthy  # a rate limit or a refused request says nothing about health
            metrics.failures[exc.code] += 1
            metrics.last_failure_at = time.time()
            metrics.last_error = str(exc)
            metrics.last_ok = not exc.unhealthy
            raise
        except asyncio.CancelledError:
            verdict = None
            raise
        else:
            verdict = True
            metrics.successes += 1
            metrics.last_success_at = time.time()
            metrics.last_ok = True
            return response
        finally:
            self.breaker.record(ticket, ok=verdict)
            metrics.observe_latency(time.monotonic() - started)

    async def _attempts(
        self,
        method: str,
        path: str,
        where: str,
        params: Mapping[str, str] | None,
        json: Any,
        headers: Mapping[str, str] | None,
        idempotent: bool | None,
        deadline: float,
        secrets: list[str],
    ) -> BackendResponse:
        assert self._session is not None
        attempts = self.retry.attempts(method, idempotent)
        for attempt in range(1, attempts + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BackendTimeout(self.name, f"{where} timed out after {attempt - 1} attempt(s)")
            self.metrics.attempts += 1
            if attempt > 1:
                self.metrics.retries += 1
            retry_after: float | None = None
            try:
                async with self._session.request(
                    method,
                    path.lstrip("/"),
                    params=params,
                    json=json,
                    headers=headers,
                    allow_redirects=False,
                    timeout=aiohttp.ClientTimeout(
                        total=remaining, sock_connect=self.settings.connect_timeout_s
                    ),
                ) as raw:
                    body = await raw.read()  # read whole: the connection goes back to the pool here
                    status = raw.status
                    response = BackendResponse(
                        service=self.name,
                        method=method,
                        path=safe_path(path),
                        status=status,
                        headers=raw.headers,
                        body=body,
                    )
                self.metrics.statuses[status] += 1
                if 200 <= status < 300:
                    return response
                error = self._status_error(response, where, secrets)
                if status not in RETRYABLE_STATUSES:
                    raise error
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
            except TimeoutError:
                error = BackendTimeout(self.name, f"{where} timed out")
            except aiohttp.ClientError as exc:
                error = BackendUnavailable(self.name, f"{where} failed: {type(exc).__name__}")
            if attempt == attempts:
                raise error
            delay = self.retry.delay(
                attempt, retry_after=retry_after, remaining_s=deadline - time.monotonic()
            )
            if delay is None:
                raise error
            await asyncio.sleep(delay)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _status_error(self, response: BackendResponse, where: str, secrets: list[str]) -> BackendError:
        status = response.status
        vendor = _vendor_message(response.body)
        said = f": {scrub(vendor, secrets)}" if vendor else ""
        if status in (401, 403):
            return BackendAuthError(
                self.name, f"{where} refused the credentials ({status}){said}", status=status
            )
        if status == 429:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            return BackendRateLimited(self.name, f"{where} rate limited (429){said}", retry_after=retry_after)
        if status >= 500:
            return BackendUnavailable(self.name, f"{where} answered {status}{said}", status=status)
        return BackendRequestError(
            self.name,
            f"{where} answered {status}{said}",
            status=status,
            vendor_message=scrub(vendor, secrets) if vendor else None,
        )

    @property
    def healthy(self) -> bool:
        """Readiness without I/O: the breaker is closed and the last call, if any, went well."""
        return self.breaker.state is BreakerState.CLOSED and self.metrics.last_ok is not False


__all__ = ["USER_AGENT", "BackendClient"]
