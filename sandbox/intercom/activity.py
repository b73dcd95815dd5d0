"""Simulated support activity for the demo: an agent answers an open conversation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sandbox.vocabulary import AGENT_LINES

from . import notifications
from .routes.replies import admin_reply
from .state import IntercomSandbox
from .views import conversation_view


def make_activity(state: IntercomSandbox) -> Callable[[], Awaitable[None]]:
    async def tick() -> None:
        waiting = [c for c in state.store.conversations.values() if c.state == "open"]
        if not waiting:
            return
        conversation = state.rng.choice(waiting)
        admin_id = str(conversation.admin_assignee_id or state.me.id)
        topic, part = admin_reply(
            state, conversation, admin_id, "comment", f"<p>{state.rng.choice(AGENT_LINES)}</p>"
        )
        notifications.emit(state, topic, conversation_view(conversation, state.store.contacts, parts=[part]))

    return tick


__all__ = ["make_activity"]
