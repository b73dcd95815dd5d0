"""The Customer Account API connector: a customer's planned operation sent with that customer's own token.

Every call carries the client's `Authorization` header as it came (Shopify's raw access token,
no scheme): the gateway holds no credential of its own for this API, and never stores the token.
Shopify's 401 for a token it does not accept is the client's to act on, so it comes out as
`CallerRefused` with Shopify's body; any other answer is returned as Shopify sent it, `data`,
`errors` and `extensions` included, for the gateway to graft its fields into.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.backends.http.client import BackendClient
from gateway.models.caller import ANONYMOUS, Caller
from gateway.models.refusal import CallerRefused

from .graphql_answer import checked_answer, request_body
from .introspection import customer_account_path

UNAUTHORIZED = 401
"""Shopify's status for a missing, forged, expired or revoked customer token."""


class CustomerAccountForwarder:
    """Sends planned operations to one shop's Customer Account API, as the signed-in customer.

    ```python
    forwarder = CustomerAccountForwarder(client, api_version="2026-04")
    answer = await forwarder.forward(document, {}, None, mutation=False, caller=Caller(authorization=token))
    ```
    """

    service = "shopify"

    def __init__(self, client: BackendClient, *, api_version: str) -> None:
        self.client = client
        self.api_version = api_version
        self._path = customer_account_path(api_version)

    async def forward(
        self,
        document: str,
        variables: Mapping[str, Any],
        operation_name: str | None,
        *,
        mutation: bool,
        caller: Caller = ANONYMOUS,
    ) -> dict[str, Any]:
        """Shopify's answer to one operation for the caller's token; `CallerRefused` on its 401.

        A query is retried like any read; a mutation never is, since Shopify may have applied it.
        """
        payload = request_body(document, variables, operation_name)
        # No token, no header: Shopify answers that with its own 401, which the client must see.
        headers = {"Authorization": caller.authorization} if caller.authorization else {}
        response = await self.client.request(
            "POST",
            self._path,
            json=payload,
            headers=headers,
            idempotent=not mutation,
            allow_statuses=(400, UNAUTHORIZED),
        )
        if response.status == UNAUTHORIZED:
            raise CallerRefused(UNAUTHORIZED, response.json_object())
        return checked_answer(response)


__all__ = ["CustomerAccountForwarder"]
