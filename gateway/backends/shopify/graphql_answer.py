"""What every Shopify GraphQL API is sent (a GraphQL-over-HTTP request body) and answers: `data` and
`errors` (at least one), maybe `extensions`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.backends.http.response import BackendResponse


def request_body(document: str, variables: Mapping[str, Any], operation_name: str | None) -> dict[str, Any]:
    """The JSON body of one operation; `operationName` only when the operation has one."""
    body: dict[str, Any] = {"query": document, "variables": dict(variables)}
    if operation_name is not None:
        body["operationName"] = operation_name
    return body


def checked_answer(response: BackendResponse) -> dict[str, Any]:
    """The response's JSON object when it is a GraphQL answer; Shopify's fault (`BACKEND_BAD_RESPONSE`)
    when it is not: `data` an object or null, `errors` a list of objects, `extensions` an object."""
    answer = response.json_object()
    data, errors = answer.get("data"), answer.get("errors")
    if (
        ("data" not in answer and "errors" not in answer)
        or not (data is None or isinstance(data, dict))
        or not (errors is None or (isinstance(errors, list) and all(isinstance(e, dict) for e in errors)))
        or not isinstance(answer.get("extensions", {}), dict)
    ):
        raise response.bad_shape("not a GraphQL response (data, errors, extensions)")
    return answer


__all__ = ["checked_answer", "request_body"]
