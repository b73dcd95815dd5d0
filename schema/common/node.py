"""The Relay Node interface: every object a client can refetch by its global `gid://` id."""

from __future__ import annotations

import strawberry


@strawberry.interface(
    name="Node",
    description="An object with an ID field to support global identification, following the Relay spec.",
)
class Node:
    id: strawberry.ID = strawberry.field(description="A globally-unique ID.")


__all__ = ["Node"]
