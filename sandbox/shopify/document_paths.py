"""Where a node sits in a GraphQL document, as graphql-ruby reports it in static errors.

graphql-ruby's paths name the operation and each field, fragment and argument on the way:
`["query Name", "product", "... on Product", "variants", "first"]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    Node,
    ObjectFieldNode,
    OperationDefinitionNode,
    visit,
)
from graphql.language import Visitor


@dataclass(frozen=True, slots=True)
class Where:
    """Where a node sits in the document, in graphql-ruby's terms."""

    path: list[str]
    field: str | None
    directive: str | None
    argument: str | None
    operation: str


class _Locator(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.places: dict[int, Where] = {}
        self.stack: list[Node] = []

    def enter(self, node: Node, *_args: Any) -> None:
        self.stack.append(node)
        path: list[str] = []
        field = directive = argument = None
        operation = "anonymous query"
        for item in self.stack:
            if isinstance(item, OperationDefinitionNode):
                kind = item.operation.value
                path.append(f"{kind} {item.name.value}" if item.name else kind)
                operation = item.name.value if item.name else f"anonymous {kind}"
            elif isinstance(item, FragmentDefinitionNode):
                path.append(f"fragment {item.name.value}")
            elif isinstance(item, FieldNode):
                path.append((item.alias or item.name).value)
                field, directive, argument = item.name.value, None, None
            elif isinstance(item, InlineFragmentNode):
                path.append(f"... on {item.type_condition.name.value}" if item.type_condition else "...")
            elif isinstance(item, FragmentSpreadNode):
                path.append(f"... {item.name.value}")
            elif isinstance(item, DirectiveNode):
                directive = item.name.value
            elif isinstance(item, ArgumentNode | ObjectFieldNode):
                path.append(item.name.value)
                if isinstance(item, ArgumentNode):
                    argument = item.name.value
        self.places[id(node)] = Where(path, field, directive, argument, operation)

    def leave(self, *_args: Any) -> None:
        self.stack.pop()


def locate(document: DocumentNode) -> dict[int, Where]:
    locator = _Locator()
    visit(document, locator)
    return locator.places


__all__ = ["Where", "locate"]
