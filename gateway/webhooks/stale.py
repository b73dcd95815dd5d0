"""What a change reported by a webhook makes stale: one data class's values, by key."""

from __future__ import annotations

from gateway.cache import DataClass
from gateway.models.webhooks import Change, ContentChanged, ConversationsChanged, ProfileChanged, StockChanged


def stale_values(change: Change) -> tuple[DataClass, tuple[str, ...]]:
    """The cached values a change makes stale: its data class and keys (SKUs, e-mails)."""
    match change:
        case StockChanged(skus):
            return DataClass.STOCK, skus
        case ContentChanged(skus):
            return DataClass.CONTENT, skus
        case ProfileChanged(emails):
            return DataClass.PROFILE, emails
        case ConversationsChanged(emails):
            return DataClass.CONVERSATIONS, emails


__all__ = ["stale_values"]
