"""`@inContext(country:, language:)`: the operation's market and language, read once per request.

The directive sits on the operation, not on a field, so it is read when the request context is
built, before Shopify answers: the gateway's own fields follow it too (the PIM's locale, and the
cache keys of every value that depends on the market). Shopify validates and applies it itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import EnumValueNode, OperationDefinitionNode, VariableNode

from gateway.models.context import InContext


def read_in_context(operation: OperationDefinitionNode, variables: Mapping[str, Any] | None) -> InContext:
    """The `@inContext` arguments of an operation, from literals, variables or variable defaults.

    Variables are the raw inputs (validation has already refused any that the schema's enums do not
    admit); a value of the wrong kind is taken as absent.
    """
    defaults = {
        definition.variable.name.value: definition.default_value
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    for directive in operation.directives or ():
        if directive.name.value != "inContext":
            continue
        values: dict[str, str | None] = {}
        for argument in directive.arguments or ():
            node = argument.value
            if isinstance(node, VariableNode):
                name = node.name.value
                if variables is not None and name in variables:
                    raw = variables[name]
                    values[argument.name.value] = raw if isinstance(raw, str) else None
                    continue
                node = defaults.get(name, node)
            if isinstance(node, EnumValueNode):
                values[argument.name.value] = node.value
        return InContext(country=values.get("country"), language=values.get("language"))
    return InContext()


__all__ = ["read_in_context"]
