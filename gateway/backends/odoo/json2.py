"""One authenticated Odoo JSON-2 call (`POST /json/2/<model>/<method>`), its answer read through a shape.

Every Odoo connector (stock, orders) sends its calls through one of these over the gateway's one
Odoo `BackendClient`, so they share its session, deadlines, retries and breaker.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import TypeAdapter

from gateway.backends.http.answer_shapes import read_answer
from gateway.backends.http.client import BackendClient

T = TypeVar("T")


class Json2:
    """Calls on one database with one API key.

    ```python
    odoo = Json2(client, database="northwind", api_key=key)
    rows = await odoo.call("sale.order", "search_read", {"domain": [], "fields": ["name"]}, SALE_ORDERS)
    ```
    """

    def __init__(self, client: BackendClient, *, database: str, api_key: str) -> None:
        self.client = client
        self._headers = {"Authorization": f"bearer {api_key}", "X-Odoo-Database": database}

    async def call(
        self,
        model: str,
        method: str,
        params: Mapping[str, Any],
        shape: TypeAdapter[T],
        *,
        read: bool = True,
        probe: bool = False,
    ) -> T:
        """One JSON-2 call, its answer read through `shape` (`BackendBadResponse` when not of it).

        A read may be retried, a write never; a probe is a readiness check's call.
        """
        response = await self.client.request(
            "POST",
            f"/json/2/{model}/{method}",
            json=dict(params),
            headers=self._headers,
            idempotent=read,
            probe=probe,
        )
        return read_answer(response, shape, f"{model} rows")


__all__ = ["Json2"]
