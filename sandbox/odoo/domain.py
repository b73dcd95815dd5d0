"""Odoo domains: the prefix-notation lists parsed into a tree, with Odoo 19's errors.

Parsing follows Odoo 19's `Domain()`: the same `TypeError`/`ValueError` messages for a domain
that is not a list, an item that is neither a 3-item condition nor `&`/`|`/`!`, a malformed
prefix expression or an unknown operator. `evaluation` checks the tree against a model and runs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import OdooError, python_error

OPERATORS = frozenset(
    {
        "=", "!=", "<>", "==", "in", "not in", "<", ">", "<=", ">=",
        "like", "not like", "ilike", "not ilike", "=like", "=ilike",
        "=?", "any", "not any", "child_of", "parent_of",
    }
)  # fmt: skip
NEGATIVE = {"!=": "=", "not in": "in", "not like": "like", "not ilike": "ilike", "not any": "any"}
COMPARISONS = frozenset({"<", ">", "<=", ">="})
LIKES = frozenset({"like", "ilike", "=like", "=ilike"})


@dataclass(frozen=True, slots=True)
class Condition:
    """A `(field path, operator, value)` condition."""

    field_expr: str
    operator: str
    value: Any

    def __str__(self) -> str:
        return f"({self.field_expr!r}, {self.operator!r}, {self.value!r})"

    def fail(self, message: str, kind: str = "ValueError") -> OdooError:
        return python_error(kind, f"{message} in condition {self}")


@dataclass(frozen=True, slots=True)
class And:
    """All children hold (`&`, or consecutive items)."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Some child holds (`|`)."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The child does not hold (`!`)."""

    child: Node


@dataclass(frozen=True, slots=True)
class Const:
    """Always true or always false (`[]`, `(1, "=", 1)`, `(0, "=", 1)`)."""

    value: bool


Node = Condition | And | Or | Not | Const
TRUE, FALSE = Const(True), Const(False)


def parse(domain: Any) -> Node:
    """The domain's tree, or Odoo's error for a domain that is not well formed."""
    if domain is True or domain == []:
        return TRUE
    if domain is False:
        return FALSE
    if not isinstance(domain, list | tuple):
        raise python_error("TypeError", f"Domain() invalid argument type for domain: {domain!r}")
    stack: list[Node] = []
    try:
        for item in reversed(domain):
            if isinstance(item, list | tuple) and len(item) == 3:
                stack.append(_leaf(tuple(item)))
            elif item == "&":
                stack.append(And((stack.pop(), stack.pop())))
            elif item == "|":
                stack.append(Or((stack.pop(), stack.pop())))
            elif item == "!":
                stack.append(Not(stack.pop()))
            else:
                raise python_error("ValueError", f"Domain() invalid item in domain: {item!r}")
    except IndexError:
        raise python_error("ValueError", f"Domain() malformed domain {domain!r}") from None
    if len(stack) == 1:
        return stack[0]
    return And(tuple(reversed(stack)))


def _leaf(item: tuple[Any, ...]) -> Node:
    field_expr, operator, value = item
    if not isinstance(field_expr, str):
        if item == (1, "=", 1):
            return TRUE
        if item == (0, "=", 1):
            return FALSE
        raise python_error("TypeError", f"Domain() invalid arguments: {item!r}")
    if not field_expr:
        raise Condition(field_expr, operator, value).fail("Empty field name", "TypeError")
    if not isinstance(operator, str):
        raise python_error("AttributeError", f"'{type(operator).__name__}' object has no attribute 'lower'")
    condition = Condition(field_expr, operator.lower(), False if value is None else value)
    if condition.operator not in OPERATORS:
        raise condition.fail("Invalid operator")
    return condition


def mentions(node: Node, field_name: str) -> bool:
    """Whether a condition of the domain is on `field_name` (Odoo skips its `active` filter then)."""
    if isinstance(node, Condition):
        return node.field_expr == field_name
    if isinstance(node, And | Or):
        return any(mentions(child, field_name) for child in node.children)
    if isinstance(node, Not):
        return mentions(node.child, field_name)
    return False


__all__ = [
    "COMPARISONS",
    "FALSE",
    "LIKES",
    "NEGATIVE",
    "OPERATORS",
    "TRUE",
    "And",
    "Condition",
    "Const",
    "Node",
    "Not",
    "Or",
    "mentions",
    "parse",
]
