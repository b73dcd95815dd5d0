"""Parsed and validated documents, cached by a hash of their text.

Storefronts send the same few documents over and over; parsing and validating them costs about a
millisecond each time. The cache keeps the outcome (the document, or the errors that reject it) for
the most recent distinct texts, so each is parsed and validated once per process. The limits (tokens
at parse time, then depth and aliases) are part of that one-time check.

Validation runs graphql-core's rules first, so a document with an unknown fragment or a fragment
cycle gets the spec's own error; the gateway's limits are measured after, in one pass linear in the
document's size (`document_measures`). The cache is bounded twice: by entries, and by an estimate of
the memory its documents hold (a parsed document keeps its text and a node per token), so a
stream of distinct large documents cannot grow the process. Documents that do not parse are not
kept: their error is cheap to find again, and keeping it would keep their text.
"""

from __future__ import annotations

import hashlib
import sys
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

from .document_measures import ALIAS_COUNT_CAP, Measures, measure

CACHE_SIZE = 1024
"""Distinct documents kept at most; storefronts use tens, so this bounds memory, not hit rate."""
TOKEN_BYTES = 640
"""Memory a parsed token holds besides its value (its AST nodes, locations and the token itself),
rounded up from 320–610 bytes measured with tracemalloc over alias-, field-, argument-, fragment-
and variable-heavy documents."""


@dataclass(frozen=True, slots=True)
class Limits:
    max_tokens: int
    max_depth: int
    max_aliases: int
    introspection: bool
    cache_bytes: int
    """Estimated memory the parsed documents in one cache may hold."""
    max_cost: int = 5000
    """Largest requested cost of one operation (`query_cost`); checked once its variables are known."""
    request_budget_s: float = 10.0
    """Longest a query may take, every backend included, before the gateway gives it up."""


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


@dataclass(frozen=True, slots=True)
class _Entry:
    document: Document
    weight: int
    """Estimated bytes it holds: its text and its tokens (`_weight`)."""


class DocumentCache:
    def __init__(self, schema: GraphQLSchema, limits: Limits, size: int = CACHE_SIZE) -> None:
        self.schema = schema
        self.limits = limits
        self.size = size
        rules: list[type[ASTValidationRule]] = list(specified_rules)
        if not limits.introspection:
            rules.append(NoSchemaIntrospectionCustomRule)
        self.rules = tuple(rules)
        self._entries: OrderedDict[bytes, _Entry] = OrderedDict()
        self.held_bytes = 0
        """The sum of the kept documents' estimated weights; never above `limits.cache_bytes`."""

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, text: str) -> Document:
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            return entry.document
        document = self._build(text)
        if document.node is not None:
            self._keep(key, _Entry(document, _weight(text, document.node)))
        return document

    def _keep(self, key: bytes, entry: _Entry) -> None:
        if entry.weight > self.limits.cache_bytes:
            return  # it would push out everything else and still not fit
        self._entries[key] = entry
        self.held_bytes += entry.weight
        while len(self._entries) > self.size or self.held_bytes > self.limits.cache_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.held_bytes -= evicted.weight

    def _build(self, text: str) -> Document:
        try:
            node = parse(text, no_location=False, max_tokens=self.limits.max_tokens)
        except GraphQLError as error:
            return Document(None, (error,))
        errors = validate(self.schema, node, self.rules)
        if errors:
            return Document(node, tuple(errors))
        measures = measure(node)
        return Document(node, tuple(self._limit_errors(measures)), measures.introspective)

    def _limit_errors(self, measures: Measures) -> list[GraphQLError]:
        errors = []
        max_depth, max_aliases = self.limits.max_depth, self.limits.max_aliases
        for operation, found in measures.operations:
            if found.depth > max_depth:
                name = operation.name.value if operation.name else "anonymous"
                message = f"'{name}' exceeds maximum operation depth of {max_depth}"
                errors.append(GraphQLError(message, operation))
            if found.aliases > max_aliases:
                count = f"At least {ALIAS_COUNT_CAP}" if found.aliases >= ALIAS_COUNT_CAP else found.aliases
                errors.append(GraphQLError(f"{count} aliases found. Allowed: {max_aliases}", operation))
        return errors


def _weight(text: str, node: DocumentNode) -> int:
    """The text, plus each token kept with the document: its nodes, and its own copy of its value
    (a comment or a string literal is held twice, once in the text and once in its token)."""
    weight = sys.getsizeof(text)
    token = node.loc.start_token if node.loc is not None else None
    while token is not None:
        weight += TOKEN_BYTES + len(token.value or "")
        token = token.next
    return weight


__all__ = ["CACHE_SIZE", "TOKEN_BYTES", "Document", "DocumentCache", "Limits"]
