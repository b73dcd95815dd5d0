"""Hostile request shapes, as an attacker or a broken client would send them."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,12}", fullmatch=True)
COUNTRIES = st.sampled_from(["FR", "DE", "US", "ZZ", "fr", "", "FRANCE", "$x", "null", "1"])


@st.composite
def fragment_graphs(draw: st.DrawFn) -> str:
    """Fragments spreading each other: fan-outs, cycles, self spreads, unknown names."""
    count = draw(st.integers(1, 40))
    names = [f"F{i}" for i in range(count)]
    unknown = draw(st.lists(NAMES, max_size=3))
    fragments = []
    for name in names:
        spreads = draw(
            st.lists(st.sampled_from(names + unknown) if unknown else st.sampled_from(names), max_size=4)
        )
        body = " ".join(f"...{spread}" for spread in spreads) or "name"
        fragments.append(f"fragment {name} on Shop {{ {body} }}")
    root = draw(st.sampled_from(names + unknown)) if unknown else names[0]
    return f"{{ shop {{ ...{root} }} }} " + " ".join(fragments)


@st.composite
def floods(draw: st.DrawFn) -> str:
    """Many aliases, many directives, or one field repeated."""
    count = draw(st.integers(1, 5_000))
    kind = draw(st.sampled_from(["alias", "directive", "repeat"]))
    if kind == "alias":
        return "{ shop { " + " ".join(f"a{i}: name" for i in range(count)) + " } }"
    if kind == "directive":
        return "{ shop { name " + "@include(if: true) " * count + "} }"
    return "{ shop { " + "name " * count + "} }"


@st.composite
def deep_nesting(draw: st.DrawFn) -> str:
    depth = draw(st.integers(1, 400))
    inner = "title"
    for _ in range(depth):
        inner = f"collections(first: 2) {{ nodes {{ products(first: 2) {{ nodes {{ {inner} }} }} }} }}"
    return f"{{ products(first: 2) {{ nodes {{ {inner} }} }} }}"


@st.composite
def bogus_arguments(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """Ids, cursors, handles and @inContext values no storefront would send."""
    junk = st.one_of(
        st.text(max_size=300),
        st.integers(10_000, 60_000).map(lambda size: "é" * size),
        st.sampled_from(
            ["gid://shopify/Product/-1", "gid://other/Thing/1", "Z2lkOi8v", "%00", "\u202e", "' OR 1=1"]
        ),
    )
    country = draw(COUNTRIES)
    query = draw(
        st.sampled_from(
            [
                "query($v: ID!) { node(id: $v) { id } }",
                "query($v: [ID!]!) { nodes(ids: $v) { id } }",
                "query($v: String) { products(first: 3, after: $v) { nodes { handle } } }",
                "query($v: String!) { product(handle: $v) { title } }",
                "query($v: String!) { search(query: $v, first: 5) { totalCount } }",
                "query($v: Int) { products(first: $v) { nodes { handle } } }",
            ]
        )
    )
    value = draw(
        st.one_of(junk, st.integers(-(2**70), 2**70), st.lists(junk, max_size=300), st.none(), st.booleans())
    )
    if country and draw(st.booleans()):
        query = query.replace(") {", f") @inContext(country: {country}) {{", 1)
    return query, {"v": value}


@st.composite
def wrong_variables(draw: st.DrawFn) -> tuple[str, Any]:
    """Variables of the wrong type, shape or encoding."""
    values = st.recursive(
        st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=40) | st.integers(),
        lambda children: (
            st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=5), children, max_size=5)
        ),
        max_leaves=20,
    )
    variables = draw(st.one_of(values, st.dictionaries(NAMES, values, max_size=5)))
    return (
        "query($first: Int!, $handle: String!) { products(first: $first) { nodes { handle } } product(handle: $handle) { id } }",
        variables,
    )


def body_of(query: str, variables: Any = None) -> bytes:
    return json.dumps({"query": query, "variables": variables}).encode()


RAW_BODIES = st.one_of(
    st.binary(max_size=2_000),
    st.sampled_from(
        [b"\xff\xfe{", b'{"query": "\xc3\x28"}', b"[]", b"null", b'{"query": 1}', b'{"query": "{"}']
    ),
    st.text(max_size=200).map(lambda text: json.dumps({"query": text}).encode()),
)
"""Bodies that are not JSON, not UTF-8, or not a GraphQL request."""

__all__ = [
    "RAW_BODIES",
    "body_of",
    "bogus_arguments",
    "deep_nesting",
    "floods",
    "fragment_graphs",
    "wrong_variables",
]
