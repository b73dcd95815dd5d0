"""Parse, validate and run GraphQL documents the way Shopify's server answers them.

Documents are parsed and validated once and cached by their text: a gateway sends the same few
documents at a high rate. Execution is synchronous (every resolver is plain Python) and errors come
back in graphql-ruby's words (`parse_errors`, `validation_errors`, `variable_errors`, `input_limits`).
"""

from __future__ import annotations

import logging
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    execute_sync,
    parse,
)

from .deferral import inline_deferred
from .global_ids import literal_errors
from .input_limits import Limited, input_size_errors, limited_arguments, limited_fields
from .parse_errors import syntax_error
from .validation_errors import ruby_validate
from .variable_errors import variable_errors

log = logging.getLogger("sandbox.shopify")

CACHE_SIZE = 512
"""Distinct documents kept parsed and validated."""

ErrorBody = dict[str, Any]


@dataclass(slots=True)
class Prepared:
    """A document as parsed and validated once: either runnable or its errors."""

    document: DocumentNode | None
    errors: list[ErrorBody] | None
    operations: dict[str | None, OperationDefinitionNode] = field(default_factory=dict)
    limited: list[Limited] = field(default_factory=list)
    """Fields taking a list argument capped at 250 items (checked per request, before execution)."""


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
        self._limited_args = limited_arguments(schema)

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
        document = inline_deferred(document)
        operations = {
            (op.name.value if op.name else None): op
            for op in document.definitions
            if isinstance(op, OperationDefinitionNode)
        }
        return Prepared(document, None, operations, limited_fields(self.schema, self._limited_args, document))

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
        size_errors = input_size_errors(self.schema, prepared.limited, operation, variables)
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
