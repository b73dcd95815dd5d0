"""Where a place in the document sent to Shopify was in the client's own text.

Shopify's errors carry `locations` (line and column) in the document it received, which the
gateway printed from the client's; a client reads them against the text it sent. The printed
document is parsed again and walked beside the planned one (printing keeps its structure), so
each printed node's start maps to the start of the client's node it came from. The nodes the
gateway added (join keys, `__typename`) have no place in the client's text and map to nothing.
"""

from __future__ import annotations

from graphql import DocumentNode, Node, parse
from graphql.language.location import get_location

Position = tuple[int, int]
"""(line, column), both from 1, as in a GraphQL error's `locations`."""


def client_locations(planned: DocumentNode, printed: str) -> dict[Position, Position]:
    """Per start of a node in `printed`: the start of the same node in the client's text."""
    reparsed = parse(printed)
    found: dict[Position, Position] = {}
    pending: list[tuple[object, object]] = [(planned, reparsed)]
    while pending:
        ours, theirs = pending.pop()
        if isinstance(ours, Node) and isinstance(theirs, Node):
            if ours.loc is not None and theirs.loc is not None:
                mine = get_location(ours.loc.source, ours.loc.start)
                sent = get_location(theirs.loc.source, theirs.loc.start)
                found.setdefault((sent.line, sent.column), (mine.line, mine.column))
            pending.extend((getattr(ours, key), getattr(theirs, key)) for key in ours.keys if key != "loc")
        elif isinstance(ours, tuple | list) and isinstance(theirs, tuple | list):
            pending.extend(zip(ours, theirs, strict=False))
    return found


__all__ = ["Position", "client_locations"]
