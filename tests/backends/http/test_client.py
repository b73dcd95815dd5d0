"""The session's lifecycle and what every call sends, counts and reports."""

from __future__ import annotations

from collections.abc import Mapping

import orjson
import pytest

from gateway.backends.http.client import USER_AGENT, BackendClient
from gateway.backends.http.errors import BackendUnavailable
from gateway.backends.http.metrics import MetricsRegistry
from gateway.backends.http.settings import BackendSettings
from tests.backends.http.conftest import ClientFactory, Sleeps, Upstream


async def test_a_call_before_open_is_a_programming_error(upstream: Upstream) -> None:
    client = BackendClient(BackendSettings(name="vendor", url=upstream.url))

    with pytest.raises(RuntimeError, match="open"):
        await client.request("GET", "/things")


async def test_the_context_manager_opens_and_closes_the_session(upstream: Upstream) -> None:
    client = BackendClient(BackendSettings(name="vendor", url=upstream.url + "/"))
    async with client as opened:
        assert opened is client
        assert not client.closed
        assert (await client.request("GET", "/things")).status == 200
    assert client.closed
    await client.close()  # closing twice is harmless
    assert [hit.path for hit in upstream.hits] == ["/things"]


async def test_every_call_sends_the_gateway_user_agent(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    client = await make_client()

    await client.request("GET", "/things")

    assert USER_AGENT.startswith("commerce-gateway/")
    assert upstream.hits[0].headers["User-Agent"] == USER_AGENT


async def test_json_bodies_are_sent_with_orjson_and_a_json_content_type(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    client = await make_client()
    body = {"inputs": [{"id": "ada@example.com"}], "idProperty": "email", "n": 1.5, "ok": True}

    await client.request(
        "POST", "/crm/v3/objects/contacts/batch/read", json=body, params={"archived": "false"}
    )

    hit = upstream.hits[0]
    assert hit.method == "POST"
    assert hit.query == "archived=false"
    assert hit.headers["Content-Type"] == "application/json"
    assert hit.body == orjson.dumps(body)


async def test_a_path_is_appended_to_a_base_url_with_a_prefix(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    client = await make_client(url=upstream.url + "/prefix/")

    await client.request("get", "/api/things")
    await client.request("GET", "api/other")

    assert [hit.path for hit in upstream.hits] == ["/prefix/api/things", "/prefix/api/other"]
    assert upstream.hits[0].method == "GET"


async def test_a_response_keeps_status_headers_and_raw_bytes(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.raw(b"\x89PNG...", content_type="image/png", headers={"X-Request-Id": "r1"}))
    client = await make_client()

    response = await client.request("GET", "/media/1/download")

    assert response.status == 200
    assert response.body == b"\x89PNG..."
    assert response.content_type == "image/png"
    assert response.headers["X-Request-Id"] == "r1"


class RotatingToken(BackendClient):
    """Asks for credentials on every attempt, as an OAuth connector refreshing its token would."""

    issued = 0

    async def auth_headers(self) -> Mapping[str, str]:
        self.issued += 1
        return {"Authorization": f"Bearer token-{self.issued}"}


async def test_credentials_are_asked_for_again_before_each_attempt(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({}, status=503), Upstream.json({"ok": True}))
    client = await make_client(client_class=RotatingToken, sleep=Sleeps())

    await client.request("GET", "/things")

    assert [hit.headers["Authorization"] for hit in upstream.hits] == ["Bearer token-1", "Bearer token-2"]


async def test_metrics_count_calls_attempts_retries_statuses_and_failures(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given a registry shared by the app, and a wall clock it reads
    registry = MetricsRegistry(wall_clock=lambda: 1_700_000_000.0)
    upstream.script(Upstream.json({}, status=503), Upstream.json({"ok": True}))
    client = await make_client(metrics=registry, sleep=Sleeps(), retries=1)

    # when one call succeeds after a retry and one fails
    await client.request("GET", "/things")
    upstream.hits.clear()
    upstream.script(Upstream.json({}, status=503))
    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")

    # then
    snapshot = registry.snapshot()["vendor"]
    assert snapshot["calls"] == 2
    assert snapshot["attempts"] == 4
    assert snapshot["retries"] == 2
    assert snapshot["successes"] == 1
    assert snapshot["failures"] == {"BACKEND_UNAVAILABLE": 1}
    assert snapshot["statuses"] == {"200": 1, "503": 3}
    assert snapshot["in_flight"] == 0
    assert snapshot["latency"]["count"] == 2
    assert snapshot["latency"]["sum_s"] > 0
    assert snapshot["last_success_at"] == 1_700_000_000.0
    assert snapshot["last_failure_at"] == 1_700_000_000.0
    assert snapshot["last_error"] == "vendor: GET /things: server error (503)"
    assert snapshot["last_ok"] is False
    assert snapshot["breaker"] == {"state": "closed", "opened": 0}
    assert registry.names() == ["vendor"]


async def test_check_follows_the_last_call(upstream: Upstream, make_client: ClientFactory) -> None:
    client = await make_client(retries=0)
    assert await client.check()  # no call yet

    upstream.script(Upstream.json({}, status=503))
    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")
    assert not await client.check()
    assert not client.healthy

    upstream.script(Upstream.json({"ok": True}))
    await client.request("GET", "/things")
    assert await client.check()


def test_settings_reject_nonsense_without_quoting_the_url() -> None:
    with pytest.raises(ValueError, match="timeout_s must be > 0") as caught:
        BackendSettings(name="shopify", url="https://user:s3cr3t@shop.example.com", timeout_s=0, retries=-1)
    assert "retries must be >= 0" in str(caught.value)
    assert "s3cr3t" not in str(caught.value)
    with pytest.raises(ValueError, match="url must start with http"):
        BackendSettings(name="shopify", url="shop.example.com")


def test_the_pool_defaults_to_one_connection_per_allowed_call() -> None:
    assert BackendSettings(name="akeneo", url="http://pim", max_concurrency=4).connection_limit == 4
    assert (
        BackendSettings(name="akeneo", url="http://pim", max_concurrency=4, pool_size=8).connection_limit == 8
    )
