"""What running one operation comes to, for the HTTP layer: the body and how to answer it.

Also the checks every operation passes before it runs (`runnable`): a write over GET, a document
that did not parse or validate, an operation name that names none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, OperationType

from gateway.models.caller import Caller
from gateway.models.client import Client

from .documents import Document
from .errors import format_error, request_error

ContextFactory = Callable[[OperationDefinitionNode, Mapping[str, Any] | None, Caller], Any]
Finisher = Callable[[Any], dict[str, Any] | None]
"""Reads the response `extensions` off the context once execution is over."""


@dataclass(slots=True)
class Outcome:
    """What the HTTP layer needs: the response body, and whether the request itself was refused."""

    body: dict[str, Any]
    request_error: bool = False
    """True when the request never executed (syntax, validation, variables): 400 under graphql-response+json."""
    method_not_allowed: bool = False
    forbidden: bool = False
    """True when the caller may not run the operation (its client lacks a scope): 403, nothing ran."""
    unavailable: bool = False
    """True when the gateway cannot serve the operation yet (503): nothing was executed."""
    cache_ttl_s: float = 0.0
    """How long this exact response may be reused (0: never)."""
    built_from: frozenset[tuple[str, str]] = frozenset()
    """The values it was built from, by which the response cache drops it when they change."""


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


def denied(client: Client, scope: str, coordinate: str) -> Outcome:
    """The refusal of an operation that selects a field outside the client's scopes."""
    message = f"{coordinate} needs the scope {scope}, which the client {client.name} does not have."
    error = request_error(message, "ACCESS_DENIED")
    error["extensions"].update({"scope": scope, "field": coordinate, "client": client.name})
    return Outcome({"errors": [error]}, forbidden=True)


__all__ = ["ContextFactory", "Finisher", "Outcome", "denied", "refused", "runnable"]
