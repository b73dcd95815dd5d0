"""A webhook as the connectors read it: the request received, and what a verified delivery means.

Each connector's `events` module turns an `Incoming` request into a `Delivery` of plain change
values (or raises `Rejected`); the webhook layer (`gateway/webhooks/`) decides what to do with
them: deduplicate, drop cached values, tell subscribers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Incoming:
    """A webhook request as received: what signatures are computed over."""

    method: str
    url: str
    """The full URL the vendor called, query string included (HubSpot signs it)."""
    headers: Mapping[str, str]
    query: Mapping[str, str]
    body: bytes


@dataclass(frozen=True, slots=True)
class StockChanged:
    """The ERP's stock of these SKUs moved."""

    skus: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContentChanged:
    """The PIM's content of these SKUs was edited."""

    skus: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProfileChanged:
    """The CRM's record of the customers of these e-mails changed."""

    emails: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConversationsChanged:
    """A conversation of the customers of these e-mails changed (a reply, a state change)."""

    emails: tuple[str, ...]


Change = StockChanged | ContentChanged | ProfileChanged | ConversationsChanged


@dataclass(frozen=True, slots=True)
class Delivery:
    """A verified delivery: its event ids (for deduplication) and the changes it reports."""

    event_ids: tuple[str, ...]
    changes: tuple[Change, ...] = ()


class Rejected(Exception):
    """The delivery is not the vendor's (bad signature, stale timestamp) or not understood."""

    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


__all__ = [
    "Change",
    "ContentChanged",
    "ConversationsChanged",
    "Delivery",
    "Incoming",
    "ProfileChanged",
    "Rejected",
    "StockChanged",
]
