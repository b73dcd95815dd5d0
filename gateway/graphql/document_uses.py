"""The variables and fragments a piece of a document uses: what may be dropped from a document built from it."""

from __future__ import annotations

from graphql import FragmentSpreadNode, VariableNode, Visitor


class Uses(Visitor):
    """Visit a node to collect the variable names it reads and the fragments it spreads (in order)."""

    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.fragments: dict[str, None] = {}
        """Fragment names in the order first spread (a dict, to keep it)."""

    def enter_variable(self, node: VariableNode, *_: object) -> None:
        self.variables.add(node.name.value)

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.fragments[node.name.value] = None


__all__ = ["Uses"]
