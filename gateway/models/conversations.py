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


@dataclass(frozen=True, slots=True)
class CustomerConversations:
    """A customer's conversations, most recently updated first, found by the e-mail of their contacts."""

    email: str
    conversations: tuple[Conversation, ...]


__all__ = ["Conversation", "CustomerConversations"]
