"""Parse, validate and run GraphQL documents the way Shopify's server answers them.

Documents are parsed and validated once and cached by their text: a gateway sends the same few
documents at a high rate. Execution is synchronous (every resolver is plain Python) and errors come
back in graphql-ruby's words (`ruby_errors`).
"""

from __future__ import annotations

import logging
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    execute_sync,
    get_named_type,
    get_nullable_type,
    is_input_object_type,
    is_list_type,
    parse,
    visit,
)
from graphql.execution.values import get_argument_values, get_variable_values

from .global_ids import literal_errors
from .parse_errors import syntax_error
from .validation_errors import ruby_validate
from .variable_errors import variable_errors

log = logging.getLogger("gateway.sandbox.shopify")

CACHE_SIZE = 512
"""Distinct documents kept parsed and validated."""

MAX_INPUT_SIZE = 250
_LIMIT_MARK = "must not contain more than `250` values"

ErrorBody = dict[str, Any]


@dataclass(slots=True)
class Prepared:
    """A document as parsed and validated once: either runnable or its errors."""

    document: DocumentNode | None
    errors: list[ErrorBody] | None
    operations: dict[str | None, OperationDefinitionNode] = field(default_factory=dict)
    limited: list[tuple[OperationDefinitionNode | None, FieldNode, GraphQLField]] = field(
        default_factory=list
    )
    """Fields taking a list argument capped at 250 items, with their operation (None in a fragment)."""
    extras: dict[str, Any] = field(default_factory=dict)
    """Per-API facts derived once from the document (the Admin API's requested cost)."""


@dataclass(slots=True)
class Outcome:
    """What one request produced: the response body and, when it ran, the operation."""

    body: dict[str, Any]
    operation: OperationDefinitionNode | None = None
    executed: bool = False


class DocumentService:
    """Runs documents against one schema with a cache of prepared documents."""

    def __init__(self, schema: GraphQLSchema, *, size: int = CACHE_SIZE) -> None:
        self.schema = schema
        self.size = size
        self._cache: OrderedDict[str, Prepared] = OrderedDict()
        self._limited_args = _limited_arguments(schema)

    def prepare(self, text: str) -> Prepared:
        prepared = self._cache.get(text)
        if prepared is not None:
            self._cache.move_to_end(text)
            return prepared
        prepared = self._prepare(text)
        self._cache[text] = prepared
        if len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return prepared

    def _prepare(self, text: str) -> Prepared:
        try:
            document = parse(text)
        except GraphQLError as error:
            return Prepared(None, [syntax_error(error, text)])
        errors = ruby_validate(self.schema, document) or literal_errors(self.schema, document)
        if errors:
            return Prepared(document, errors)
        operations = {
            (op.name.value if op.name else None): op
            for op in document.definitions
            if isinstance(op, OperationDefinitionNode)
        }
        return Prepared(document, None, operations, self._find_limited(document))

    def _find_limited(
        self, document: DocumentNode
    ) -> list[tuple[OperationDefinitionNode | None, FieldNode, GraphQLField]]:
        if not self._limited_args:
            return []
        found: list[tuple[OperationDefinitionNode | None, FieldNode, GraphQLField]] = []
        type_info = TypeInfo(self.schema)
        limited = self._limited_args

        class Finder(Visitor):
            operation: OperationDefinitionNode | None = None

            def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> None:
                self.operation = node

            def enter_fragment_definition(self, *_args: Any) -> None:
                self.operation = None

            def enter_field(self, node: FieldNode, *_args: Any) -> None:
                definition = type_info.get_field_def()
                if definition is not None and id(definition) in limited:
                    found.append((self.operation, node, definition))

        visit(document, TypeInfoVisitor(type_info, Finder()))
        return found

    def run(
        self,
        prepared: Prepared,
        variables: dict[str, Any],
        operation_name: str | None,
        context_factory: Callable[[OperationDefinitionNode, dict[str, Any]], Any],
        *,
        before: Callable[[Prepared, OperationDefinitionNode, dict[str, Any]], list[ErrorBody] | None]
        | None = None,
    ) -> Outcome:
        """Run a prepared document: select the operation, check variables, execute."""
        if prepared.errors is not None:
            return Outcome({"errors": prepared.errors})
        operation = self._select(prepared, operation_name)
        if isinstance(operation, dict):
            return Outcome({"errors": [operation]})
        problems = variable_errors(self.schema, operation, variables)
        if problems:
            return Outcome({"errors": problems}, operation)
        size_errors = self._input_size_errors(prepared, operation, variables)
        if size_errors:
            return Outcome({"errors": size_errors}, operation)
        if before is not None:
            refused = before(prepared, operation, variables)
            if refused:
                return Outcome({"errors": refused}, operation)
        assert prepared.document is not None
        result = execute_sync(
            self.schema,
            prepared.document,
            context_value=context_factory(operation, variables),
            variable_values=variables,
            operation_name=operation.name.value if operation.name else None,
        )
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [_format_error(error) for error in result.errors]
        body["data"] = result.data
        return Outcome(body, operation, executed=True)

    @staticmethod
    def _select(prepared: Prepared, name: str | None) -> OperationDefinitionNode | ErrorBody:
        if name:
            found = prepared.operations.get(name)
            return found if found is not None else {"message": f'No operation named "{name}"'}
        if len(prepared.operations) == 1:
            return next(iter(prepared.operations.values()))
        return {"message": "An operation name is required"}

    def _input_size_errors(
        self, prepared: Prepared, operation: OperationDefinitionNode, variables: dict[str, Any]
    ) -> list[ErrorBody]:
        checks = [
            (node, definition) for owner, node, definition in prepared.limited if owner in (None, operation)
        ]
        if not checks:
            return []
        coerced = get_variable_values(self.schema, operation.variable_definitions or (), variables)
        if isinstance(coerced, list):
            return []
        errors: list[ErrorBody] = []
        for node, definition in checks:
            try:
                values = get_argument_values(definition, node, coerced)
            except GraphQLError:  # a fragment field using a variable this operation lacks: left to execution
                continue
            for name, arg in definition.args.items():
                for path, size in _oversized(values.get(name), arg.type, [name], arg.description or ""):
                    location = node.loc.source.get_location(node.loc.start) if node.loc else None
                    errors.append(
                        {
                            "message": f"The input array size of {size} is greater than the maximum allowed of {MAX_INPUT_SIZE}.",
                            "locations": [{"line": location.line, "column": location.column}]
                            if location
                            else [],
                            "path": [(node.alias or node.name).value, *path],
                            "extensions": {"code": "MAX_INPUT_SIZE_EXCEEDED"},
                        }
                    )
        return errors


