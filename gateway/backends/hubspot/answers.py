"""The HubSpot answers the connector reads, as models of exactly the fields it uses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, TypeAdapter


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class HistoryEntry(_Shape):
    """One past value of a property; HubSpot lists the newest first."""

    value: str
    timestamp: str
    sourceType: str | None = None


class ContactRecord(_Shape):
    id: str
    properties: dict[str, str | None]
    propertiesWithHistory: dict[str, list[HistoryEntry]] = {}
    updatedAt: str | None = None


class BatchError(_Shape):
    category: str
    message: str


class BatchRead(_Shape):
    """`POST /crm/v3/objects/contacts/batch/read`: the hits, and on a 207 the misses beside them."""

    results: list[ContactRecord]
    errors: list[BatchError] = []


class Membership(_Shape):
    listId: str | int


class RecordMemberships(_Shape):
    recordId: str | int
    recordListMemberships: list[Membership]


class MembershipsRead(_Shape):
    """`POST /crm/v3/lists/records/memberships/batch/read`: the lists each record is in."""

    results: list[RecordMemberships]


class ListRecord(_Shape):
    listId: str | int
    name: str


class ListPage(_Shape):
    """`GET /crm/v3/lists/?listIds=…`: the lists asked for that exist."""

    lists: list[ListRecord]


BATCH_READ = TypeAdapter(BatchRead)
MEMBERSHIPS = TypeAdapter(MembershipsRead)
LIST_PAGE = TypeAdapter(ListPage)

__all__ = [
    "BATCH_READ",
    "LIST_PAGE",
    "MEMBERSHIPS",
    "BatchRead",
    "ContactRecord",
    "HistoryEntry",
    "ListPage",
    "MembershipsRead",
]
