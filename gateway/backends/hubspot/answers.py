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


BATCH_READ = TypeAdapter(BatchRead)

__all__ = ["BATCH_READ", "BatchRead", "ContactRecord", "HistoryEntry"]
