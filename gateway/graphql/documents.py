"""Parsed and validated documents, cached by their text.

Storefronts send the same few documents over and over; parsing and validating them costs about a
millisecond each time. The cache keeps the outcome (the document, or the errors that reject it) for
the most recent distinct texts, so each is parsed and validated once per process. The limits (tokens
at parse time, depth and aliases as validation rules) are part of that one-time check, and the rule
classes are built once: a rule class built per request would make every cache key unique.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    parse,
    specified_rules,
    validate,
)
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule

from .lean_execution import introspects

CACHE_SIZE = 1024
"""Distinct document texts kept; storefronts use tens, so this bounds memory, not hit rate."""


@dataclass(frozen=True, slots=True)
class Limits:
    max_tokens: int
    max_depth: int
    max_aliases: int
    introspection: bool


@dataclass(frozen=True, slots=True)
class Document:
    """A document that parsed; `errors` holds its validation errors (empty when valid)."""

    node: DocumentNode | None
    errors: tuple[GraphQLError, ...]
    introspective: bool = False
    """Whether it asks about the schema itself (such documents run on graphql-core's executor)."""

    def operation(self, name: str | None) -> OperationDefinitionNode | None:
        """The operation to run: the named one, or the only one (None when ambiguous or absent)."""
        if self.node is None:
            return None
        operations = [d for d in self.node.definitions if isinstance(d, OperationDefinitionNode)]
        if name is None:
            return operations[0] if len(operations) == 1 else None
        return next((op for op in operations if op.name and op.name.value == name), None)


class DocumentCache:
    def __init__(self, schema: GraphQLSchema, limits: Limits, size: int = CACHE_SIZE) -> None:
        self.schema = schema
        self.limits = limits
        self.size = size
        rules: list[type[ASTValidationRule]] = [
            *specified_rules,
            max_depth_rule(limits.max_depth, None, None),
            max_aliases_rule(limits.max_aliases),
        ]
        if not limits.introspection:
            rules.append(NoSchemaIntrospectionCustomRule)
        self.rules = tuple(rules)
        self._documents: OrderedDict[str, Document] = OrderedDict()

    def get(self, text: str) -> Document:
        document = self._documents.get(text)
        if document is not None:
            self._documents.move_to_end(text)
            return document
        document = self._build(text)
        self._documents[text] = document
        if len(self._documents) > self.size:
            self._documents.popitem(last=False)
        return document

    def _build(self, text: str) -> Document:
        try:
            node = parse(text, no_location=False, max_tokens=self.limits.max_tokens)
        except GraphQLError as error:
            return Document(None, (error,))
        errors = validate(self.schema, node, self.rules)
        return Document(node, tuple(errors), introspects(node))


__all__ = ["CACHE_SIZE", "Document", "DocumentCache", "Limits"]
