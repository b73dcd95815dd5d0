"""`read_answer`: a backend's JSON answer through a connector's model, or the service's bad response.

The message says where the first problem is and what was expected there, never the value found.
"""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter

from gateway.backends.http.answer_shapes import read_answer
from gateway.backends.http.errors import BackendBadResponse

from .conftest import ClientFactory, Upstream


class Item(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str
    count: int = 0


ITEMS = TypeAdapter(dict[str, list[Item]])


async def test_an_answer_of_the_shape_is_read_into_it(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(Upstream.json({"items": [{"code": "a", "count": 2, "unread": [1]}]}))
    client = await make_client()

    answer = read_answer(await client.request("GET", "/items"), ITEMS, "item list")

    assert answer == {"items": [Item(code="a", count=2)]}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            {"items": [{"code": "sk-secret-123"}, {"code": 7}]},
            "items[1].code: Input should be a valid string",
        ),
        ({"items": [{"code": "a", "count": "2"}]}, "items[0].count: Input should be a valid integer"),
        ({"items": [{"code": "a", "count": True}]}, "items[0].count: Input should be a valid integer"),
        ({"items": None}, "items: Input should be a valid list"),
        (["sk-secret-123"], "Input should be a valid dictionary"),
    ],
    ids=["string", "number as text", "boolean as number", "null list", "not an object"],
)
async def test_another_shape_is_a_bad_response_saying_where(
    upstream: Upstream, make_client: ClientFactory, body: object, problem: str
) -> None:
    upstream.script(Upstream.json(body))
    client = await make_client()
    response = await client.request("GET", "/items")

    with pytest.raises(BackendBadResponse) as raised:
        read_answer(response, ITEMS, "item list")

    assert str(raised.value) == f"vendor: GET /items answered 200: unexpected item list: {problem}"
    assert "sk-secret" not in str(raised.value)


async def test_a_long_place_is_cut(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(Upstream.json({"x" * 1000: [{"code": 1}]}))
    client = await make_client()

    with pytest.raises(BackendBadResponse) as raised:
        read_answer(await client.request("GET", "/items"), ITEMS, "item list")

    assert len(str(raised.value)) < 300
    assert str(raised.value).endswith("…")


async def test_a_body_that_is_not_json_is_a_bad_response(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.raw(b'{"items": [', content_type="application/octet-stream"))
    client = await make_client()
    response = await client.request("GET", "/items")

    with pytest.raises(BackendBadResponse, match="not JSON"):
        read_answer(response, ITEMS, "item list")
