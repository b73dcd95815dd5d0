"""`@defer` runs inline: the deferred fields come in the one response, as on a production store.

Shopify streams deferred fragments only on development stores with the defer preview; elsewhere
the directive is accepted and the fields are simply part of the answer. Hydrogen's cart handler
relies on that (`cartDiscountCodesUpdate` defers its `cart`), so the emulators drop the directive
from a validated document before running it.
"""

from __future__ import annotations

from typing import Any

from graphql import REMOVE, DirectiveNode, DocumentNode, Visitor, visit


class _DropDefer(Visitor):
    def enter_directive(self, node: DirectiveNode, *_args: Any) -> object:
        return REMOVE if node.name.value == "defer" else None


def inline_deferred(document: DocumentNode) -> DocumentNode:
    """The document without its `@defer` directives (the same object when it has none)."""
    changed: DocumentNode = visit(document, _DropDefer())
    return changed


__all__ = ["inline_deferred"]
