"""`commerce-gateway demo --tls`: HTTPS that a client trusting only the printed CA accepts, and the
emulators' webhooks still reaching the gateway (they speak plain HTTP, to a loopback listener of its own)."""

from __future__ import annotations

import base64
import json
import signal
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.demo_process import RunningDemo, running_demo

CONTENT = """query($handle: String!) @inContext(language: FR) { product(handle: $handle) { content { description } } }"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningDemo]:
    with running_demo("--tls", "--tls-dir", str(tmp_path_factory.mktemp("tls"))) as running:
        yield running


def _call(method: str, url: str, headers: dict[str, str], payload: Any = None) -> tuple[int, Any]:
    request = urllib.request.Request(  # noqa: S310 - the emulators' loopback URLs
        url,
        method=method,
        data=None if payload is None else json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", **headers},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        raw = response.read()
        return response.status, json.loads(raw) if raw else None


def test_the_gateway_answers_over_https_under_the_printed_ca(demo: RunningDemo) -> None:
    assert demo.ca is not None
    body = demo.post("/graphql", "{ shop { name } }")

    assert body["data"]["shop"]["name"]
    with pytest.raises(urllib.error.URLError) as refused:
        urllib.request.urlopen(f"{demo.origin}/readyz", timeout=30)  # noqa: S310 - the system's CAs only
    assert isinstance(refused.value.reason, ssl.SSLCertVerificationError)


def test_a_pim_edit_reaches_the_gateway_as_a_webhook(demo: RunningDemo) -> None:
    handle = demo.post("/graphql", "{ products(first: 1) { nodes { handle } } }")["data"]["products"][
        "nodes"
    ][0]["handle"]
    before = demo.post("/graphql", CONTENT, {"handle": handle})["data"]["product"]["content"]["description"]
    url, credentials = demo.emulators["akeneo"]
    basic = base64.b64encode(f"{credentials['client_id']}:{credentials['client_secret']}".encode()).decode()
    grant = {
        "grant_type": "password",
        "username": credentials["username"],
        "password": credentials["password"],
    }
    _, token = _call("POST", f"{url}/api/oauth/v1/token", {"Authorization": f"Basic {basic}"}, grant)
    edit = {"values": {"description": [{"locale": "fr_FR", "scope": "ecommerce", "data": "Toute nouvelle."}]}}

    status, _ = _call(
        "PATCH",
        f"{url}/api/rest/v1/product-models/{handle}",
        {"Authorization": f"Bearer {token['access_token']}"},
        edit,
    )
    _, sent = _call("GET", f"{url}/__sandbox/webhooks", {})  # waits for the deliveries in flight

    assert status == 204
    assert sent["url"].startswith("http://127.0.0.1:")
    assert sent["deliveries"]
    assert all(delivery["status"] == 200 for delivery in sent["deliveries"])
    after = demo.post("/graphql", CONTENT, {"handle": handle})["data"]["product"]["content"]["description"]
    assert before != "Toute nouvelle."
    assert after == "Toute nouvelle."


def test_without_a_tls_dir_the_temporary_one_is_removed_on_ctrl_c() -> None:
    with running_demo("--tls") as demo:
        assert demo.ca is not None
        made = demo.ca.parent
        assert made.name.startswith("commerce-gateway-tls-")
        assert demo.post("/graphql", "{ shop { name } }")["data"]["shop"]["name"]

        demo.process.send_signal(signal.SIGINT)
        demo.process.wait(timeout=60)

    assert not made.exists()
