"""What the gateway's limits look at in a document: depth, aliases, and questions about the schema.

Fragments make a document a graph, not a tree: `fragment F0 on Shop { ...F1 ...F1 }` spreads F1
twice, and twenty such levels describe a million fields in a few hundred bytes. Walking every
spread where it occurs costs as much as that expansion, so each definition's own selections are
walked once, and the fragments are then measured in dependency order, each from the measures of
the fragments it spreads: the work is linear in the document's size, however often a fragment is
spread.

The measures count like Strawberry's `QueryDepthLimiter` and `MaxAliasesLimiter`, which they
replace: depth is the nesting of fields that have selections, not counting fields of the schema's
own (`__schema`, `__type`) and what is under them; every alias counts once per place it ends up
in, so a fragment's aliases count once per spread of it. Unknown fragments and spreads that come
back to a fragment being measured (a cycle) add nothing: graphql-core's validation rejects those
documents, and the measures must not fail on them either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

ALIAS_COUNT_CAP = 1_000_000
"""Alias counts stop growing here: spreads multiply, and no limit needs to tell a million from more."""


@dataclass(frozen=True, slots=True)
class Measure:
    """One operation's (or fragment's) measures, with every fragment it spreads expanded."""

    depth: int
    aliases: int
    """Capped at ALIAS_COUNT_CAP."""
    introspective: bool
    """Whether it selects a field of the schema's own (`__schema`, `__type`; `__typename` is data)."""


@dataclass(frozen=True, slots=True)
class Measures:
    operations: tuple[tuple[OperationDefinitionNode, Measure], ...]
    visits: int
    """Selections walked plus spreads combined: at most twice the selections the document holds."""

    @property
    def introspective(self) -> bool:
        return any(measure.introspective for _, measure in self.operations)


@dataclass(slots=True)
class _Own:
    """A definition's own selections, fragments not expanded."""

    depth: int = 0
    aliases: int = 0
    introspective: bool = False
    spreads: list[tuple[str, int | None]] = field(default_factory=list)
    """Each spread's fragment and the depth it sits at (None: under a field that does not count)."""


def measure(document: DocumentNode) -> Measures:
    visits = 0
    fragments: dict[str, _Own] = {}
    operations: list[tuple[OperationDefinitionNode, _Own]] = []
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode | OperationDefinitionNode):
            own, walked = _walk(definition.selection_set)
            visits += walked
            if isinstance(definition, FragmentDefinitionNode):
                fragments.setdefault(definition.name.value, own)  # a repeated name: validation says so
            else:
                operations.append((definition, own))
    measured, combined = _measure_fragments(fragments)
    visits += combined
    results = []
    for operation, own in operations:
        results.append((operation, _combine(own, measured)))
        visits += len(own.spreads)
    return Measures(tuple(results), visits)


def _walk(selection_set: SelectionSetNode) -> tuple[_Own, int]:
    """One definition's own selections, walked once with an explicit stack (no recursion limit)."""
    own = _Own()
    visits = 0
    stack: list[tuple[SelectionSetNode, int | None]] = [(selection_set, 0)]
    while stack:
        node, depth = stack.pop()
        for selection in node.selections:
            visits += 1
            if isinstance(selection, FieldNode):
                name = selection.name.value
                own.aliases += selection.alias is not None
                own.introspective |= name.startswith("__") and name != "__typename"
                if selection.selection_set is not None:
                    inner = None if depth is None or name.startswith("__") else depth + 1
                    own.depth = max(own.depth, inner or 0)
                    stack.append((selection.selection_set, inner))
            elif isinstance(selection, InlineFragmentNode):
                stack.append((selection.selection_set, depth))
            elif isinstance(selection, FragmentSpreadNode):
                own.spreads.append((selection.name.value, depth))
    return own, visits


def _measure_fragments(fragments: dict[str, _Own]) -> tuple[dict[str, Measure], int]:
    """Every fragment's measures, each computed once after those of the fragments it spreads."""
    measured: dict[str, Measure] = {}
    combined = 0
    in_progress: set[str] = set()
    for root in fragments:
        if root in measured:
            continue
        in_progress.add(root)
        stack = [(root, 0)]  # a fragment, and how many of its spreads were looked at
        while stack:
            name, seen = stack[-1]
            spreads = fragments[name].spreads
            while seen < len(spreads):
                target = spreads[seen][0]
                seen += 1
                if target in fragments and target not in measured and target not in in_progress:
                    stack[-1] = (name, seen)
                    stack.append((target, 0))
                    in_progress.add(target)
                    break
            else:
                stack.pop()
                in_progress.discard(name)
                measured[name] = _combine(fragments[name], measured)
                combined += len(spreads)
    return measured, combined


def _combine(own: _Own, measured: dict[str, Measure]) -> Measure:
    depth, aliases, introspective = own.depth, own.aliases, own.introspective
    for name, at in own.spreads:
        spread = measured.get(name)
        if spread is None:  # unknown, or a cycle back to a fragment being measured
            continue
        if at is not None:
            depth = max(depth, at + spread.depth)
        aliases = min(ALIAS_COUNT_CAP, aliases + spread.aliases)
        introspective |= spread.introspective
    return Measure(depth, min(ALIAS_COUNT_CAP, aliases), introspective)


__all__ = ["ALIAS_COUNT_CAP", "Measure", "Measures", "measure"]
