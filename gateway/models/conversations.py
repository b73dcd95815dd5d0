"""What the chat knows of a customer's conversations, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Conversation:
    """One conversation as a list shows it: its state and who spoke last, not its messages."""

    id: str
    title: str | None
    state: str
    """`open`, `closed` or `snoozed`."""
    preview: str | None
    """The opening message as plain text, cut to a preview's length."""
    created_at: datetime
    updated_at: datetime
    last_customer_message_at: datetime | None
    last_agent_message_at: datetime | None

    @property
    def list_order(self) -> tuple[float, str]:
        """Where it stands in a customer's list: most recently updated first, then by id (what
        `CustomerConversations` is sorted by, and what a list's cursors seek)."""
        return (-self.updated_at.timestamp(), self.id)


@dataclass(frozen=True, slots=True)
class CustomerConversations:
    """A customer's conversations, most recently updated first, found by the e-mail of their contacts."""

    email: str
    conversations: tuple[Conversation, ...]


__all__ = ["Conversation", "CustomerConversations"]
