"""`trackingParameters`: the analytics parameters a search result carries, null anywhere else.

Shopify fills them only on what `search` or `predictiveSearch` returned directly, so a storefront
can append them to the result's link and its analytics learn which search led to the visit:
`_pos=<rank>&_sid=<search id>&_ss=r` for a regular search, and
`_pos=<rank>&_psq=<what was typed>&_ss=e&_v=1.0` for a predictive one. The resolver finds which root
field (through any alias or root fragment) the object was reached from, and its rank in the list.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionNode
from graphql.execution.values import get_argument_values

from .context import Info

SEARCH_ROOTS = frozenset({"search", "predictiveSearch"})


def predictive_parameters(query: str, position: int) -> str:
    return f"_pos={position}&_psq={quote(query)}&_ss=e&_v=1.0"


def search_parameters(query: str, position: int) -> str:
    # Shopify's search id names one search; the same words here always give the same one.
    search_id = hashlib.sha256(query.encode()).hexdigest()[:9]
    return f"_pos={position}&_sid={search_id}&_ss=r"


def _root_field(info: Info, response_key: str, selections: Iterable[SelectionNode]) -> FieldNode | None:
    for selection in selections:
        if isinstance(selection, FieldNode):
            if (selection.alias or selection.name).value == response_key:
                return selection
            continue
        if isinstance(selection, FragmentSpreadNode):
            inner = info.fragments[selection.name.value].selection_set.selections
        elif isinstance(selection, InlineFragmentNode):
            inner = selection.selection_set.selections
        else:
            continue
        found = _root_field(info, response_key, inner)
        if found is not None:
            return found
    return None


def tracking_parameters(record: Any, info: Info) -> str | None:
    """The parameters of a result of `search` (`edges.node` or `nodes`) or `predictiveSearch`."""
    path = info.path.as_list()
    # A direct result sits at [root, list, index, field] or [root, edges, index, node, field].
    if len(path) not in (4, 5) or not isinstance(path[2], int) or not isinstance(path[0], str):
        return None
    node = _root_field(info, path[0], info.operation.selection_set.selections)
    if node is None or node.name.value not in SEARCH_ROOTS:
        return None
    definition = info.schema.query_type.fields[node.name.value] if info.schema.query_type else None
    if definition is None:
        return None
    query = str(get_argument_values(definition, node, info.variable_values).get("query") or "")
    position = path[2] + 1
    if node.name.value == "predictiveSearch":
        return predictive_parameters(query, position)
    return search_parameters(query, position)


TRACKING_RESOLVERS: dict[str, dict[str, Any]] = {
    type_name: {"trackingParameters": tracking_parameters}
    for type_name in ("Product", "Collection", "Page", "Article")
}
"""Every `Trackable` that `search` or `predictiveSearch` returns (query suggestions carry their own)."""


__all__ = ["TRACKING_RESOLVERS", "predictive_parameters", "search_parameters", "tracking_parameters"]
