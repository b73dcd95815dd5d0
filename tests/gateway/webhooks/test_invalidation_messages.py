"""What replicas tell each other of a change: every kind of change, read back as it was sent."""

from __future__ import annotations

import orjson
import pytest

from gateway.models.webhooks import Change, ContentChanged, ConversationsChanged, ProfileChanged, StockChanged
from gateway.webhooks.broadcast import decode, encode


@pytest.mark.parametrize(
    "change",
    [
        StockChanged(("SKU-1", "SKU-2")),
        ContentChanged(("SKU-3",)),
        ProfileChanged(("ana@example.com",)),
        ConversationsChanged(("ana@example.com", "bo@example.com")),
    ],
)
def test_a_change_crosses_as_it_was_sent(change: Change) -> None:
    assert decode(encode("replica-a", [change])) == ("replica-a", (change,))


def test_a_message_of_an_earlier_version_is_still_read() -> None:
    earlier = orjson.dumps({"origin": "old", "changes": [{"kind": "stock", "skus": ["SKU-1"]}]})

    assert decode(earlier) == ("old", (StockChanged(("SKU-1",)),))


@pytest.mark.parametrize(
    "message",
    [
        b"not json",
        b'{"origin": "x"}',
        b'{"origin": "x", "changes": [{"kind": "weather", "keys": []}]}',
        b'{"origin": "x", "changes": [{"kind": "stock"}]}',
    ],
)
def test_anything_else_is_not_a_message(message: bytes) -> None:
    with pytest.raises(ValueError, match="not an invalidation message"):
        decode(message)
