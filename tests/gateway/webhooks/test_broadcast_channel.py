"""The invalidation channel itself: its messages, a process's own echo, and a lost subscription."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

import pytest
from redis.asyncio import Redis

from gateway.models.webhooks import Change, ContentChanged, StockChanged
from gateway.webhooks.broadcast import RedisInvalidations, decode, encode

from .private_redis import private_redis

REDIS_URL = "redis://127.0.0.1:6379/0"


class Process:
    """What one gateway process does with the changes it receives."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.cleared = 0
        self.arrived = asyncio.Event()

    def forget(self, changes: Sequence[Change]) -> None:
        self.changes += changes
        self.arrived.set()

    def forget_all(self) -> None:
        self.cleared += 1
        self.arrived.set()


def test_messages_carry_the_changes_and_their_origin() -> None:
    changes = (StockChanged(("A", "B")), ContentChanged(("C",)))

    assert decode(encode("me", changes)) == ("me", changes)
    with pytest.raises(ValueError, match="not an invalidation message"):
        decode(b'{"origin": "me", "changes": [{"kind": "price", "skus": []}]}')
    with pytest.raises(ValueError, match="not an invalidation message"):
        decode(b"not json")


async def test_a_change_is_applied_at_once_here_and_on_receipt_elsewhere() -> None:
    namespace = f"test-{uuid.uuid4().hex}"
    here, there = Process(), Process()
    sender = RedisInvalidations.from_url(REDIS_URL, namespace, here.forget, here.forget_all)
    receiver = RedisInvalidations.from_url(REDIS_URL, namespace, there.forget, there.forget_all)
    await sender.start()
    await receiver.start()
    try:
        await sender.publish([StockChanged(("A",))])
        assert here.changes == [StockChanged(("A",))]

        async with asyncio.timeout(10):
            await there.arrived.wait()
        assert there.changes == [StockChanged(("A",))]
        assert here.changes == [StockChanged(("A",))], "its own echo is not applied twice"
    finally:
        await sender.close()
        await receiver.close()


async def test_a_lost_subscription_forgets_everything_once_it_is_back() -> None:
    async with private_redis() as url:
        process = Process()
        channel = RedisInvalidations.from_url(url, "test", process.forget, process.forget_all)
        await channel.start()
        try:
            async with Redis.from_url(url) as admin:
                # when: the server drops the subscription (changes published now would be missed)
                assert await admin.client_kill_filter(_type="pubsub") == 1

                # then: the process resubscribes and, not knowing what it missed, forgets everything
                async with asyncio.timeout(10):
                    await process.arrived.wait()
                assert process.cleared == 1
                await admin.publish("test:invalidations", encode("elsewhere", [StockChanged(("B",))]))
                process.arrived.clear()
                async with asyncio.timeout(10):
                    await process.arrived.wait()
                assert process.changes == [StockChanged(("B",))]
        finally:
            await channel.close()
