"""The document layer: spec errors for broken fragments, limits linear in size, a cache bounded in bytes.

Hostile documents are sent over HTTP to the real gateway on both GraphQL paths and must get a
GraphQL answer (never a 5xx); the cache's bounds are checked on the cache itself, with the
catalog schema and the gateway's rules.
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from graphql import GraphQLSchema, parse
from hypothesis import HealthCheck, given, settings, strategies as st

from gateway.graphql.document_measures import measure
from gateway.graphql.documents import TOKEN_BYTES, DocumentCache, Limits
from tests.harness import Gateway

API = "/api/2026-04/graphql.json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
PATHS = ["/graphql", API]
MIB = 1024 * 1024


def fan_out(levels: int, leaf: str = "name") -> str:
    """Each fragment spreads the next twice: 2^(levels-1) expansions in a few hundred bytes."""
    fragments = [f"fragment F{i} on Shop {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels - 1)]
    return " ".join(["{ shop { ...F0 } }", *fragments, f"fragment F{levels - 1} on Shop {{ {leaf} }}"])


async def post(gateway: Gateway, path: str, query: str, accept: str) -> tuple[int, dict[str, Any]]:
    async with gateway.http.post(
        f"{gateway.url}{path}", json={"query": query}, headers={"Accept": accept}
    ) as response:
        text = await response.text()
        assert response.status < 500, text[:500]
        assert response.content_type == accept, text[:500]
        body: dict[str, Any] = json.loads(text)
        return response.status, body


def limits(**overrides: Any) -> Limits:
    values: dict[str, Any] = {
        "max_tokens": 5_000,
        "max_depth": 15,
        "max_aliases": 30,
        "introspection": True,
        "cache_bytes": 32 * MIB,
    }
    return Limits(**{**values, **overrides})


# --- fragments that spread each other ------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("levels", [22, 60])
async def test_fragment_fan_out_is_answered(gateway: Gateway, levels: int, path: str) -> None:
    status, body = await post(gateway, path, fan_out(levels), GRAPHQL_RESPONSE)

    assert status == 200, body
    assert body["data"]["shop"]["name"]


@pytest.mark.parametrize("levels", [22, 60])
def test_limits_visit_each_selection_at_most_twice(composed_schema: GraphQLSchema, levels: int) -> None:
    text = fan_out(levels)
    selections = 2 + 2 * (levels - 1) + 1  # `shop`, `...F0`, two spreads a fragment, the leaf

    measures = measure(parse(text))

    assert measures.visits <= 2 * selections <= len(text)
    assert [(m.depth, m.aliases, m.introspective) for _, m in measures.operations] == [(1, 0, False)]
    assert DocumentCache(composed_schema, limits()).get(text).errors == ()


def test_aliases_multiplied_by_spreads_are_refused(composed_schema: GraphQLSchema) -> None:
    document = DocumentCache(composed_schema, limits()).get(fan_out(22, leaf="a: name"))

    assert [error.message for error in document.errors] == ["At least 1000000 aliases found. Allowed: 30"]


def test_depth_through_fragments_is_refused(composed_schema: GraphQLSchema) -> None:
    # Three levels a fragment, each fragment spread twice: 1 + 4 × 3 = 13 levels in all.
    fragments = [
        f"fragment P{i} on Product {{ variants(first: 1) {{ nodes {{ product {{ ...P{i + 1} ...P{i + 1} }} }} }} }}"
        for i in range(4)
    ]
    text = " ".join(['{ product(handle: "x") { ...P0 } }', *fragments, "fragment P4 on Product { title }"])

    document = DocumentCache(composed_schema, limits(max_depth=12)).get(text)

    assert [error.message for error in document.errors] == [
        "'anonymous' exceeds maximum operation depth of 12"
    ]
    assert DocumentCache(composed_schema, limits(max_depth=13)).get(text).errors == ()


BROKEN_FRAGMENTS = [
    ("{ shop { ...Missing } }", "Unknown fragment 'Missing'."),
    (
        "{ shop { ...A } } fragment A on Shop { ...B } fragment B on Shop { ...A }",
        "Cannot spread fragment 'A' within itself via 'B'.",
    ),
    ("{ shop { ...A } } fragment A on Shop { name ...A }", "Cannot spread fragment 'A' within itself."),
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("query", "message"), BROKEN_FRAGMENTS)
async def test_broken_fragments_are_validation_errors(
    gateway: Gateway, path: str, query: str, message: str
) -> None:
    for accept, expected_status in ((GRAPHQL_RESPONSE, 400), ("application/json", 200)):
        status, body = await post(gateway, path, query, accept)

        assert status == expected_status
        assert "data" not in body
        assert message in [error["message"] for error in body["errors"]]


# --- the cache -----------------------------------------------------------------------------------


def padded(index: int, size: int) -> str:
    """A distinct valid document of about `size` bytes, almost all of it a comment."""
    return f"# {index} {'x' * size}\n{{ shop {{ name }} }}"


def dense(index: int, aliases: int) -> str:
    """A distinct valid document with few bytes and many tokens (three an alias)."""
    return "{ shop { " + " ".join(f"a{index}_{i}: name" for i in range(aliases)) + " } }"


@pytest.fixture
def traced() -> Iterator[Callable[[], int]]:
    """Bytes allocated since the fixture started and still alive, as tracemalloc counts them."""
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]

    def held() -> int:
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - start

    yield held
    tracemalloc.stop()


def test_distinct_large_documents_stay_within_the_budget(
    composed_schema: GraphQLSchema, traced: Callable[[], int]
) -> None:
    cache = DocumentCache(composed_schema, limits(cache_bytes=4 * MIB))

    for index in range(40):
        assert cache.get(padded(index, 500_000)).errors == ()
        assert cache.held_bytes <= 4 * MIB

    assert 0 < len(cache) < 40
    assert traced() < 6 * MIB  # 40 documents of 500 KB were 20 MB


def test_tokens_count_toward_the_budget(composed_schema: GraphQLSchema) -> None:
    cache = DocumentCache(composed_schema, limits(cache_bytes=4 * MIB, max_aliases=1_000))
    tokens = 3 * 1_000 + 5 + 2  # three an alias, the braces and `shop`, the start and the end

    cache.get(dense(0, 1_000))
    assert cache.held_bytes >= tokens * TOKEN_BYTES
    for index in range(1, 10):
        cache.get(dense(index, 1_000))

    assert cache.held_bytes <= 4 * MIB
    assert len(cache) == 2  # by their text alone (16 KB each), all ten would fit


def test_failed_parses_are_not_kept(composed_schema: GraphQLSchema, traced: Callable[[], int]) -> None:
    cache = DocumentCache(composed_schema, limits())

    first = cache.get(f"{padded(0, 500_000)} {{")
    for index in range(1, 20):
        assert cache.get(f"{padded(index, 500_000)} {{").node is None

    assert len(cache) == 0
    assert cache.held_bytes == 0
    assert cache.get(f"{padded(0, 500_000)} {{") is not first  # parsed again: nothing of it was kept
    del first
    assert traced() < 2 * MIB  # 20 texts of 500 KB were 10 MB


def test_a_document_over_the_budget_is_answered_not_kept(composed_schema: GraphQLSchema) -> None:
    cache = DocumentCache(composed_schema, limits(cache_bytes=MIB))
    cache.get("{ shop { name } }")

    assert cache.get(padded(0, 2 * MIB)).errors == ()
    assert len(cache) == 1


def test_entries_are_bounded_and_reused(composed_schema: GraphQLSchema) -> None:
    cache = DocumentCache(composed_schema, limits(), size=3)
    texts = [f"{{ shop {{ name }} }} # {index}" for index in range(5)]

    first = [cache.get(text) for text in texts]

    assert len(cache) == 3
    assert cache.get(texts[4]) is first[4]
    assert cache.get(texts[0]) is not first[0]


# --- generated fragment graphs -------------------------------------------------------------------

NAMES = [f"F{i}" for i in range(8)]
UNKNOWN = ["Missing", "Gone"]
FIELDS = ["name", "id", "__typename", "primaryDomain { host }"]


@st.composite
def fragment_documents(draw: st.DrawFn) -> str:
    """Fragments on Shop spreading each other: forward only (a fan-out that may be valid) or
    anywhere (cycles, self spreads, unknown names); alias floods, inline fragments, a deep
    selection and an introspection field beside them."""
    names = NAMES[: draw(st.integers(1, len(NAMES)))]
    anywhere = draw(st.booleans())

    def body(index: int) -> str:
        forward = names[index + 1 :]
        targets = names + UNKNOWN if anywhere else forward
        spread = st.sampled_from(targets).map(lambda name: f"...{name}") if targets else st.just("name")
        selection = st.one_of(
            spread,
            spread.map(lambda s: f"... on Shop {{ {s} }}"),
            st.sampled_from(FIELDS),
            st.integers(1, 40).map(lambda n: " ".join(f"a{i}: name" for i in range(n))),
        )
        chain = [f"...{forward[0]}"] if forward else []  # every fragment is spread
        return " ".join(chain + draw(st.lists(selection, min_size=1, max_size=4)))

    fragments = [f"fragment {name} on Shop {{ {body(index)} }}" for index, name in enumerate(names)]
    deep = "title"
    for _ in range(draw(st.integers(0, 40))):  # past about 30, too deep for graphql-core's parser
        deep = f"variants(first: 1) {{ nodes {{ product {{ {deep} }} }} }}"
    extra = "" if deep == "title" else f' product(handle: "x") {{ {deep} }}'
    if draw(st.booleans()):
        extra += ' __type(name: "Shop") { name fields { type { ofType { name } } } }'
    root = draw(st.sampled_from([names[0], *UNKNOWN])) if anywhere else names[0]
    return f"{{ shop {{ ...{root} }}{extra} }} " + " ".join(fragments)


GENERATED = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@GENERATED
@given(text=fragment_documents())
def test_generated_documents_never_fail_the_cache(composed_schema: GraphQLSchema, text: str) -> None:
    document = DocumentCache(composed_schema, limits()).get(text)

    if document.node is None:  # nested past what graphql-core parses
        assert [error.message for error in document.errors] == [
            "Syntax Error: Document is nested too deeply. Parsing aborted."
        ]
    else:
        assert measure(document.node).visits <= len(text)


@GENERATED
@given(text=fragment_documents())
async def test_generated_documents_are_answered(gateway: Gateway, text: str) -> None:
    status, body = await post(gateway, "/graphql", text, GRAPHQL_RESPONSE)

    assert (status, "data" in body) in ((200, True), (400, False)), body
