"""Answers the gateway cannot use become the right `BackendError`, with a safe message."""

from __future__ import annotations

import socket
from collections.abc import Mapping

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendError,
    BackendRateLimited,
    BackendRequestError,
    BackendTimeout,
    BackendUnavailable,
)
from tests.backends.http.conftest import ClientFactory, Sleeps, Upstream

TOKEN = "shpat_0123456789abcdef0123456789abcdef"
QUERY_TOKEN = "qs-secret-9f8e7d6c5b4a"
BEARER = "eyJhbGciOiJIUzI1NiJ9.payload.signature"


@pytest.mark.parametrize(
    ("status", "body", "error_class", "vendor_message"),
    [
        (
            400,
            {"status": "error", "message": "Invalid input JSON", "category": "VALIDATION_ERROR"},
            BackendRequestError,
            "Invalid input JSON",
        ),
        (404, {"code": 404, "message": "Resource not found."}, BackendRequestError, "Resource not found."),
        (
            422,
            {"type": "error.list", "errors": [{"code": "parameter_invalid", "message": "Field is invalid"}]},
            BackendRequestError,
            "Field is invalid",
        ),
        (401, {"errors": "[API] Invalid API key or access token"}, BackendAuthError, None),
        (403, {"error": "invalid_grant", "error_description": "No access"}, BackendAuthError, None),
    ],
)
async def test_a_4xx_is_not_retried_and_maps_to_its_error(
    upstream: Upstream,
    make_client: ClientFactory,
    status: int,
    body: dict[str, object],
    error_class: type[BackendError],
    vendor_message: str | None,
) -> None:
    # given
    upstream.script(Upstream.json(body, status=status), Upstream.json({"ok": True}))
    client = await make_client(retries=2, sleep=Sleeps())

    # when
    with pytest.raises(error_class) as caught:
        await client.request("GET", "/api/things/1")

    # then
    assert len(upstream.hits) == 1
    error = caught.value
    assert error.service == "vendor"
    assert str(error).startswith("vendor: GET /api/things/1")
    assert getattr(error, "status", None) == status
    if vendor_message is not None:
        assert isinstance(error, BackendRequestError)
        assert error.vendor_message == vendor_message
        assert vendor_message in str(error)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (BackendUnavailable("odoo", "went wrong"), "BACKEND_UNAVAILABLE"),
        (BackendTimeout("odoo", "went wrong"), "BACKEND_TIMEOUT"),
        (BackendRateLimited("odoo", "went wrong", retry_after=2), "BACKEND_RATE_LIMITED"),
        (BackendBadResponse("odoo", "went wrong"), "BACKEND_BAD_RESPONSE"),
        (BackendAuthError("odoo", "went wrong", status=401), "BACKEND_AUTH"),
        (BackendRequestError("odoo", "went wrong", status=400), "BACKEND_REQUEST_REFUSED"),
    ],
)
def test_errors_carry_their_gateway_code_for_graphql_extensions(error: BackendError, code: str) -> None:
    assert error.code == code
    assert error.extensions == {"code": code, "service": "odoo"}
    assert str(error) == "odoo: went wrong"