def _oversized(value: Any, type_: Any, path: list[str], description: str) -> Iterator[tuple[list[str], int]]:
    nullable = get_nullable_type(type_)
    if value is None:
        return
    if is_list_type(nullable):
        if _LIMIT_MARK in description and len(value) > MAX_INPUT_SIZE:
            yield path, len(value)
        for item in value:
            yield from _oversized(item, nullable.of_type, path, "")
    elif is_input_object_type(nullable) and isinstance(value, dict):
        input_type: GraphQLInputObjectType = nullable
        for name, input_field in input_type.fields.items():
            if name in value:
                yield from _oversized(
                    value[name], input_field.type, [*path, name], input_field.description or ""
                )


def _limited_arguments(schema: GraphQLSchema) -> set[int]:
    """Ids of the field definitions with a list argument (or input field) capped at 250 items."""
    capped_inputs: set[str] = set()
    for named in schema.type_map.values():
        if is_input_object_type(named) and any(
            _LIMIT_MARK in (f.description or "") for f in named.fields.values()
        ):
            capped_inputs.add(named.name)
    found: set[int] = set()
    for named in schema.type_map.values():
        fields = getattr(named, "fields", None)
        if not isinstance(fields, dict) or is_input_object_type(named):
            continue
        for definition in fields.values():
            for arg in definition.args.values():
                if _LIMIT_MARK in (arg.description or "") or _reaches(
                    get_named_type(arg.type), capped_inputs, set()
                ):
                    found.add(id(definition))
    return found


def _reaches(named: Any, capped: set[str], seen: set[str]) -> bool:
    if not is_input_object_type(named) or named.name in seen:
        return False
    if named.name in capped:
        return True
    seen.add(named.name)
    return any(_reaches(get_named_type(f.type), capped, seen) for f in named.fields.values())


def _format_error(error: GraphQLError) -> ErrorBody:
    original = error.original_error
    if original is not None and not isinstance(original, GraphQLError):
        request_id = str(uuid.uuid4())
        log.error("resolver failed at %s", error.path, exc_info=original)
        return {
            "message": "Internal error. Looks like something went wrong on our end.\n"
            f"Request ID: {request_id} (include this in support requests).",
            "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        }
    body: ErrorBody = {"message": error.message}
    if error.locations:
        body["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    if error.path:
        body["path"] = list(error.path)
    if error.extensions:
        body["extensions"] = dict(error.extensions)
    return body


__all__ = ["CACHE_SIZE", "DocumentService", "ErrorBody", "Outcome", "Prepared"]
