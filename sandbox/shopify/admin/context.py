"""The per-request context of the Admin API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from graphql import GraphQLResolveInfo

from sandbox.shopify.search_syntax import CompiledQuery
from sandbox.shopify.store import Store

from .state import AdminState


@dataclass(slots=True)
class AdminContext:
    """What every Admin resolver may read: the store, the Admin state, search warnings to report."""

    store: Store
    state: AdminState
    search: list[dict[str, Any]] = field(default_factory=list)
    """`extensions.search` entries: queries with fields the resource does not know."""

    def warn_unknown_fields(self, info: Info, query: str, compiled: CompiledQuery[Any]) -> None:
        if compiled.unknown_fields:
            self.search.append(
                {
                    "path": [str(info.path.key)],
                    "query": query,
                    "warnings": [
                        {
                            "field": name,
                            "message": "Invalid search field for this query.",
                            "code": "invalid_field",
                        }
                        for name in compiled.unknown_fields
                    ],
                }
            )


Info: TypeAlias = "GraphQLResolveInfo[AdminContext]"

__all__ = ["AdminContext", "Info"]