async def test_rate_limited_after_the_retries_carries_retry_after(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(
        Upstream.json(
            {"message": "You have reached your ten secondly limit."},
            status=429,
            headers={"Retry-After": "0.01"},
        )
    )
    client = await make_client(retries=1, sleep=Sleeps())

    with pytest.raises(BackendRateLimited) as caught:
        await client.request("GET", "/crm/v3/objects/contacts")

    assert caught.value.retry_after == pytest.approx(0.01)
    assert "ten secondly limit" in str(caught.value)
    assert len(upstream.hits) == 2


async def test_a_redirect_is_not_followed(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(
        Upstream.raw(b"", status=302, headers={"Location": "/login"}), Upstream.json({"ok": True})
    )
    client = await make_client()

    with pytest.raises(BackendBadResponse, match="redirect"):
        await client.request("GET", "/admin")

    assert [hit.path for hit in upstream.hits] == ["/admin"]


async def test_allowed_statuses_are_returned_not_raised(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({"code": 404, "message": "Resource not found."}, status=404))
    client = await make_client()

    response = await client.request("GET", "/api/rest/v1/products-uuid/x", allow_statuses={404})

    assert response.status == 404
    assert response.json_object()["code"] == 404


async def test_garbage_under_a_json_content_type_is_a_bad_response(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.raw(b'{"data": [1, 2', content_type="application/json"))
    client = await make_client()

    with pytest.raises(BackendBadResponse) as caught:
        await client.request("GET", "/things")

    assert "not JSON" in str(caught.value)
    assert '{"data"' not in str(caught.value)


async def test_html_where_json_was_expected_is_a_bad_response(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.raw(b"<html><body>Maintenance</body></html>", content_type="text/html"))
    client = await make_client()
    response = await client.request("GET", "/things")

    with pytest.raises(BackendBadResponse) as caught:
        response.json()

    assert "text/html" in str(caught.value)
    assert "Maintenance" not in str(caught.value)


async def test_json_of_the_wrong_shape_is_a_bad_response(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json([1, 2, 3]))
    client = await make_client()
    response = await client.request("GET", "/things")

    assert response.json_list() == [1, 2, 3]
    with pytest.raises(BackendBadResponse, match="expected a JSON object"):
        response.json_object()


async def test_a_500_html_page_gives_no_vendor_message(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(
        Upstream.raw(b"<html>" + b"stack trace " * 100 + b"</html>", status=500, content_type="text/html")
    )
    client = await make_client()

    with pytest.raises(BackendUnavailable) as caught:
        await client.request("GET", "/things")

    assert str(caught.value) == "vendor: GET /things: server error (500)"


# -- secrets ---------------------------------------------------------------------------------------


class BearerClient(BackendClient):
    async def auth_headers(self) -> Mapping[str, str]:
        return {"Authorization": f"Bearer {BEARER}"}


def _assert_no_secret(error: BaseException) -> None:
    text = f"{error} {error!r} {error.args}"
    for secret in (TOKEN, QUERY_TOKEN, BEARER, "access_token=", "s3cr3tpass", "?"):
        assert secret not in text, f"{secret!r} leaked in {text!r}"


@pytest.mark.parametrize("status", [400, 401, 404, 429, 503])
async def test_no_token_or_query_string_appears_in_an_error_even_when_the_vendor_echoes_it(
    upstream: Upstream, make_client: ClientFactory, status: int
) -> None:
    # given a vendor that quotes back everything it was sent
    echoed = (
        f"bad token {TOKEN} with Bearer {BEARER} at {upstream.url}/things?access_token={QUERY_TOKEN}"
        f" (query {QUERY_TOKEN})"
    )
    upstream.script(Upstream.json({"message": echoed}, status=status))
    client = await make_client(client_class=BearerClient, retries=0)

    # when
    with pytest.raises(BackendError) as caught:
        await client.request(
            "GET",
            "/things",
            params={"access_token": QUERY_TOKEN},
            headers={"X-Shopify-Storefront-Access-Token": TOKEN},
        )

    # then the token was sent, and no error text quotes it
    assert upstream.hits[0].headers["X-Shopify-Storefront-Access-Token"] == TOKEN
    assert upstream.hits[0].query == f"access_token={QUERY_TOKEN}"
    _assert_no_secret(caught.value)
    assert "bad token [redacted]" in str(caught.value)


async def test_a_query_string_in_the_path_never_reaches_a_message(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({}, status=503))
    client = await make_client(retries=0)

    with pytest.raises(BackendUnavailable) as caught:
        await client.request("GET", f"/things?access_token={QUERY_TOKEN}")

    assert upstream.hits[0].query == f"access_token={QUERY_TOKEN}"
    _assert_no_secret(caught.value)


async def test_connection_errors_and_timeouts_quote_no_url_or_credentials(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given a closed port, and credentials in the configured URL
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = await make_client(url=f"http://gateway:s3cr3tpass@127.0.0.1:{port}", retries=1, sleep=Sleeps())
    upstream.script(upstream.hang())
    slow = await make_client(timeout_s=0.2)

    # when
    with pytest.raises(BackendUnavailable) as refused:
        await client.request(
            "GET", "/things", params={"access_token": QUERY_TOKEN}, headers={"X-Token": TOKEN}
        )
    with pytest.raises(BackendTimeout) as timed_out:
        await slow.request("GET", "/things", params={"access_token": QUERY_TOKEN}, headers={"X-Token": TOKEN})

    # then
    for error in (refused.value, timed_out.value):
        _assert_no_secret(error)
        assert error.__cause__ is None
        assert error.__suppress_context__
    assert "127.0.0.1" not in str(refused.value)
    assert str(refused.value) == "vendor: GET /things: connection failed (ClientConnectorError)"
