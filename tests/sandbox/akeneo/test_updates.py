"""PATCH of variant products (single and bulk) and of product models, with their events."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from sandbox.runner import Sandbox
from sandbox.seed import World

from .conftest import PRODUCTS, search

MODELS = "/api/rest/v1/product-models"
COLLECTION = "application/vnd.akeneo.collection+json"


@pytest.fixture(scope="module")
async def events(sandbox: Sandbox) -> AsyncIterator[list[dict[str, Any]]]:
    """Every event the emulator delivers during the module, decoded."""
    received: list[dict[str, Any]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(json.loads(await request.read()))
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/hook", hook)
    async with TestServer(app, host="127.0.0.1") as server:
        sandbox.emulators["akeneo"].control.webhooks.url = str(server.make_url("/hook"))
        yield received


async def delivered(sandbox: Sandbox, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    await sandbox.emulators["akeneo"].control.webhooks.drain()
    return events


async def read(http: aiohttp.ClientSession, uuid: str) -> dict[str, Any]:
    async with http.get(f"{PRODUCTS}/{uuid}") as response:
        assert response.status == 200
        body: dict[str, Any] = await response.json()
        return body


async def patch(http: aiohttp.ClientSession, path: str, payload: Any) -> tuple[int, Any]:
    async with http.patch(path, json=payload) as response:
        text = await response.text()
        return response.status, (json.loads(text) if text else dict(response.headers))


async def test_patch_variant_values_bumps_updated_and_emits(
    http: aiohttp.ClientSession, sandbox: Sandbox, world: World, events: list[dict[str, Any]]
) -> None:
    # given
    variant = world.products[10].variants[0]
    before = await read(http, variant.akeneo_uuid)
    sent = len(await delivered(sandbox, events))

    # when
    status, headers = await patch(
        http,
        f"{PRODUCTS}/{variant.akeneo_uuid}",
        {
            "enabled": not before["enabled"],
            "values": {
                "weight": [{"locale": None, "scope": None, "data": {"amount": "1.5", "unit": "KILOGRAM"}}]
            },
        },
    )

    # then
    assert status == 204
    assert headers["Location"].endswith(f"{PRODUCTS}/{variant.akeneo_uuid}")
    after = await read(http, variant.akeneo_uuid)
    assert after["enabled"] is not before["enabled"]
    assert after["values"]["weight"][0]["data"] == {"amount": "1.5000", "unit": "KILOGRAM"}
    assert after["updated"] > before["updated"]
    new = (await delivered(sandbox, events))[sent:]
    assert [(e["type"], e["data"]["product"]["uuid"]) for e in new] == [
        ("com.akeneo.pim.v1.product.updated", variant.akeneo_uuid)
    ]


async def test_model_level_values_on_a_variant_are_dropped_silently(
    http: aiohttp.ClientSession, sandbox: Sandbox, world: World, events: list[dict[str, Any]]
) -> None:
    # Akeneo keeps only the variant level's attributes in a variant's PATCH; the description is the model's.
    variant = world.products[11].variants[0]
    before = await read(http, variant.akeneo_uuid)
    sent = len(await delivered(sandbox, events))
    status, _ = await patch(
        http,
        f"{PRODUCTS}/{variant.akeneo_uuid}",
        {"values": {"description": [{"locale": "en_US", "scope": "ecommerce", "data": "Rewritten."}]}},
    )
    assert status == 204
    assert await read(http, variant.akeneo_uuid) == before
    assert len(await delivered(sandbox, events)) == sent


async def test_model_patch_reaches_every_variant_and_emits_the_model_event(
    http: aiohttp.ClientSession, sandbox: Sandbox, world: World, events: list[dict[str, Any]]
) -> None:
    # given
    product = world.products[12]
    sent = len(await delivered(sandbox, events))

    # when
    status, _ = await patch(
        http,
        f"{MODELS}/{product.handle}",
        {
            "values": {
                "description": [{"locale": "fr_FR", "scope": "ecommerce", "data": "Nouvelle description."}]
            }
        },
    )

    # then
    assert status == 204
    async with http.get(f"{MODELS}/{product.handle}") as response:
        model = await response.json()
    assert model["code"] == product.handle
    assert model["family_variant"] == f"{product.content.family}_by_color_size"
    for variant in product.variants:
        item = await read(http, variant.akeneo_uuid)
        texts = {(v["locale"], v["scope"]): v["data"] for v in item["values"]["description"]}
        assert texts[("fr_FR", "ecommerce")] == "Nouvelle description."
        assert item["updated"] == model["updated"]
    new = (await delivered(sandbox, events))[sent:]
    assert [(e["type"], e["data"]["product_model"]["code"]) for e in new] == [
        ("com.akeneo.pim.v1.product-model.updated", product.handle)
    ]
    moment = model["updated"][:19].replace("T", " ")
    async with http.get(
        PRODUCTS,
        params={"search": search(updated=[{"operator": "=", "value": moment}]), "limit": "100"},
    ) as response:
        found = {i["uuid"] for i in (await response.json())["_embedded"]["items"]}
    assert {v.akeneo_uuid for v in product.variants} <= found


async def test_a_patch_that_changes_nothing_keeps_updated_and_sends_nothing(
    http: aiohttp.ClientSession, sandbox: Sandbox, world: World, events: list[dict[str, Any]]
) -> None:
    variant = world.products[13].variants[0]
    before = await read(http, variant.akeneo_uuid)
    sent = len(await delivered(sandbox, events))
    status, _ = await patch(
        http, f"{PRODUCTS}/{variant.akeneo_uuid}", {"values": {"color": before["values"]["color"]}}
    )
    assert status == 204
    assert (await read(http, variant.akeneo_uuid))["updated"] == before["updated"]
    assert len(await delivered(sandbox, events)) == sent


def documented(message: str, operation: str = "patch_products_uuid__uuid_") -> dict[str, Any]:
    return {
        "code": 422,
        "message": f"{message} Check the expected format on the API documentation.",
        "_links": {"documentation": {"href": f"http://api.akeneo.com/api-reference.html#{operation}"}},
    }


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            {"values": {"colour": [{"locale": None, "scope": None, "data": "red"}]}},
            documented('Property "colour" does not exist.'),
        ),
        ({"sku": "X"}, documented('Property "sku" does not exist.')),
        ({"identifier": "X"}, documented('Property "identifier" does not exist.')),
        ({"enabled": "yes"}, documented('Property "enabled" expects a boolean as data, "string" given.')),
        (
            {"categories": ["nowhere"]},
            documented(
                'Property "categories" expects a valid category code. The category does not exist, "nowhere" given.'
            ),
        ),
        (
            {
                "values": {
                    "weight": [{"locale": None, "scope": None, "data": {"amount": 1, "unit": "PARSEC"}}]
                }
            },
            documented(
                'Property "weight" expects a valid unit code. The unit does not exist, "PARSEC" given.'
            ),
        ),
        (
            {"values": {"size": [{"locale": None, "scope": None, "data": "xxxl"}]}},
            {
                "code": 422,
                "message": "Validation failed.",
                "errors": [
                    {
                        "property": "values",
                        "message": "The xxxl value is not in the size attribute option list.",
                        "attribute": "size",
                        "locale": None,
                        "scope": None,
                    },
                ],
            },
        ),
        (
            {"values": {"size": [{"locale": None, "scope": None, "data": "xl"}]}},
            {
                "code": 422,
                "message": "Validation failed.",
                "errors": [
                    {
                        "property": "values",
                        "message": 'Variant axis "size" cannot be modified, "xl" given',
                        "attribute": "size",
                        "locale": None,
                        "scope": None,
                    }
                ],
            },
        ),
    ],
)
async def test_invalid_product_patches_get_akeneo_errors(
    http: aiohttp.ClientSession, world: World, payload: dict[str, Any], expected: dict[str, Any]
) -> None:
    variant = world.products[14].variants[0]
    assert await patch(http, f"{PRODUCTS}/{variant.akeneo_uuid}", payload) == (422, expected)


async def test_patch_errors_for_json_uuid_and_missing_products(
    http: aiohttp.ClientSession, world: World
) -> None:
    variant = world.products[14].variants[0]
    async with http.patch(
        f"{PRODUCTS}/{variant.akeneo_uuid}", data=b"{nope", headers={"Content-Type": "application/json"}
    ) as response:
        assert (response.status, await response.json()) == (
            400,
            {"code": 400, "message": "Invalid json message received"},
        )
    other = "00000000-0000-4000-8000-000000000001"
    status, body = await patch(http, f"{PRODUCTS}/{variant.akeneo_uuid}", {"uuid": other})
    assert (status, body["message"]) == (
        422,
        f'The uuid "{other}" provided in the request body must match the uuid "{variant.akeneo_uuid}" provided in the url.',
    )
    status, body = await patch(http, f"{PRODUCTS}/{other}", {"enabled": True})
    assert status == 404
    status, body = await patch(http, f"{MODELS}/no-such-model", {})
    assert (status, body) == (
        404,
        {
            "code": 404,
            "message": 'Product model "no-such-model" does not exist or you do not have permission to access it.',
        },
    )
    status, body = await patch(
        http,
        f"{PRODUCTS}/{variant.akeneo_uuid}",
        {"values": {"weight": [{"locale": "en_US", "scope": None, "data": {"amount": 1, "unit": "GRAM"}}]}},
    )
    assert (status, body["message"]) == (
        422,
        'The weight attribute does not require a locale, "en_US" was detected.',
    )


async def test_bulk_patch_answers_one_status_line_per_product(
    http: aiohttp.ClientSession, world: World, sandbox: Sandbox, events: list[dict[str, Any]]
) -> None:
    # given
    first, second = world.products[15].variants[0], world.products[16].variants[0]
    lines = [
        json.dumps({"uuid": first.akeneo_uuid, "enabled": False}),
        json.dumps({"uuid": second.akeneo_uuid, "values": {"colour": []}}),
        "{broken",
        json.dumps({"enabled": True}),
    ]

    # when
    async with http.patch(
        PRODUCTS, data="\n".join(lines).encode(), headers={"Content-Type": COLLECTION}
    ) as response:
        status = response.status
        content_type = response.headers["Content-Type"]
        statuses = [json.loads(line) for line in (await response.text()).splitlines()]

    # then
    assert status == 200
    assert content_type.startswith(COLLECTION)
    assert statuses[0] == {"line": 1, "uuid": first.akeneo_uuid, "status_code": 204}
    assert statuses[1]["line"] == 2
    assert statuses[1]["status_code"] == 422
    assert statuses[1]["message"].startswith('Property "colour" does not exist.')
    assert statuses[2] == {"line": 3, "status_code": 400, "message": "Invalid json message received"}
    assert statuses[3]["status_code"] == 422
    assert (await read(http, first.akeneo_uuid))["enabled"] is False


async def test_bulk_patch_limits_and_content_type(http: aiohttp.ClientSession) -> None:
    body = "\n".join(json.dumps({"uuid": f"00000000-0000-4000-8000-{n:012d}"}) for n in range(101))
    async with http.patch(PRODUCTS, data=body.encode(), headers={"Content-Type": COLLECTION}) as response:
        assert (response.status, await response.json()) == (
            413,
            {"code": 413, "message": "Too many resources to process, 100 is the maximum allowed."},
        )
    async with http.patch(PRODUCTS, json=[{"uuid": "x"}]) as response:
        assert response.status == 415
        assert await response.json() == {
            "code": 415,
            "message": '"application/json" in "Content-Type" header is not valid. '
            f'Only "{COLLECTION}" is allowed.',
        }


async def test_activity_ticks_edit_content_and_send_events(
    sandbox: Sandbox, events: list[dict[str, Any]]
) -> None:
    emulator = sandbox.emulators["akeneo"]
    assert emulator.activity is not None
    sent = len(await delivered(sandbox, events))
    await emulator.activity()
    await emulator.activity()
    new = (await delivered(sandbox, events))[sent:]
    assert [e["type"] for e in new] == [
        "com.akeneo.pim.v1.product-model.updated",
        "com.akeneo.pim.v1.product.updated",
    ]
    assert all(e["data"]["author"]["type"] == "user" for e in new)


async def test_product_model_list_filters_on_updated(http: aiohttp.ClientSession, world: World) -> None:
    moments = sorted(p.content.updated_at for p in world.products)
    cut = moments[-5].strftime("%Y-%m-%d %H:%M:%S")
    async with http.get(
        MODELS, params={"search": search(updated=[{"operator": ">", "value": cut}]), "with_count": "true"}
    ) as response:
        assert response.status == 200
        body = await response.json()
    assert body["items_count"] >= 4
    async with http.get(
        MODELS, params={"search": search(name=[{"operator": "CONTAINS", "value": "x"}])}
    ) as response:
        assert response.status == 422
