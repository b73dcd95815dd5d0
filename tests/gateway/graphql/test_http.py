"""What the GraphQL endpoint reads of a request: the buyer's IP, believed only from a server's key."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from gateway.graphql.http import buyer_ip
from gateway.models.client import OPEN, Client


def _request(**headers: str) -> Request:
    return Request(
        {
            "type": "http",
            "method": "POST",
            "path": "/graphql",
            "headers": [(name.lower().encode(), value.encode()) for name, value in headers.items()],
            "client": ("198.51.100.7", 50123),
        }
    )


@pytest.mark.parametrize("kind", ["server", "staff"])
def test_a_private_key_names_the_buyer(kind: str) -> None:
    client = Client("hydrogen", kind, frozenset({"catalog:read"}))

    assert buyer_ip(_request(**{"Shopify-Storefront-Buyer-IP": " 203.0.113.9 "}), client) == "203.0.113.9"


@pytest.mark.parametrize("kind", ["storefront", "widget", "anonymous"])
def test_a_browser_s_key_cannot_name_another_buyer(kind: str) -> None:
    client = Client("browser", kind, frozenset({"catalog:read"}))

    assert buyer_ip(_request(**{"Shopify-Storefront-Buyer-IP": "203.0.113.9"}), client) == "198.51.100.7"


def test_an_open_gateway_believes_its_network() -> None:
    assert buyer_ip(_request(**{"Shopify-Storefront-Buyer-IP": "203.0.113.9"}), OPEN) == "203.0.113.9"
    assert buyer_ip(_request(), OPEN) == "198.51.100.7"
