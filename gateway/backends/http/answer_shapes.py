"""Reading a backend's JSON answer through the connector's model of its shape.

Each connector describes the answers it reads as pydantic models of exactly the fields it uses
(strict on their types, blind to everything else). `read_answer` validates the parsed body against
one; any mismatch becomes the service's `BackendBadResponse`, saying where in the answer the first
problem is and what was expected there, never the value found (a body may hold anything).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from gateway.backends.http.response import BackendResponse

T = TypeVar("T")

PROBLEM_MAX_CHARS = 200
"""A path in an answer names vendor keys (attribute codes...): long ones are cut."""


def read_answer(response: BackendResponse, shape: TypeAdapter[T], what: str, *, context: Any = None) -> T:
    """The answer's body validated (strictly: JSON types as they are) against `shape`.

    `BackendBadResponse` when the body is not JSON or not of the shape; `what` names the answer in
    the message. `context` reaches the shape's validators (what one answer's fields mean may depend
    on another answer, such as Akeneo's attribute types).
    """
    data = response.json()
    try:
        return shape.validate_python(data, strict=True, context=context)
    except ValidationError as exc:
        raise response.bad_shape(f"unexpected {what}: {_first_problem(exc)}") from None


def _first_problem(error: ValidationError) -> str:
    """Where the first problem is (`_embedded.items[3].uuid`) and what was expected there."""
    first = error.errors(include_url=False, include_input=False, include_context=False)[0]
    place = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in first["loc"])
    text = f"{place.lstrip('.')}: {first['msg']}" if place else first["msg"]
    if len(text) > PROBLEM_MAX_CHARS:
        text = text[: PROBLEM_MAX_CHARS - 1] + "…"
    return text


__all__ = ["read_answer"]
