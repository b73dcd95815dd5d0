"""A backend's answer, read in full and detached from the connection."""

from __future__ import annotations

from typing import Any

import orjson
from multidict import CIMultiDictProxy

from gateway.backends.http.errors import BackendBadResponse

_UNPARSED: Any = object()


def is_json_type(content_type: str) -> bool:
    """Whether a media type is JSON (`application/json`, `application/problem+json`, ...)."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


class BackendResponse:
    """Status, headers and body of a backend's answer; `json()` parses the body once, with orjson.

    The connection is back in the pool by the time a connector sees this, so it can be kept, passed
    around and read at leisure.

    ```python
    response = await client.request("GET", "/api/rest/v1/products-uuid", params={"limit": "100"})
    items = response.json_object()["_embedded"]["items"]
    ```
    """

    __slots__ = ("_data", "body", "headers", "method", "path", "service", "status")

    def __init__(
        self,
        *,
        service: str,
        method: str,
        path: str,
        status: int,
        headers: CIMultiDictProxy[str],
        body: bytes,
    ) -> None:
        self.service = service
        self.method = method
        # The path only: the query string may carry a token (error messages quote the path).
        self.path = path
        self.status = status
        self.headers = headers
        self.body = body
        self._data: Any = _UNPARSED

    @property
    def content_type(self) -> str:
        """The media type the backend declared, lower-cased, without parameters."""
        return self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()

    @property
    def declares_json(self) -> bool:
        """Whether the backend said the body is JSON."""
        return is_json_type(self.content_type)

    def json(self) -> Any:
        """The body parsed as JSON, whatever the declared type; `BackendBadResponse` if it is not JSON."""
        if self._data is _UNPARSED:
            try:
                self._data = orjson.loads(self.body)
            except orjson.JSONDecodeError:
                kind = self.content_type or "no content type"
                raise BackendBadResponse(
                    self.service,
                    f"{self.method} {self.path} answered {self.status} with a body that is not JSON ({kind}, {len(self.body)} bytes)",
                ) from None
        return self._data

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object; `BackendBadResponse` if it is not JSON or not an object."""
        data = self.json()
        if not isinstance(data, dict):
            raise self.bad_shape(f"expected a JSON object, got {type(data).__name__}")
        return data

    def json_list(self) -> list[Any]:
        """The body as a JSON array; `BackendBadResponse` if it is not JSON or not an array."""
        data = self.json()
        if not isinstance(data, list):
            raise self.bad_shape(f"expected a JSON array, got {type(data).__name__}")
        return data

    def bad_shape(self, why: str) -> BackendBadResponse:
        """The error a connector raises when the answer is JSON but not the shape it expects."""
        return BackendBadResponse(self.service, f"{self.method} {self.path} answered {self.status}: {why}")

    def __repr__(self) -> str:
        return (
            f"<BackendResponse {self.service} {self.method} {self.path} {self.status} {len(self.body)} bytes>"
        )


__all__ = ["BackendResponse", "is_json_type"]
