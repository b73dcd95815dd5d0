"""Deliveries older than their vendor's replay window are refused, whatever their signature.

Shopify stamps `X-Shopify-Triggered-At`, Akeneo's CloudEvents carry `time` and Intercom's
notifications `created_at`; each window outlasts the vendor's own retries (a retry keeps the
first attempt's time) and stays within the 24 hours event ids are remembered.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest

from gateway.config import ConfigError
from sandbox.runner import Sandbox
from tests.harness import running_gateway

from .conftest import webhook_config
from .deliveries import Deliveries, akeneo_body, cloudevent_time, intercom_body, rfc3339, shopify_body

HOUR = 3600.0


@pytest.fixture
async def one_minute(hooked_sandbox: Sandbox) -> AsyncIterator[Deliveries]:
    """A gateway whose Shopify window is configured down to one minute."""
    config = webhook_config(hooked_sandbox, {"backends": {"shopify": {"webhook_max_age_s": 60}}})
    async with running_gateway(config) as gateway:
        yield Deliveries(hooked_sandbox, gateway.url)


async def _shopify(deliveries: Deliveries, triggered_at: str) -> int:
    body = shopify_body()
    reply = await deliveries.post(
        "shopify", body, deliveries.sign("shopify", body, triggered_at=triggered_at)
    )
    return reply.status


async def test_a_shopify_delivery_triggered_in_2020_is_refused(deliveries: Deliveries) -> None:
    assert await _shopify(deliveries, "2020-01-01T00:00:00.000Z") == 401


async def test_a_shopify_retry_hours_later_is_still_accepted(deliveries: Deliveries) -> None:
    # Shopify retries 8 times over about 4 hours, each with the first attempt's Triggered-At.
    assert await _shopify(deliveries, rfc3339(time.time() - 4 * HOUR)) == 200


async def test_nanoseconds_and_offsets_are_read(deliveries: Deliveries) -> None:
    now = rfc3339(time.time())  # 2026-08-21T10:00:00.123456Z
    assert await _shopify(deliveries, now.replace("Z", "789Z")) == 200  # what Shopify sends
    assert await _shopify(deliveries, now.replace("Z", "+00:00")) == 200


async def test_the_shopify_window_is_configurable(one_minute: Deliveries) -> None:
    two_minutes_ago = rfc3339(time.time() - 120)

    assert await _shopify(one_minute, two_minutes_ago) == 401
    assert await _shopify(one_minute, rfc3339(time.time())) == 200


@pytest.mark.parametrize(
    "triggered_at",
    ["yesterday", "2026-13-01T00:00:00Z", "²³²³-01-01T00:00:00Z", "1" * 5000, "2026-01-01"],
)
async def test_an_unreadable_triggered_at_is_refused(deliveries: Deliveries, triggered_at: str) -> None:
    assert await _shopify(deliveries, triggered_at) == 401


async def test_a_delivery_from_the_future_is_refused(deliveries: Deliveries) -> None:
    assert await _shopify(deliveries, rfc3339(time.time() + HOUR)) == 401


async def test_an_akeneo_event_outside_its_window_is_refused(deliveries: Deliveries) -> None:
    old = await deliveries.post("akeneo", akeneo_body("evt-2020", at="2020-01-01T00:00:00Z"))
    fresh = await deliveries.post("akeneo", akeneo_body("evt-now", at=cloudevent_time(time.time())))
    unreadable = await deliveries.post("akeneo", akeneo_body("evt-odd", at="last tuesday"))

    assert old.status == 401
    assert "time" in old.json()["error"]
    assert fresh.status == 200
    assert unreadable.status == 400


async def test_an_intercom_notification_outside_its_window_is_refused(deliveries: Deliveries) -> None:
    old = await deliveries.post("intercom", intercom_body("notif_2020", created_at=1_577_836_800))
    fresh = await deliveries.post("intercom", intercom_body("notif_now"))

    assert old.status == 401
    assert "created_at" in old.json()["error"]
    assert fresh.status == 200


def test_a_window_longer_than_the_dedupe_memory_is_a_config_error(hooked_sandbox: Sandbox) -> None:
    half_a_day = webhook_config(hooked_sandbox, {"backends": {"shopify": {"webhook_max_age_s": 12 * HOUR}}})
    assert half_a_day.backends.shopify.webhook_max_age_s == 12 * HOUR

    with pytest.raises(ConfigError, match=r"webhook_max_age_s: Input should be less than or equal"):
        webhook_config(hooked_sandbox, {"backends": {"shopify": {"webhook_max_age_s": 2 * 24 * HOUR}}})
