"""`BackendClient`: the HTTP plumbing every connector shares (by holding one or subclassing it).

One `aiohttp.ClientSession` per backend, opened with the app and closed with it. Each attempt goes
through, in order: the circuit breaker (open: fail at once, no I/O), the concurrency cap, then the
exchange; idempotent calls get more attempts. One deadline bounds the whole call: waiting for a slot,
every attempt and the waits between them. The breaker and the cap apply per attempt, so a retry is
refused as soon as the breaker opens, and a call waiting out a backoff does not hold a slot.
A probe (`request(..., probe=True)`, what readiness checks send) takes none of that path: one attempt
on a session of its own, outside the breaker, the cap and the call counters.
Failures come out as the `BackendError` subclasses of `errors.py`, with messages that never quote a
token, a query string or a body.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import random
import time
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from types import TracebackType
from typing import Any, Self

import aiohttp
import orjson

from gateway.backends.http.breaker import BreakerState, CircuitBreaker, Ticket
from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendError,
    BackendRateLimited,
    BackendRequestError,
    BackendTimeout,
    BackendUnavailable,
    BreakerOpen,
)
from gateway.backends.http.metrics import MetricsRegistry
from gateway.backends.http.redaction import safe_path, scrub, sent_secrets
from gateway.backends.http.response import BackendResponse
from gateway.backends.http.retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from gateway.backends.http.settings import BackendSettings
from gateway.backends.http.vendor_message import vendor_message


def _version() -> str:
    try:
        return importlib.metadata.version("commerce-gateway")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


# Sent on every call, so a vendor's logs and support staff can tell the gateway's traffic apart.
USER_AGENT = f"commerce-gateway/{_version()}"
# Idle pooled sockets are dropped after this, before typical servers (15-75 s) close them under us.
KEEPALIVE_TIMEOUT_S = 10.0
# Backends rarely move; resolving once a minute is plenty and keeps DNS off the hot path.
DNS_CACHE_TTL_S = 60
# How much of an error response is read for the vendor's message; the rest is dropped unread.
ERROR_BODY_MAX_BYTES = 64 * 1024
# Read size while a successful body is checked against its cap.
BODY_CHUNK_BYTES = 64 * 1024
# Connections of the probe session: checks of one backend run one at a time, a round every few seconds.
PROBE_CONNECTIONS = 1

ParamValue = str | int | float
Params = Mapping[str, ParamValue] | Sequence[tuple[str, ParamValue]]
Sleep = Callable[[float], Awaitable[None]]


class BackendClient:
    """Base class of every connector: one backend, one session, resilience built in.

    Subclasses add one method per vendor operation, and may override `auth_headers` (credentials,
    fetched or refreshed per attempt), `vendor_message` (where the vendor puts its error text) and
    `check` (a real readiness probe).

    ```python
    class HubSpotClient(BackendClient):
        async def auth_headers(self) -> Mapping[str, str]:
            return {"Authorization": f"Bearer {self._token}"}

        async def contacts_by_email(self, emails: list[str]) -> dict[str, Any]:
            body = {"idProperty": "email", "inputs": [{"id": e} for e in emails]}
            response = await self.request(
                "POST", "/crm/v3/objects/contacts/batch/read", json=body, idempotent=True
            )
            return response.json_object()

    async with HubSpotClient(BackendSettings(name="hubspot", url=url)) as hubspot:
        contacts = await hubspot.contacts_by_email(["ada@example.com"])
    ```
    """

    def __init__(
        self,
        settings: BackendSettings,
        *,
        metrics: MetricsRegistry | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings
        self.service = settings.name
        registry = metrics if metrics is not None else MetricsRegistry()
        self._wall_clock = registry.wall_clock
        self.metrics = registry.backend(settings.name)
        self.breaker = CircuitBreaker(
            failures=settings.breaker_failures, reset_s=settings.breaker_reset_s, clock=clock
        )
        self.breaker.observe(self._on_breaker_change)
        self.metrics.breaker_state = self.breaker.state.value
        self.retry = RetryPolicy(
            retries=settings.retries,
            backoff_s=settings.retry_backoff_s,
            max_backoff_s=settings.retry_max_backoff_s,
            jitter=jitter,
        )
        self._sleep = sleep
        self._slots = asyncio.Semaphore(settings.max_concurrency)
        self._base_url = settings.url.rstrip("/")
        self._session: aiohttp.ClientSession | None = None
        self._probe_session: aiohttp.ClientSession | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    async def open(self) -> None:
        """Create the sessions and their connection pools (call once, in the app's lifespan)."""
        if self._session is not None:
            return
        self._session = self._new_session(self.settings.connection_limit)
        # Probes get a pool of their own: on the live pool a check would wait behind saturated live
        # traffic (and report a healthy backend as failing), or hold a connection a live call needs.
        self._probe_session = self._new_session(PROBE_CONNECTIONS)

    def _new_session(self, connections: int) -> aiohttp.ClientSession:
        settings = self.settings
        connector = aiohttp.TCPConnector(
            limit=connections,
            ttl_dns_cache=DNS_CACHE_TTL_S,
            keepalive_timeout=KEEPALIVE_TIMEOUT_S,
        )
        return aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(
                total=settings.timeout_s,
                connect=settings.connect_timeout_s,
                sock_connect=settings.connect_timeout_s,
            ),
            headers={"User-Agent": USER_AGENT},
            # One session serves every user of the gateway: a cookie a backend sets must not become
            # state shared between them. Connectors that need a session cookie send it explicitly.
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=False,
        )

    async def close(self) -> None:
        """Close the sessions and their pooled connections."""
        sessions = (self._session, self._probe_session)
        self._session = self._probe_session = None
        for session in sessions:
            if session is not None:
                await session.close()

    @property
    def name(self) -> str:
        """The backend's name (same as `service`)."""
        return self.service

    @property
    def healthy(self) -> bool:
        """Readiness without I/O: the breaker is not open and the last call, if any, went well."""
        return self.breaker.state is not BreakerState.OPEN and self.metrics.last_ok is not False

    @property
    def closed(self) -> bool:
        """Whether the client has no open session."""
        return self._session is None

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    # -- hooks for connectors --------------------------------------------------------------------

    async def auth_headers(self) -> Mapping[str, str]:
        """Credentials to send with every attempt; asked again before each retry, so may refresh."""
        return {}

    def vendor_message(self, response: BackendResponse) -> str | None:
        """The vendor's own short explanation in an error response, if it gave one."""
        return vendor_message(response)

    async def check(self) -> bool:
        """Readiness: the breaker is not open and the last call, if any, found the backend healthy.

        Passive by default (no I/O); a connector may override it with a cheap real call.
        """
        return self.healthy

    # -- calls -----------------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        timeout_s: float | None = None,
        allow_statuses: Collection[int] = (),
        probe: bool = False,
        max_bytes: int | None = None,
    ) -> BackendResponse:
        """Call the backend and return its answer, read in full, or raise a `BackendError`.

        `path` is appended to the backend's URL. `content` is a body sent as it is (a form a
        client posted, passed on), with the Content-Type the caller puts in `headers`. `idempotent` overrides what the method implies
        (a GraphQL query or a search over POST is a read: pass True). `timeout_s` is the whole
        call's budget, queueing and retries included. Answers with a status in `allow_statuses`
        are returned instead of raised (a connector that treats 404 as "absent", say).
        A successful answer larger than `max_bytes` (the backend's `max_response_bytes` unless
        given) is a `BackendBadResponse`, read no further than the cap.

        `probe=True` is for readiness checks: one attempt, on the probe session, that neither asks
        nor tells the circuit breaker, takes no concurrency slot and is not counted in `metrics`.
        Checks run on a timer whatever live traffic does: counted with the breaker, a few failed
        rounds against a down backend would open it for live calls, and a passing one would close
        it behind the half-open probe's back; queued on the cap, a check would wait behind live
        calls, or take a slot from them.
        """
        session = self._probe_session if probe else self._session
        if session is None:
            raise RuntimeError(f"{self.service}: BackendClient.open() was not called")
        method = method.upper()
        # Joined by hand, not with aiohttp's base_url: a vendor URL with a path prefix keeps it.
        path = "/" + path.lstrip("/")
        call = _Call(
            method=method,
            path=safe_path(path),
            url=self._base_url + path,
            body=orjson.dumps(json) if json is not None else content,
            params=list(params.items()) if isinstance(params, Mapping) else list(params or ()),
            headers=dict(headers or {}),
            budget_s=timeout_s if timeout_s is not None else self.settings.timeout_s,
            allow_statuses=allow_statuses,
            idempotent=idempotent,
            max_bytes=max_bytes if max_bytes is not None else self.settings.max_response_bytes,
        )
        if probe:
            return await self._probe(session, call)
        loop = asyncio.get_running_loop()
        started = loop.time()
        self.metrics.calls += 1
        try:
            response = await self._call_with_retries(session, call, deadline=started + call.budget_s)
        except BackendError as error:
            self._count_failure(error, loop.time() - started)
            raise
        self._count_success(loop.time() - started)
        return response

    async def _call_with_retries(
        self, session: aiohttp.ClientSession, call: _Call, *, deadline: float
    ) -> BackendResponse:
        loop = asyncio.get_running_loop()
        attempts = self.retry.attempts(call.method, call.idempotent)
        failure: BackendError | None = None
        for attempt in range(1, attempts + 1):
            ticket = self.breaker.admit()
            if ticket is None:
                # A retry the breaker refuses: the failure that led to it says more than "open".
                raise failure or BreakerOpen(self.service, f"{call.where}: circuit breaker open, not called")
            retry_after: float | None = None
            try:
                response = await self._attempt(session, call, ticket, deadline=deadline)
            except (BackendTimeout, BackendUnavailable) as error:
                failure = error
            else:
                if response.status < 300 or response.status in call.allow_statuses:
                    if response.declares_json and response.status != 204:
                        response.json()  # garbage under a JSON content type fails here, not later
                    return response
                failure = self._error_for(response, call)
                if response.status not in RETRYABLE_STATUSES:
                    raise failure
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if attempt == attempts:
                break
            delay = self.retry.delay(attempt, retry_after=retry_after, remaining_s=deadline - loop.time())
            if delay is None:
                break
            self.metrics.retries += 1
            await self._sleep(delay)
        assert failure is not None
        raise failure

    async def _probe(self, session: aiohttp.ClientSession, call: _Call) -> BackendResponse:
        """One exchange on the probe session, outside the breaker, the cap and the counters."""
        deadline = asyncio.get_running_loop().time() + call.budget_s
        response = await self._exchange(session, call, await self._headers_for(call), deadline=deadline)
        if response.status < 300 or response.status in call.allow_statuses:
            if response.declares_json and response.status != 204:
                response.json()
            return response
        raise self._error_for(response, call)

    async def _attempt(
        self, session: aiohttp.ClientSession, call: _Call, ticket: Ticket, *, deadline: float
    ) -> BackendResponse:
        """One exchange in a slot, recorded with the breaker; raises timeouts and transport errors."""
        metrics = self.metrics
        try:
            async with asyncio.timeout_at(deadline):
                metrics.waiting += 1
                try:
                    await self._slots.acquire()
                finally:
                    metrics.waiting -= 1
        except TimeoutError:
            # Queued behind our own calls: says nothing about the backend's health.
            self.breaker.record(ticket, ok=None)
            raise BackendTimeout(
                self.service, f"{call.where}: no free slot within {call.budget_s:g}s (concurrency cap)"
            ) from None
        except BaseException:
            self.breaker.record(ticket, ok=None)
            raise
        metrics.in_flight += 1
        metrics.attempts += 1
        ok: bool | None = None
        try:
            headers = await self._headers_for(call)
            try:
                response = await self._exchange(session, call, headers, deadline=deadline)
            except (BackendTimeout, BackendUnavailable, BackendBadResponse):
                ok = False
                raise
            metrics.statuses[response.status] += 1
            ok = response.status < 500
            return response
        finally:
            metrics.in_flight -= 1
            self._slots.release()
            self.breaker.record(ticket, ok=ok)

    async def _headers_for(self, call: _Call) -> dict[str, str]:
        """The attempt's headers, credentials first; notes what in them must never reach a message."""
        headers = {**(await self.auth_headers()), **call.headers}
        call.secrets = sent_secrets(headers, call.params)
        if call.body is not None:
            headers.setdefault("Content-Type", "application/json")
        return headers

    async def _exchange(
        self, session: aiohttp.ClientSession, call: _Call, headers: Mapping[str, str], *, deadline: float
    ) -> BackendResponse:
        """Send the call once and read the answer; timeouts and transport failures become `BackendError`s."""
        loop = asyncio.get_running_loop()
        try:
            remaining = max(deadline - loop.time(), 0.001)
            connect = min(self.settings.connect_timeout_s, remaining)
            timeout = aiohttp.ClientTimeout(total=remaining, connect=connect, sock_connect=connect)
            async with (
                asyncio.timeout_at(deadline),
                session.request(
                    call.method,
                    call.url,
                    data=call.body,
                    params=call.params,
                    headers=headers,
                    allow_redirects=False,
                    timeout=timeout,
                ) as raw,
            ):
                # Leaving this block releases the connection even when the body is left unread
                # (a huge error page): a retry must never wait for a socket its predecessor holds.
                body = (
                    await _read_capped(raw, call, self.service)
                    if raw.status < 300
                    else await _read_prefix(raw)
                )
                return BackendResponse(
                    service=self.service,
                    method=call.method,
                    path=call.path,
                    status=raw.status,
                    headers=raw.headers,
                    body=body,
                )
        except TimeoutError:
            if loop.time() >= deadline:
                raise BackendTimeout(
                    self.service, f"{call.where}: no answer within {call.budget_s:g}s"
                ) from None
            raise BackendTimeout(
                self.service, f"{call.where}: no connection within {self.settings.connect_timeout_s:g}s"
            ) from None
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as exc:
            # The exception's text may quote the URL; its type says enough.
            raise BackendUnavailable(
                self.service, f"{call.where}: connection failed ({type(exc).__name__})"
            ) from None
        except aiohttp.ClientError as exc:
            raise BackendBadResponse(
                self.service, f"{call.where}: unreadable HTTP answer ({type(exc).__name__})"
            ) from None

    # -- mapping and counting --------------------------------------------------------------------

    def _error_for(self, response: BackendResponse, call: _Call) -> BackendError:
        status = response.status
        message = self.vendor_message(response)
        said = f": {scrub(message, call.secrets)}" if message else ""
        where = call.where
        if status == 429:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            return BackendRateLimited(
                self.service, f"{where}: rate limited (429){said}", retry_after=retry_after
            )
        if status in (401, 403):
            return BackendAuthError(
                self.service, f"{where}: credentials refused ({status}){said}", status=status
            )
        if status >= 500:
            return BackendUnavailable(self.service, f"{where}: server error ({status}){said}", status=status)
        if status >= 400:
            return BackendRequestError(
                self.service,
                f"{where}: request refused ({status}){said}",
                status=status,
                vendor_message=scrub(message, call.secrets) if message else None,
            )
        return BackendBadResponse(self.service, f"{where}: redirected ({status}); redirects are not followed")

    def _count_success(self, seconds: float) -> None:
        metrics = self.metrics
        metrics.successes += 1
        metrics.last_ok = True
        metrics.last_success_at = self._wall_clock()
        metrics.observe_latency(seconds)

    def _count_failure(self, error: BackendError, seconds: float) -> None:
        metrics = self.metrics
        metrics.failures[error.code] += 1
        if isinstance(error, BreakerOpen):
            return  # no I/O happened: neither a latency nor news about the backend
        metrics.observe_latency(seconds)
        metrics.last_ok = not error.unhealthy
        if error.unhealthy:
            metrics.last_failure_at = self._wall_clock()
            metrics.last_error = str(error)

    def _on_breaker_change(self, old: BreakerState, new: BreakerState) -> None:
        self.metrics.breaker_state = new.value
        if new is BreakerState.OPEN:
            self.metrics.breaker_opened += 1


