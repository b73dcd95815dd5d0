"""Two gateway processes on one Redis: a webhook received by one refreshes the other's next answer.

Both run as an operator runs replicas (`commerce-gateway serve`, each its own process, sharing only
the Redis namespace of their config). The PIM's webhook reaches the first only; the second, whose
answer was cached for ten minutes, must answer with the new content at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from pathlib import Path

import pytest
import yaml

from sandbox.runner import Sandbox, odoo_webhook_token
from sandbox.seed import World

from .conftest import LONG_TTL
from .deliveries import Deliveries, akeneo_body
from .pim_edits import edit_description
from .test_restart import description, serving

REFRESH_BUDGET_S = 10.0
"""How long the second process may take to show the change before the test gives up (not a timing claim)."""


def _config(sandbox: Sandbox, directory: Path, namespace: str, name: str) -> Path:
    backends = sandbox.backends_config()
    token = odoo_webhook_token(sandbox.settings.options.seed)
    config = {
        "backends": {**backends, "odoo": {**backends["odoo"], "webhook_token": token}},
        "cache": {
            **LONG_TTL,
            "backend": "redis",
            "redis_url": "redis://127.0.0.1:6379/0",
            "namespace": namespace,
        },
        "server": {"host": "127.0.0.1", "state_dir": str(directory / f"state-{name}")},
    }
    path = directory / f"{name}.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


async def test_a_webhook_on_one_process_refreshes_the_others_next_answer(
    hooked_sandbox: Sandbox, shop: World, tmp_path: Path
) -> None:
    namespace = f"test-{uuid.uuid4().hex}"
    product = next(p for p in shop.products if p.published)
    edited = f"Revu {uuid.uuid4().hex[:8]}."
    async with contextlib.AsyncExitStack() as stack:
        first, second = await asyncio.gather(
            stack.enter_async_context(serving(_config(hooked_sandbox, tmp_path, namespace, "a"))),
            stack.enter_async_context(serving(_config(hooked_sandbox, tmp_path, namespace, "b"))),
        )
        before = await description(second.url, product.handle)  # cached by B, and in Redis
        await edit_description(hooked_sandbox, product.handle, edited)
        assert await description(second.url, product.handle) == before  # no webhook yet: still cached

        sent_at = time.perf_counter()
        reply = await Deliveries(hooked_sandbox, first.url).post(
            "akeneo", akeneo_body(str(uuid.uuid4()), model=product.handle)
        )
        assert (reply.status, reply.json()) == (200, {"accepted": 1, "duplicates": 0})
        while (seen := await description(second.url, product.handle)) != edited:
            if time.perf_counter() - sent_at > REFRESH_BUDGET_S:
                pytest.fail(
                    f"the second process still answers {seen!r} {REFRESH_BUDGET_S:g} s after the webhook"
                )
            await asyncio.sleep(0.005)
        elapsed_ms = (time.perf_counter() - sent_at) * 1000

    print(f"webhook on process A to fresh answer on process B: {elapsed_ms:.0f} ms")
