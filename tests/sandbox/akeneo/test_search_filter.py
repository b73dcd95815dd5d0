"""The `search` filter on `/products-uuid`: each supported filter, ANDing, and Akeneo's error bodies."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest

from sandbox.seed import World

from .conftest import PRODUCTS, search


async def get(http: aiohttp.ClientSession, path: str = PRODUCTS, **params: str) -> tuple[int, dict[str, Any]]:
    async with http.get(path, params=params) as response:
        return response.status, await response.json()


async def uuids(http: aiohttp.ClientSession, **params: str) -> set[str]:
    status, body = await get(http, limit="100", **params)
    assert status == 200, body
    return {item["uuid"] for item in body["_embedded"]["items"]}


def variants(world: World) -> list[tuple[Any, Any]]:
    return world.variants()


async def test_sku_in_returns_exactly_those_variants(http: aiohttp.ClientSession, world: World) -> None:
    # given
    chosen = variants(world)[5:25]
    skus = [v.sku for _, v in chosen]

    # when
    status, body = await get(
        http, search=search(sku=[{"operator": "IN", "value": [*skus, "NO-SUCH-SKU"]}]), limit="100"
    )

    # then
    assert status == 200
    items = body["_embedded"]["items"]
    assert {i["values"]["sku"][0]["data"] for i in items} == set(skus)
    assert {i["uuid"] for i in items} == {v.akeneo_uuid for _, v in chosen}
    assert [i["uuid"] for i in items] == sorted(i["uuid"] for i in items)


async def test_sku_equals_not_in_and_uuid_in(http: aiohttp.ClientSession, world: World) -> None:
    product, variant = variants(world)[0]
    assert await uuids(http, search=search(sku=[{"operator": "=", "value": variant.sku}])) == {
        variant.akeneo_uuid
    }
    assert await uuids(http, search=search(uuid=[{"operator": "IN", "value": [variant.akeneo_uuid]}])) == {
        variant.akeneo_uuid
    }
    same_model = {v.akeneo_uuid for v in product.variants}
    found = await uuids(
        http,
        search=search(
            parent=[{"operator": "=", "value": product.handle}],
            sku=[{"operator": "NOT IN", "value": [variant.sku]}],
        ),
    )
    assert found == same_model - {variant.akeneo_uuid}


async def test_parent_in_and_family_in(http: aiohttp.ClientSession, world: World) -> None:
    first, second = world.products[0], world.products[1]
    expected = {v.akeneo_uuid for p in (first, second) for v in p.variants}
    assert (
        await uuids(http, search=search(parent=[{"operator": "IN", "value": [first.handle, second.handle]}]))
        == expected
    )
    family = first.content.family
    in_family = {v.akeneo_uuid for p in world.products for v in p.variants if p.content.family == family}
    status, body = await get(
        http, search=search(family=[{"operator": "IN", "value": [family]}]), limit="100", with_count="true"
    )
    assert status == 200
    assert body["items_count"] == len(in_family)


async def test_enabled_and_categories_are_anded(http: aiohttp.ClientSession, world: World) -> None:
    # given
    leaf = world.products[2].content.categories[-1]
    expected = {
        v.akeneo_uuid
        for p in world.products
        for v in p.variants
        if leaf in p.content.categories and p.published
    }

    # when
    found = await uuids(
        http,
        search=search(
            enabled=[{"operator": "=", "value": True}], categories=[{"operator": "IN", "value": [leaf]}]
        ),
    )

    # then
    assert found == expected
    excluded = await uuids(
        http,
        search=search(
            categories=[{"operator": "NOT IN", "value": ["master"]}],
        ),
    )
    assert excluded == set()


async def test_categories_in_children_reaches_the_leaves(http: aiohttp.ClientSession, world: World) -> None:
    top = world.products[0].content.categories[1]
    expected = {v.akeneo_uuid for p in world.products for v in p.variants if top in p.content.categories}
    status, body = await get(
        http, search=search(categories=[{"operator": "IN CHILDREN", "value": [top]}]), with_count="true"
    )
    assert status == 200
    assert body["items_count"] == len(expected)


async def test_updated_filters(http: aiohttp.ClientSession, world: World) -> None:
    # given: a variant's `updated` is its model's content date (the later of the two)
    moments = sorted({p.content.updated_at for p in world.products})
    middle = moments[len(moments) // 2]
    fmt = "%Y-%m-%d %H:%M:%S"
    after = {v.akeneo_uuid for p in world.products for v in p.variants if p.content.updated_at > middle}

    # when
    status, body = await get(
        http,
        search=search(updated=[{"operator": ">", "value": middle.strftime(fmt)}]),
        with_count="true",
    )

    # then
    assert status == 200
    assert body["items_count"] == len(after)
    low, high = moments[0], moments[3]
    between = {
        v.akeneo_uuid for p in world.products for v in p.variants if low <= p.content.updated_at <= high
    }
    status, body = await get(
        http,
        search=search(updated=[{"operator": "BETWEEN", "value": [low.strftime(fmt), high.strftime(fmt)]}]),
        with_count="true",
    )
    assert body["items_count"] == len(between)
    days = (datetime.now(UTC) - middle).days
    recent = {
        v.akeneo_uuid
        for p in world.products
        for v in p.variants
        if p.content.updated_at > datetime.now(UTC) - timedelta(days=days)
    }
    status, body = await get(
        http, search=search(updated=[{"operator": "SINCE LAST N DAYS", "value": days}]), with_count="true"
    )
    assert body["items_count"] == len(recent)


async def test_text_and_select_attribute_filters(http: aiohttp.ClientSession, world: World) -> None:
    product = world.products[3]
    word = product.content.name.fr_FR.split()[0]
    expected = {
        v.akeneo_uuid
        for p in world.products
        for v in p.variants
        if word.lower() in p.content.name.fr_FR.lower()
    }
    found = await uuids(
        http, search=search(name=[{"operator": "CONTAINS", "value": word, "locale": "fr_FR"}])
    )
    assert found == expected
    material = product.content.material.code
    with_material = {
        v.akeneo_uuid for p in world.products for v in p.variants if p.content.material.code == material
    }
    status, body = await get(
        http, search=search(material=[{"operator": "IN", "value": [material]}]), with_count="true"
    )
    assert status == 200
    assert body["items_count"] == len(with_material)


async def test_post_search_takes_the_filter_in_the_body(http: aiohttp.ClientSession, world: World) -> None:
    skus = [v.sku for _, v in variants(world)[:3]]
    for filter_ in (
        {"sku": [{"operator": "IN", "value": skus}]},
        json.dumps({"sku": [{"operator": "IN", "value": skus}]}),
    ):
        async with http.post(
            f"{PRODUCTS}/search",
            json={"search": filter_, "locales": ["de_DE"], "attributes": ["sku", "name"]},
        ) as response:
            assert response.status == 200
            body = await response.json()
        items = body["_embedded"]["items"]
        assert {i["values"]["sku"][0]["data"] for i in items} == set(skus)
        assert set(items[0]["values"]) == {"sku", "name"}
        assert [v["locale"] for v in items[0]["values"]["name"]] == ["de_DE"]


@pytest.mark.parametrize(
    ("criteria", "status", "message"),
    [
        (
            {"colour": [{"operator": "IN", "value": ["x"]}]},
            422,
            'Filter on property "colour" is not supported or does not support operator "IN"',
        ),
        (
            {"enabled": [{"operator": "IN", "value": [True]}]},
            422,
            'Filter on property "enabled" is not supported or does not support operator "IN"',
        ),
        (
            {"sku": {"operator": "IN", "value": ["x"]}},
            422,
            'Structure of filter "sku" should respect this structure: '
            '{"sku":[{"operator": "my_operator", "value": "my_value"}]}',
        ),
        ({"sku": [{"value": ["x"]}]}, 422, 'Operator is missing for the property "sku".'),
        ({"sku": [{"operator": 3, "value": ["x"]}]}, 422, 'Operator has to be a string, "integer" given.'),
        (
            {"enabled": [{"operator": "=", "value": "yes"}]},
            422,
            'Property "enabled" expects a boolean as data, "string" given.',
        ),
        (
            {"categories": [{"operator": "IN", "value": ["nowhere"]}]},
            422,
            'Category "nowhere" does not exist.',
        ),
        (
            {"updated": [{"operator": ">", "value": "2026-01-01T00:00:00"}]},
            422,
            'Property "updated" expects a string with the format "yyyy-mm-dd H:i:s" as data, "2026-01-01T00:00:00" given.',
        ),
        (
            {"updated": [{"operator": "SINCE LAST N DAYS", "value": "3"}]},
            422,
            'Property "updated" expects an integer as data, "string" given.',
        ),
        (
            {"name": [{"operator": "CONTAINS", "value": "x"}]},
            422,
            'Attribute "name" expects a locale, none given.',
        ),
        (
            {"name": [{"operator": "CONTAINS", "value": "x", "locale": "es_ES"}]},
            422,
            'Locale "es_ES" does not exist or is not activated.',
        ),
        (
            {"sku": [{"operator": "IN", "value": [f"SKU-{n}" for n in range(101)]}]},
            422,
            "The sku filter can't contain more than 100 product identifiers.",
        ),
        (
            {"family": [{"operator": "IN", "value": ["spaceship"]}]},
            422,
            'Property "family" expects a valid family code. The family does not exist, "spaceship" given.',
        ),
    ],
)
async def test_invalid_filters_get_akeneo_errors(
    http: aiohttp.ClientSession, criteria: dict[str, Any], status: int, message: str
) -> None:
    assert await get(http, search=json.dumps(criteria)) == (status, {"code": status, "message": message})


@pytest.mark.parametrize("raw", ["{not json", '"sku"', "42"])
async def test_search_that_is_not_a_json_object_is_400(http: aiohttp.ClientSession, raw: str) -> None:
    assert await get(http, search=raw) == (
        400,
        {"code": 400, "message": "Search query parameter should be valid JSON."},
    )


async def test_post_search_with_bad_json_body_is_400(http: aiohttp.ClientSession) -> None:
    async with http.post(
        f"{PRODUCTS}/search", data=b"{oops", headers={"Content-Type": "application/json"}
    ) as response:
        assert response.status == 400
        assert await response.json() == {"code": 400, "message": "Invalid json message received"}