class _Call:
    """What one `request()` carries from attempt to attempt."""

    __slots__ = (
        "allow_statuses",
        "body",
        "budget_s",
        "headers",
        "idempotent",
        "max_bytes",
        "method",
        "params",
        "path",
        "secrets",
        "url",
        "where",
    )

    def __init__(
        self,
        *,
        method: str,
        path: str,
        url: str,
        body: bytes | None,
        params: list[tuple[str, ParamValue]],
        headers: dict[str, str],
        budget_s: float,
        allow_statuses: Collection[int],
        max_bytes: int,
        idempotent: bool | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.where = f"{method} {path}"
        self.url = url
        self.body = body
        self.params = params
        self.headers = headers
        self.budget_s = budget_s
        self.allow_statuses = allow_statuses
        self.idempotent = idempotent
        self.max_bytes = max_bytes
        self.secrets: list[str] = []


async def _read_capped(response: aiohttp.ClientResponse, call: _Call, service: str) -> bytes:
    """The whole body, or `BackendBadResponse` as soon as it proves larger than the call's cap.

    A declared length over the cap is refused before any of the body is read; without one (chunked,
    or compressed: the cap is on the decoded bytes) reading stops at the first chunk beyond it.
    """
    cap = call.max_bytes
    too_large = BackendBadResponse(
        service, f"{call.where}: answer larger than the {cap:,} bytes allowed (max_response_bytes)"
    )
    if response.content_length is not None and response.content_length > cap:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(BODY_CHUNK_BYTES):
        size += len(chunk)
        if size > cap:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


async def _read_prefix(response: aiohttp.ClientResponse) -> bytes:
    """At most ERROR_BODY_MAX_BYTES of the body: enough for a vendor's message, bounded for a dump."""
    chunks: list[bytes] = []
    size = 0
    while size < ERROR_BODY_MAX_BYTES:
        chunk = await response.content.read(ERROR_BODY_MAX_BYTES - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


__all__ = [
    "DNS_CACHE_TTL_S",
    "ERROR_BODY_MAX_BYTES",
    "KEEPALIVE_TIMEOUT_S",
    "PROBE_CONNECTIONS",
    "USER_AGENT",
    "BackendClient",
    "ParamValue",
    "Params",
]
