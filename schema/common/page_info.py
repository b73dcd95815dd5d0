"""Relay's PageInfo, with the start and end cursors Shopify adds."""

from __future__ import annotations

import strawberry

from gateway.models import catalog


@strawberry.type(
    name="PageInfo",
    description="Information about pagination in a connection, following the Relay cursor connections spec.",
)
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Whether there are more pages to fetch following the current page."
    )
    has_previous_page: bool = strawberry.field(
        description="Whether there are any pages prior to the current page."
    )
    start_cursor: str | None = strawberry.field(
        description="The cursor corresponding to the first node in edges."
    )
    end_cursor: str | None = strawberry.field(
        description="The cursor corresponding to the last node in edges."
    )

    @classmethod
    def from_model(cls, info: catalog.PageInfo) -> PageInfo:
        return cls(
            has_next_page=info.has_next_page,
            has_previous_page=info.has_previous_page,
            start_cursor=info.start_cursor,
            end_cursor=info.end_cursor,
        )


__all__ = ["PageInfo"]
