"""A loopback backend that answers garbage where a good answer was, and the kinds of garbage it serves.

`GarbageServer` answers each route with a good answer, either saved (a recording) or fetched from
the real vendor emulator it stands in front of, then spoiled by the `Spoil` set for that route:

- `mutations(name, good, read)` walks a good answer and changes one node the connector reads into a value
  of another JSON type at a time: null where an object is, a string, a list, a number, a boolean;
- `replaced(edit)` serves an edited answer (`{"_embedded": null}`, a quantity of 3e9 or NaN: the
  JSON is written with Python's `json`, which writes NaN and Infinity as bare words, as some
  servers do), `truncated()` its first half, `not_json()` a proxy's error page, and `oversized(n)`
  a valid JSON document of at least `n` bytes, streamed without a length.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

Spoil = Callable[[web.Request, Any], Awaitable[web.StreamResponse]]
"""Turns the route's good answer (parsed JSON) into what is served instead."""

Path = tuple[str | int, ...]
Pattern = tuple[str | int, ...]
"""A path in a JSON document where `"*"` stands for any key or index."""

REPLACEMENTS: dict[str, Any] = {
    "null": None,
    "true": True,
    "false": False,
    "number": 12345,
    "string": "garbage",
    "array": [{}],
    "object": {"garbage": True},
}
"""One value per JSON kind, put where a node of another kind was."""

FORWARDED_HEADERS = ("Authorization", "Content-Type", "X-Odoo-Database")


def kind_of(value: Any) -> str:
    """The JSON kind of a parsed value, booleans apart (Odoo's `false` is a value of its own)."""
    if value is None:
        return "null"
    if value is True or value is False:
        return str(value).lower()
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _label(path: Path) -> str:
    text = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)
    return text.lstrip(".") or "the answer"


@dataclass(frozen=True, slots=True)
class Mutation:
    """One node of a good answer changed into a value of another JSON kind."""

    answer: str
    """The answer's name (which route serves it)."""
    path: Path
    kind: str

    @property
    def id(self) -> str:
        return f"{self.answer}:{_label(self.path)}={self.kind}"

    def apply(self, good: Any) -> Any:
        if not self.path:
            return copy.deepcopy(REPLACEMENTS[self.kind])
        spoiled = copy.deepcopy(good)
        *parents, last = self.path
        node = spoiled
        for step in parents:
            node = node[step]
        node[last] = copy.deepcopy(REPLACEMENTS[self.kind])
        return spoiled


def _matches(path: Path, pattern: Pattern) -> bool:
    return len(path) == len(pattern) and all(p in ("*", step) for step, p in zip(path, pattern, strict=True))


