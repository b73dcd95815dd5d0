"""Runs one GraphQL request: cached parse and validation, operation checks, execution, response shape.

The schema is Strawberry's; execution goes straight to graphql-core with Strawberry's execution
context (what `strawberry.Schema.execute` does too), which keeps the per-request work to what
this gateway needs and lets the HTTP layer map each failure to its GraphQL-over-HTTP status code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import ExecutionResult, GraphQLError, OperationDefinitionNode, OperationType, execute
from graphql.execution.values import get_variable_values
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.utils.await_maybe import await_maybe

from .documents import Document, DocumentCache
from .errors import format_error, request_error
from .lean_execution import LeanExecutor, handles

ContextFactory = Callable[[OperationDefinitionNode, Mapping[str, Any] | None], Any]
Finisher = Callable[[Any], dict[str, Any] | None]
"""Reads the response `extensions` off the context once execution is over."""
TtlOf = Callable[[Any], float]
"""How long a response built with this context may be reused."""
BuiltFromOf = Callable[[Any], frozenset[tuple[str, str]]]
"""The (data class, key) pairs a response built with this context read: what invalidates it."""


@dataclass(slots=True)
class Outcome:
    """What the HTTP layer needs: the response body, and whether the request itself was refused."""

    body: dict[str, Any]
    request_error: bool = False
    """True when the request never executed (syntax, validation, variables): 400 under graphql-response+json."""
    method_not_allowed: bool = False
    unavailable: bool = False
    """True when the gateway cannot serve the operation yet (503): nothing was executed."""
    cache_ttl_s: float = 0.0
    """How long this exact response may be reused (0: never)."""
    built_from: frozenset[tuple[str, str]] = frozenset()
    """The values it was built from, by which the response cache drops it when they change."""


class Executor:
    def __init__(
        self,
        schema: Any,
        documents: DocumentCache,
        make_context: ContextFactory,
        finish: Finisher,
        ttl_of: TtlOf = lambda context: 0.0,
        *,
        lean: bool = True,
        built_from_of: BuiltFromOf = lambda context: frozenset(),
    ) -> None:
        self.schema = schema
        self.graphql_schema = schema._schema
        self.documents = documents
        self.make_context = make_context
        self.finish = finish
        self.ttl_of = ttl_of
        self.built_from_of = built_from_of
        self.lean = LeanExecutor(schema) if lean else None

    async def run(
        self,
        query: str,
        variables: Mapping[str, Any] | None,
        operation_name: str | None,
        *,
        allow_mutations: bool = True,
    ) -> Outcome:
        document = self.documents.get(query)
        operation = runnable(document, operation_name, allow_mutations=allow_mutations)
        if isinstance(operation, Outcome):
            return operation
        assert document.node is not None  # `runnable` refused any document that did not parse

        context = self.make_context(operation, variables)
        if self.lean is not None and handles(operation, document.introspective):
            coerced = get_variable_values(
                self.graphql_schema,
                operation.variable_definitions or (),
                dict(variables or {}),
                max_errors=50,
            )
            if isinstance(coerced, list):
                return refused(coerced)
            result = await self.lean.execute(document.node, operation, coerced, context)
        else:
            result = await await_maybe(
                execute(
                    self.graphql_schema,
                    document.node,
                    context_value=context,
                    variable_values=dict(variables) if variables else None,
                    operation_name=operation_name,
                    executor_class=StrawberryGraphQLCoreExecutionContext,
                    is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]  # a TypeGuard in all but name
                )
            )
        assert isinstance(result, ExecutionResult)
        if result.data is None and result.errors and all(e.path is None for e in result.errors):
            return refused(list(result.errors))  # variables did not coerce: nothing executed
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [format_error(error) for error in result.errors]
        body["data"] = result.data
        extensions = self.finish(context)
        if extensions:
            body["extensions"] = extensions
        reusable = operation.operation is OperationType.QUERY and not result.errors
        if not reusable:
            return Outcome(body)
        return Outcome(body, cache_ttl_s=self.ttl_of(context), built_from=self.built_from_of(context))


def refused(errors: list[GraphQLError]) -> Outcome:
    """The answer to a request that never executed: its errors, 400 under graphql-response+json."""
    return Outcome({"errors": [format_error(error) for error in errors]}, request_error=True)


def runnable(
    document: Document, operation_name: str | None, *, allow_mutations: bool
) -> OperationDefinitionNode | Outcome:
    """The operation to run, or the refusal to answer instead: a write over GET (405), a document
    that did not parse or validate, an operation name that names none (400)."""
    operation = document.operation(operation_name)
    if operation is not None and operation.operation is not OperationType.QUERY and not allow_mutations:
        # Checked before validation: GET must never carry a write, valid or not (GraphQL over HTTP, 405).
        message = f"{operation.operation.value.capitalize()} operations are only allowed over POST."
        return Outcome({"errors": [request_error(message, "METHOD_NOT_ALLOWED")]}, method_not_allowed=True)
    if document.node is None or document.errors:
        return refused(list(document.errors))
    if operation is None:
        message = (
            f"Unknown operation named '{operation_name}'."
            if operation_name
            else "Must provide operation name if query contains multiple operations."
        )
        return Outcome({"errors": [request_error(message, "BAD_REQUEST")]}, request_error=True)
    return operation


__all__ = ["ContextFactory", "Executor", "Finisher", "Outcome", "TtlOf", "refused", "runnable"]
