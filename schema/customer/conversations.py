"""ChatConversationConnection: the customer's conversations with the shop's support, a page at a time."""

from __future__ import annotations

import base64
import binascii
import bisect
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from gateway.models import conversations as models
from resolvers.errors import UserInputError

DEFAULT_PAGE = 10
MAX_PAGE = 50

ARGUMENTS = f'''(
  """How many conversations to return, most recently updated first: 1 to {MAX_PAGE}."""
  first: Int = {DEFAULT_PAGE}
  """Return the conversations after this cursor, taken from an earlier page's `pageInfo.endCursor`."""
  after: String
)'''
"""`Customer.conversations`'s arguments, as composed into the schema."""


@strawberry.enum(name="ChatConversationState", description="Where a conversation stands with support.")
class ConversationState(Enum):
    OPEN = strawberry.enum_value("open", description="Waiting for an answer from support or the customer.")
    CLOSED = strawberry.enum_value(
        "closed", description="Settled; a new message from the customer reopens it."
    )
    SNOOZED = strawberry.enum_value("snoozed", description="Set aside by support until a given time.")


@strawberry.enum(name="ChatParticipant", description="Who wrote a message.")
class Participant(Enum):
    CUSTOMER = strawberry.enum_value("customer", description="The customer.")
    AGENT = strawberry.enum_value("agent", description="A member of the shop's support team.")


@strawberry.type(
    name="ChatConversation", description="A conversation between the customer and the shop's support."
)
class Conversation:
    id: strawberry.ID = strawberry.field(description="The chat system's conversation id.")
    title: str | None = strawberry.field(description="The conversation's title, when support gave it one.")
    state: ConversationState = strawberry.field(description="Where the conversation stands.")
    preview: str | None = strawberry.field(
        description="The start of the customer's opening message, as plain text."
    )
    unread: bool = strawberry.field(
        description="Whether support wrote last: an answer is waiting for the customer to read it."
    )
    last_message_at: datetime = strawberry.field(description="When the latest message was written.")
    last_message_by: Participant = strawberry.field(description="Who wrote the latest message.")
    created_at: datetime = strawberry.field(description="When the conversation was opened.")
    updated_at: datetime = strawberry.field(description="When anything in the conversation last changed.")

    @classmethod
    def from_model(cls, conversation: models.Conversation) -> Conversation:
        customer_at = conversation.last_customer_message_at or conversation.created_at
        agent_at = conversation.last_agent_message_at
        agent_last = agent_at is not None and agent_at > customer_at
        return cls(
            id=strawberry.ID(conversation.id),
            title=conversation.title,
            state=ConversationState(conversation.state),
            preview=conversation.preview,
            unread=agent_last,
            last_message_at=agent_at if agent_at is not None and agent_last else customer_at,
            last_message_by=Participant.AGENT if agent_last else Participant.CUSTOMER,
            created_at=conversation.created_at,
            updated_at=conversation.updated_at,
        )


@strawberry.type(name="ChatConversationEdge", description="A conversation and its place in the list.")
class ConversationEdge:
    cursor: str = strawberry.field(description="Pass as `after` to list the conversations after this one.")
    node: Conversation = strawberry.field(description="The conversation.")


@strawberry.type(name="ChatPageInfo", description="Where a page of conversations stands in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more conversations follow this page.")
    has_previous_page: bool = strawberry.field(description="Whether this page started after a cursor.")
    start_cursor: str | None = strawberry.field(description="The cursor of the page's first conversation.")
    end_cursor: str | None = strawberry.field(description="The cursor of the page's last conversation.")


@strawberry.type(
    name="ChatConversationConnection",
    description="A page of the customer's conversations, most recently updated first.",
)
class ConversationConnection:
    edges: list[ConversationEdge] = strawberry.field(
        description="The page's conversations with their cursors."
    )
    nodes: list[Conversation] = strawberry.field(description="The page's conversations.")
    page_info: PageInfo = strawberry.field(description="How to reach the next page.")
    total_count: int = strawberry.field(description="How many conversations the customer has in all.")

    @classmethod
    def page(
        cls, listed: models.CustomerConversations | None, arguments: dict[str, Any]
    ) -> ConversationConnection:
        """The page `first`/`after` ask for; an empty list for a customer the chat has never met."""
        first, after = arguments.get("first", DEFAULT_PAGE), arguments.get("after")
        if first is None or not 1 <= first <= MAX_PAGE:
            raise UserInputError(f"`first` must be between 1 and {MAX_PAGE}", argument="first")
        conversations = listed.conversations if listed is not None else ()
        keys = [c.list_order for c in conversations]
        start = bisect.bisect_right(keys, _decode(after)) if after is not None else 0
        chosen = conversations[start : start + first]
        edges = [ConversationEdge(cursor=_encode(c), node=Conversation.from_model(c)) for c in chosen]
        return cls(
            edges=edges,
            nodes=[edge.node for edge in edges],
            page_info=PageInfo(
                has_next_page=start + first < len(conversations),
                has_previous_page=start > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=len(conversations),
        )


def _encode(conversation: models.Conversation) -> str:
    raw = f"{conversation.updated_at.timestamp():.0f}:{conversation.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[float, str]:
    """A cursor's place in the order; a cursor this field did not give is the client's mistake."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        seconds, conversation_id = raw.split(":", 1)
        return (-float(int(seconds)), conversation_id)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise UserInputError("`after` is not a cursor this list gave", argument="after") from None


__all__ = ["ARGUMENTS", "Conversation", "ConversationConnection", "ConversationState", "Participant"]