def _nodes(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _nodes(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _nodes(child, (*path, index))


def mutations(answer: str, good: Any, read: Mapping[Pattern, frozenset[str]]) -> list[Mutation]:
    """Every node of `good` the connector reads, changed into each JSON kind the vendor never sends there.

    `read` names the nodes the connector reads (the objects and lists on the way to them are read
    too) and, for each, the kinds the vendor legitimately sends there besides the node's own (Akeneo's
    null locale, Odoo's `false`). Fails when a pattern matches no node: the good answer must show
    every field the connector reads, or the mutations would miss it.
    """
    nodes = list(_nodes(good))
    unmatched = [p for p in read if not any(_matches(path, p) for path, _ in nodes)]
    assert not unmatched, f"{answer}: no node at {unmatched}"
    found = []
    for path, node in nodes:
        on_the_way = [p for p in read if len(p) >= len(path) and _matches(path, p[: len(path)])]
        if not on_the_way:
            continue
        legit = {kind_of(node)}.union(*(read[p] for p in on_the_way if len(p) == len(path)))
        found += [Mutation(answer, path, kind) for kind in REPLACEMENTS if kind not in legit]
    return found


# --- spoils ------------------------------------------------------------------------------------------


def mutated(mutation: Mutation) -> Spoil:
    async def spoil(request: web.Request, good: Any) -> web.StreamResponse:
        return web.json_response(mutation.apply(good))

    return spoil


def replaced(edit: Callable[[Any], Any]) -> Spoil:
    """The good answer through `edit` (given a copy); NaN and Infinity are written as bare words."""

    async def spoil(request: web.Request, good: Any) -> web.StreamResponse:
        return web.json_response(edit(copy.deepcopy(good)))

    return spoil


def truncated() -> Spoil:
    """The first half of the good answer, as if the connection dropped mid-body behind a proxy."""

    async def spoil(request: web.Request, good: Any) -> web.StreamResponse:
        text = json.dumps(good)
        return web.Response(text=text[: len(text) // 2], content_type="application/json")

    return spoil


def not_json(content_type: str = "application/json") -> Spoil:
    """A proxy's error page, declared as `content_type`, with a success status."""

    async def spoil(request: web.Request, good: Any) -> web.StreamResponse:
        return web.Response(text="<html><body>502 Bad Gateway</body></html>", content_type=content_type)

    return spoil


def oversized(size: int, chunk: int = 64 * 1024) -> Spoil:
    """A valid JSON document of at least `size` bytes, streamed in chunks without a Content-Length."""

    async def spoil(request: web.Request, good: Any) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):  # the client may stop reading, as it should
            await response.write(b'{"padding": "')
            for _ in range(size // chunk + 1):
                await response.write(b"x" * chunk)
            await response.write(b'"}')
            await response.write_eof()
        return response

    return spoil


# --- the server -------------------------------------------------------------------------------------


@dataclass
class GarbageServer:
    """Answers each route with its good answer, spoiled by the route's `Spoil` if it has one.

    Good answers come from `answers` (keyed by path, or `path?page=N` for one page of a list), or
    else from the emulator at `upstream`, to which the request is forwarded as it came. Spoils are
    keyed like the answers they spoil; a forwarded error answer is passed on unspoiled.
    """

    url: str = ""
    upstream: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    spoils: dict[str, Spoil] = field(default_factory=dict)
    http: aiohttp.ClientSession | None = None

    def serve(self, answers: Mapping[str, Any], spoils: Mapping[str, Spoil] | None = None) -> None:
        """Good answers by route, and the routes to spoil (replacing what was set before)."""
        self.answers = dict(answers)
        self.spoils = dict(spoils or {})

    def spoil(self, path: str, spoil: Spoil) -> None:
        self.spoils[path] = spoil

    def heal(self) -> None:
        """Good answers everywhere from now on."""
        self.spoils.clear()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        paged = f"{request.path}?page={request.query.get('page')}"
        saved = paged if paged in self.answers else request.path
        if saved in self.answers:
            status, good = 200, self.answers[saved]
        else:
            forwarded = await self._forward(request)
            if isinstance(forwarded, web.Response):
                return forwarded
            status, good = forwarded
        spoil = self.spoils.get(saved)
        if spoil is None or status >= 300:
            return web.json_response(good, status=status)
        return await spoil(request, good)

    async def _forward(self, request: web.Request) -> tuple[int, Any] | web.Response:
        """The emulator's answer: parsed when it is JSON, else passed through as it is."""
        assert self.upstream is not None, f"no answer for {request.path}"
        assert self.http is not None
        headers = {name: request.headers[name] for name in FORWARDED_HEADERS if name in request.headers}
        async with self.http.request(
            request.method,
            self.upstream + request.path,
            params=request.query,
            headers=headers,
            data=await request.read(),
        ) as response:
            body = await response.read()
            if response.content_type != "application/json":
                return web.Response(body=body, status=response.status, content_type=response.content_type)
            return response.status, json.loads(body)


@contextlib.asynccontextmanager
async def garbage_server(upstream: str | None = None) -> AsyncIterator[GarbageServer]:
    """A running server; with `upstream`, routes without a saved answer are fetched from there."""
    server = GarbageServer(upstream=upstream)
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", server.handle)
    async with TestServer(app, host="127.0.0.1") as running, aiohttp.ClientSession() as http:
        server.url = str(running.make_url("")).rstrip("/")
        server.http = http
        yield server


__all__ = [
    "REPLACEMENTS",
    "GarbageServer",
    "Mutation",
    "Pattern",
    "Spoil",
    "garbage_server",
    "kind_of",
    "mutated",
    "mutations",
    "not_json",
    "oversized",
    "replaced",
    "truncated",
]
