"""Invalid variable values reported the way graphql-ruby reports them, before execution.

`Variable $input of type ProductInput! was provided invalid value for title (Expected value to not
be null)`, with `extensions: {value, problems: [{path, explanation}]}`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLInputType,
    GraphQLSchema,
    OperationDefinitionNode,
    is_non_null_type,
    print_ast,
    type_from_ast,
    validate_input_value,
)

from .global_ids import value_problems


def variable_problem(explanation: str, value: Any) -> str:
    """graphql-ruby's explanation for a graphql-core input coercion message about `value`."""
    if "not to be null" in explanation or "was not provided" in explanation:
        return "Expected value to not be null"
    match = re.match(r"(\w+) cannot represent ", explanation)
    if match:
        return f"Could not coerce value {json.dumps(value)} to {match.group(1)}"
    match = re.search(r"not to include unknown field '([^']+)'", explanation)
    if match:
        type_name = re.search(r"of type '([^']+)'", explanation)
        return f"Field is not defined on {type_name.group(1) if type_name else 'this input'}"
    return explanation.rstrip(".")


def variable_errors(
    schema: GraphQLSchema, operation: OperationDefinitionNode, variables: dict[str, Any]
) -> list[dict[str, Any]]:
    """graphql-ruby's errors for the operation's variables (empty when every value is valid)."""
    errors: list[dict[str, Any]] = []
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        var_type = type_from_ast(schema, definition.type)
        if var_type is None:
            continue
        input_type: GraphQLInputType = var_type  # type: ignore[assignment]
        problems = _problems(variables, name, input_type, definition.default_value is not None)
        if problems:
            message = f"Variable ${name} of type {print_ast(definition.type)} was provided invalid value"
            fields = [
                f"{'.'.join(str(p) for p in problem['path'])} ({problem['explanation']})"
                for problem in problems
                if problem["path"]
            ]
            if fields:
                message += " for " + ", ".join(fields)
            location = definition.loc.source.get_location(definition.loc.start) if definition.loc else None
            errors.append(
                {
                    "message": message,
                    "locations": [{"line": location.line, "column": location.column}] if location else [],
                    "extensions": {"value": variables.get(name), "problems": problems},
                }
            )
    return errors


def _problems(
    variables: dict[str, Any], name: str, input_type: GraphQLInputType, has_default: bool
) -> list[dict[str, Any]]:
    """graphql-ruby's `problems` for one variable's value: `[{"path", "explanation"}]`."""
    problems: list[dict[str, Any]] = []
    if name not in variables:
        if not has_default and is_non_null_type(input_type):
            problems.append({"path": [], "explanation": "Expected value to not be null"})
        return problems

    def on_error(error: GraphQLError, path: list[str | int]) -> None:
        value = variables[name]
        for step in path:
            if isinstance(value, dict):
                value = value.get(str(step))
            elif isinstance(value, list) and isinstance(step, int) and step < len(value):
                value = value[step]
            else:
                value = None
        problems.append({"path": list(path), "explanation": variable_problem(error.message, value)})

    validate_input_value(variables[name], input_type, on_error)
    if not problems:
        problems.extend(value_problems(variables[name], input_type, []))
    return problems


__all__ = ["variable_errors", "variable_problem"]
