"""Document measures: the counts Strawberry's limiters give, at a cost linear in the document's size."""

from __future__ import annotations

import sys

from graphql import FragmentDefinitionNode, GraphQLSchema, parse, validate
from hypothesis import given, settings, strategies as st
from strawberry.extensions.max_aliases import count_fields_with_alias
from strawberry.extensions.query_depth_limiter import create_validator

from gateway.graphql.document_measures import ALIAS_COUNT_CAP, measure


def measured(text: str) -> list[tuple[int, int, bool]]:
    return [(m.depth, m.aliases, m.introspective) for _, m in measure(parse(text)).operations]


def test_fields_inline_fragments_and_spreads_add_up() -> None:
    text = """
    query Page { shop { name ...Domain ... on Shop { x: name } } a: shop { id } }
    fragment Domain on Shop { primaryDomain { host h: url } }
    """

    assert measured(text) == [(2, 3, False)]


def test_schema_fields_do_not_count_toward_depth() -> None:
    assert measured("{ __schema { types { fields { type { name } } } } shop { name } }") == [(1, 0, True)]
    assert measured('{ ...Q } fragment Q on QueryRoot { __type(name: "Shop") { name } }') == [(0, 0, True)]
    assert measured("{ shop { __typename } }") == [(1, 0, False)]


def test_unknown_fragments_and_cycles_add_nothing() -> None:
    assert measured("{ shop { ...Missing name } }") == [(1, 0, False)]
    assert measured(
        "{ shop { ...A } } fragment A on Shop { a: name ...B } fragment B on Shop { b: name ...A ...B }"
    ) == [(1, 2, False)]


def test_alias_counts_stop_at_the_cap() -> None:
    fragments = " ".join(f"fragment F{i} on Shop {{ ...F{i + 1} ...F{i + 1} }}" for i in range(40))
    text = f"{{ shop {{ ...F0 }} }} {fragments} fragment F40 on Shop {{ a: name }}"

    assert measured(text) == [(1, ALIAS_COUNT_CAP, False)]


def test_a_long_chain_needs_no_recursion() -> None:
    length = 2 * sys.getrecursionlimit()
    fragments = " ".join(f"fragment F{i} on Shop {{ ...F{i + 1} }}" for i in range(length))
    text = f"{{ shop {{ ...F0 }} }} {fragments} fragment F{length} on Shop {{ primaryDomain {{ a: host }} }}"

    assert measured(text) == [(2, 1, False)]


# --- the same counts as Strawberry's limiters ----------------------------------------------------

SELECTIONS = [
    "name",
    "a: name",
    "__typename",
    "d: primaryDomain { h: host }",
    "__schema { types { n: name } }",
]


@st.composite
def acyclic_documents(draw: st.DrawFn) -> str:
    """Fragments that spread only later ones (Strawberry's limiters expand them: keep them small),
    nested fields, inline fragments and aliases, in one or two operations."""
    names = [f"F{i}" for i in range(draw(st.integers(1, 5)))]

    def selections(later: list[str], nesting: int) -> str:
        options: list[st.SearchStrategy[str]] = [st.sampled_from(SELECTIONS)]
        if later:
            options.append(st.sampled_from(later).map(lambda name: f"...{name}"))
        chosen = draw(st.lists(st.one_of(options), min_size=1, max_size=3))
        if nesting and draw(st.booleans()):
            chosen.append(f"... on Shop {{ {selections(later, nesting - 1)} }}")
        if nesting and draw(st.booleans()):
            chosen.append(f"{draw(st.sampled_from(['n', 'm']))}: node {{ {selections(later, nesting - 1)} }}")
        return " ".join(chosen)

    fragments = [
        f"fragment {name} on Shop {{ {selections(names[i + 1 :], 2)} }}" for i, name in enumerate(names)
    ]
    operations = [
        f"query Q{i} {{ shop {{ {selections(names, 2)} }} }}" for i in range(draw(st.integers(1, 2)))
    ]
    return " ".join(operations + fragments)


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(text=acyclic_documents())
def test_counts_match_strawberrys_limiters(composed_schema: GraphQLSchema, text: str) -> None:
    document = parse(text)
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    depths: dict[str, int] = {}
    validate(composed_schema, document, [create_validator(1_000, None, depths.update)])

    for operation, found in measure(document).operations:
        assert operation.name is not None
        assert found.depth == depths[operation.name.value]
        assert found.aliases == count_fields_with_alias(operation, fragments)
