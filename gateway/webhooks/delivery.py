"""What a verified webhook delivery means to the gateway, whichever vendor sent it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from gateway.cache import DataClass


@dataclass(frozen=True, slots=True)
class Delivery:
    """A verified delivery: its event ids (for deduplication) and the cached values it makes stale."""

    event_ids: tuple[str, ...]
    stale: tuple[tuple[DataClass, tuple[str, ...]], ...] = ()
    """Source-cache keys to drop, by data class."""
    topic: str = ""


class Rejected(Exception):
    """The delivery is not the vendor's (bad signature, stale timestamp) or not understood."""

    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Incoming:
    """A webhook request as received: what signatures are computed over."""

    method: str
    url: str
    """The full URL the vendor called, query string included (HubSpot signs it)."""
    headers: Mapping[str, str]
    query: Mapping[str, str]
    body: bytes


class WebhookSource(Protocol):
    """One vendor's webhooks: verification and meaning."""

    vendor: str

    def accept(self, incoming: Incoming) -> Delivery:
        """The delivery's meaning; raises `Rejected` when it cannot be trusted or read."""
        ...


__all__ = ["Delivery", "Incoming", "Rejected", "WebhookSource"]
