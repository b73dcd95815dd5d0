"""The Storefront connector: what it sends, how it batches, and how Shopify's answers and errors come out.

Two kinds of test: against recorded answers (`recordings.py`) replayed by a loopback server that keeps
every request, for exact requests and for answers the emulator cannot be made to give (throttling,
garbage); and against the running emulator, for batching, pagination and `@inContext`, counted by the
emulator's own `/__sandbox/stats`.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendRateLimited,
    BackendRequestError,
    BackendUnavailable,
)
from gateway.backends.shopify import storefront_documents as documents
from gateway.backends.shopify.storefront import MAX_ALIASES, MAX_INPUT_ITEMS, ShopifyStorefront
from gateway.models.catalog import Detail, ListArgs, Product
from gateway.models.context import InContext
from sandbox.runner import Sandbox
from sandbox.shopify.admin.endpoint import THROTTLED_ERROR
from sandbox.shopify.emulator import STOREFRONT_TOKEN
from tests.backends.http.conftest import Answer, Upstream
from tests.harness import sandbox_stats, set_faults

from .conftest import StorefrontFactory
from .recordings import API_PATH, RECORDINGS, answer, collection_gid, load, on_sale, product_gid, variant_gid

POST = f"POST {API_PATH}"


def recorded(name: str) -> Answer:
    saved = load(name)
    return Upstream.json(saved.body, status=saved.status)


def sent(upstream: Upstream) -> list[dict[str, Any]]:
    """The JSON bodies the upstream received, in order."""
    return [json.loads(hit.body) for hit in upstream.hits]


async def storefront_calls(sandbox: Sandbox) -> int:
    requests: dict[str, int] = (await sandbox_stats(sandbox))["shopify"]["requests"]
    return requests.get(POST, 0)


# --- the request ------------------------------------------------------------------------------------


async def test_a_read_is_one_post_with_the_token_the_document_and_the_context(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("shop"))

    shop = await replay.shop(InContext(country="FR", language="FR"))

    assert shop.name == "Northwind Outfitters"
    [hit] = upstream.hits
    assert (hit.method, hit.path, hit.query) == ("POST", API_PATH, "")
    assert hit.headers["X-Shopify-Storefront-Access-Token"] == STOREFRONT_TOKEN
    assert hit.headers["Content-Type"] == "application/json"
    assert json.loads(hit.body) == {"query": documents.SHOP, "variables": {"country": "FR", "language": "FR"}}


async def test_no_context_sends_null_country_and_language(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("shop"))

    await replay.shop(InContext())

    assert sent(upstream)[0]["variables"] == {"country": None, "language": None}


async def test_list_arguments_are_sent_as_the_documents_variables(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("products_page"))
    args = ListArgs(first=2, after="c1", reverse=True, sort_key="TITLE", query="tag:sale", detail=Detail.CARD)

    await replay.products_page(args, InContext(language="DE"))

    assert sent(upstream)[0] == {
        "query": documents.products(Detail.CARD),
        "variables": {
            "first": 2,
            "after": "c1",
            "last": None,
            "before": None,
            "reverse": True,
            "sortKey": "TITLE",
            "query": "tag:sale",
            "country": None,
            "language": "DE",
        },
    }


async def test_search_sends_its_filters_as_objects_and_an_empty_query_for_none(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("search"))
    args = ListArgs(
        first=2,
        filters='[{"available":true}]',
        types=("PRODUCT",),
        unavailable_products="LAST",
        prefix="LAST",
        detail=Detail.CARD,
    )

    await replay.search(args, InContext())

    variables = sent(upstream)[0]["variables"]
    assert variables["query"] == ""
    assert variables["productFilters"] == [{"available": True}]
    assert variables["types"] == ["PRODUCT"]
    assert (variables["unavailableProducts"], variables["prefix"]) == ("LAST", "LAST")


async def test_collection_products_send_the_ids_and_the_filters(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("collection_products"))
    args = ListArgs(first=2, filters='[{"productType":"T-Shirt"}]', detail=Detail.CARD)

    pages = await replay.collection_products(["gid://shopify/Collection/460000000000"], args, InContext())

    body = sent(upstream)[0]
    assert body["query"] == documents.collection_products(Detail.CARD)
    assert body["variables"]["ids"] == ["gid://shopify/Collection/460000000000"]
    assert body["variables"]["filters"] == [{"productType": "T-Shirt"}]
    assert list(pages) == ["gid://shopify/Collection/460000000000"]


async def test_handles_are_sent_as_one_aliased_field_each(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("products_by_handles"))

    found = await replay.products_by_handles(
        ["nordic-organic-cotton-t-shirt", "no-such-product"], InContext(), Detail.CARD
    )

    body = sent(upstream)[0]
    assert body["query"] == documents.by_handles("product", 2, Detail.CARD)
    assert body["variables"] == {
        "h0": "nordic-organic-cotton-t-shirt",
        "h1": "no-such-product",
        "country": None,
        "language": None,
    }
    # the unknown handle answered null: absent, not an error
    assert list(found) == ["nordic-organic-cotton-t-shirt"]


# --- recorded answers ---------------------------------------------------------------------------------


async def test_unknown_ids_and_ids_of_another_type_are_left_out(
    upstream: Upstream, replay: ShopifyStorefront, shopify_sandbox: Sandbox
) -> None:
    # recorded for [product, on-sale product, unknown product, variant]: the last two answered null and {}
    upstream.script(recorded("products_by_ids_full"))
    world = shopify_sandbox.world
    ids = RECORDINGS["products_by_ids_full"].variables(world)["ids"]

    found = await replay.products_by_ids(ids, InContext())

    first, sale = world.products[0], world.products[on_sale(world)]
    assert list(found) == [product_gid(first.id), product_gid(sale.id)]
    assert found[product_gid(first.id)].handle == first.handle


async def test_variants_know_their_product(
    upstream: Upstream, replay: ShopifyStorefront, shopify_sandbox: Sandbox
) -> None:
    upstream.script(recorded("variants_by_ids"))
    sale = shopify_sandbox.world.products[on_sale(shopify_sandbox.world)]

    found = await replay.variants_by_ids([variant_gid(v.id) for v in sale.variants[:2]], InContext())

    assert [v.sku for v in found.values()] == [v.sku for v in sale.variants[:2]]
    assert {v.product_id for v in found.values()} == {product_gid(sale.id)}


async def test_menus_keep_their_nesting_and_leave_unknown_handles_out(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("menus"))

    menus = await replay.menus(["main-menu", "footer", "no-such-menu"], InContext())

    assert list(menus) == ["main-menu", "footer"]
    assert [item.title for item in menus["footer"].items][:3] == ["Search", "Shipping", "Returns"]
    assert [item.resource_id is None for item in menus["footer"].items[:3]] == [True, False, False]


async def test_a_collection_page_with_no_such_collection_is_none(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(Upstream.json({"data": {"collection": None}}))

    assert await replay.collection_with_products("handle", "gone", ListArgs(first=2), InContext()) is None


# --- errors -------------------------------------------------------------------------------------------


async def test_a_refused_token_is_an_auth_error(
    emulator: Sandbox, make_storefront: StorefrontFactory
) -> None:
    storefront = await make_storefront(emulator.urls["shopify"], token="not-the-storefront-token")

    with pytest.raises(BackendAuthError) as raised:
        await storefront.check()

    assert (raised.value.code, raised.value.status, raised.value.service) == ("BACKEND_AUTH", 401, "shopify")


async def test_access_denied_in_a_200_is_an_auth_error(upstream: Upstream, replay: ShopifyStorefront) -> None:
    # recorded without a token: Shopify answers 200 with data nulled and an ACCESS_DENIED error
    upstream.script(recorded("menus_tokenless"))

    with pytest.raises(BackendAuthError, match="Access denied for menu field") as raised:
        await replay.menus(["main-menu"], InContext())

    assert raised.value.status == 403


async def test_throttled_is_rate_limited(upstream: Upstream, replay: ShopifyStorefront) -> None:
    # Shopify's THROTTLED error, as the Admin emulator words it (the Storefront emulator never throttles)
    upstream.script(Upstream.json({"errors": [THROTTLED_ERROR]}))

    with pytest.raises(BackendRateLimited) as raised:
        await replay.shop(InContext())

    assert raised.value.code == "BACKEND_RATE_LIMITED"


async def test_other_graphql_errors_are_refused_requests_with_shopifys_message(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    upstream.script(recorded("max_input_size_exceeded"))

    with pytest.raises(BackendRequestError) as raised:
        await replay.products_by_ids([product_gid(1)], InContext())

    error = raised.value
    assert (error.code, error.status) == ("BACKEND_REQUEST_REFUSED", 200)
    assert error.vendor_message == "The input array size of 251 is greater than the maximum allowed of 250."


async def test_an_unknown_api_version_is_a_refused_request(
    emulator: Sandbox, make_storefront: StorefrontFactory
) -> None:
    storefront = await make_storefront(emulator.urls["shopify"], api_version="2019-01")

    with pytest.raises(BackendRequestError) as raised:
        await storefront.shop(InContext())

    assert (raised.value.status, raised.value.vendor_message) == (404, "Not Found")


async def test_an_outage_is_unavailable(emulator: Sandbox, storefront: ShopifyStorefront) -> None:
    await set_faults(emulator, "shopify", down=True)

    with pytest.raises(BackendUnavailable) as raised:
        await storefront.shop(InContext())

    assert raised.value.status == 503
    assert "Service Unavailable" in str(raised.value)


@pytest.mark.parametrize(
    "body",
    [
        {"data": None},
        {"extensions": {"cost": {}}},
        {"data": {"nodes": {"id": "gid://shopify/Product/1"}}},
    ],
    ids=["null data", "no data", "nodes not a list"],
)
async def test_answers_without_the_expected_data_are_bad_responses(
    upstream: Upstream, replay: ShopifyStorefront, body: dict[str, Any]
) -> None:
    upstream.script(Upstream.json(body))

    with pytest.raises(BackendBadResponse):
        await replay.products_by_ids([product_gid(1)], InContext())


async def test_a_product_missing_a_required_field_is_a_bad_response(
    upstream: Upstream, replay: ShopifyStorefront
) -> None:
    saved = load("products_by_ids_full")
    del saved.body["data"]["nodes"][0]["handle"]
    upstream.script(Upstream.json(saved.body))

    with pytest.raises(BackendBadResponse, match="handle"):
        await replay.products_by_ids([product_gid(1)], InContext())


# --- against the emulator: batching, pagination, context -----------------------------------------------


async def test_more_ids_than_shopifys_input_cap_are_split_into_batches(
    emulator: Sandbox, storefront: ShopifyStorefront
) -> None:
    world = emulator.world
    known = [product_gid(p.id) for p in world.products]
    ids = known + [product_gid(n) for n in range(2, 2 + MAX_INPUT_ITEMS + 1 - len(known))]
    assert len(ids) == MAX_INPUT_ITEMS + 1

    found = await storefront.products_by_ids(ids, InContext(), Detail.CARD)

    # one batch of 250 would have been refused with MAX_INPUT_SIZE_EXCEEDED
    assert await storefront_calls(emulator) == 2
    assert set(found) == {product_gid(p.id) for p in world.products if p.published}


async def test_exactly_the_input_cap_is_one_call(emulator: Sandbox, storefront: ShopifyStorefront) -> None:
    ids = [product_gid(n) for n in range(2, 2 + MAX_INPUT_ITEMS)]

    assert await storefront.products_by_ids(ids, InContext(), Detail.CARD) == {}
    assert await storefront_calls(emulator) == 1


async def test_handles_are_batched_by_fifty_aliases(emulator: Sandbox, storefront: ShopifyStorefront) -> None:
    world = emulator.world
    handles = [p.handle for p in world.products] + [
        f"missing-{n}" for n in range(MAX_ALIASES + 1 - len(world.products))
    ]
    assert len(handles) == MAX_ALIASES + 1

    found = await storefront.products_by_handles(handles, InContext(), Detail.CARD)

    assert await storefront_calls(emulator) == 2
    assert set(found) == {p.handle for p in world.products if p.published}


async def test_no_keys_is_no_call(emulator: Sandbox, storefront: ShopifyStorefront) -> None:
    assert await storefront.products_by_ids([], InContext()) == {}
    assert await storefront.collections_by_handles([], InContext()) == {}
    assert await storefront.collection_products([], ListArgs(first=2), InContext()) == {}
    assert await storefront_calls(emulator) == 0


async def test_pages_walk_forward_through_every_published_product(
    emulator: Sandbox, storefront: ShopifyStorefront
) -> None:
    seen: list[Product] = []
    after: str | None = None
    while True:
        page = await storefront.products_page(ListArgs(first=7, after=after, detail=Detail.CARD), InContext())
        seen += page.items
        if not page.page_info.has_next_page:
            break
        after = page.page_info.end_cursor

    published = [product_gid(p.id) for p in emulator.world.products if p.published]
    assert [p.id for p in seen] == published
    assert await storefront_calls(emulator) == -(-len(published) // 7)


async def test_last_before_walks_back_to_the_previous_page(storefront: ShopifyStorefront) -> None:
    first = await storefront.products_page(ListArgs(first=5, detail=Detail.CARD), InContext())
    second = await storefront.products_page(
        ListArgs(first=5, after=first.page_info.end_cursor, detail=Detail.CARD), InContext()
    )

    back = await storefront.products_page(
        ListArgs(last=5, before=second.page_info.start_cursor, detail=Detail.CARD), InContext()
    )

    assert [p.id for p in back.items] == [p.id for p in first.items]
    assert back.page_info.has_next_page
    assert not back.page_info.has_previous_page


async def test_in_context_gives_the_markets_currency_and_the_languages_titles(
    emulator: Sandbox, storefront: ShopifyStorefront
) -> None:
    product = emulator.world.products[on_sale(emulator.world)]

    found = await storefront.products_by_ids([product_gid(product.id)], InContext("US", "FR"), Detail.CARD)

    mapped = found[product_gid(product.id)]
    assert mapped.title == product.title.fr_FR
    assert {v.price.currency_code for v in mapped.variants} == {"USD"}
    assert mapped.price_range.min.currency_code == "USD"


async def test_collection_pages_by_handle_and_by_id_agree(
    emulator: Sandbox, storefront: ShopifyStorefront
) -> None:
    collection = next(c for c in emulator.world.collections if len(c.product_ids) > 3)
    args = ListArgs(first=3, detail=Detail.CARD)

    by_handle = await storefront.collection_with_products("handle", collection.handle, args, InContext())
    by_id = await storefront.collection_with_products("id", collection_gid(collection.id), args, InContext())

    assert by_handle is not None
    assert by_handle == by_id
    found, page = by_handle
    assert found.handle == collection.handle
    assert len(page.items) == 3
    assert page.page_info.has_next_page
    assert {f.id for f in page.filters} >= {"filter.v.availability", "filter.v.price"}


async def test_several_collections_products_come_in_one_call(
    emulator: Sandbox, storefront: ShopifyStorefront
) -> None:
    collections = emulator.world.collections[:3]
    ids = [collection_gid(c.id) for c in collections] + ["gid://shopify/Collection/1"]

    pages = await storefront.collection_products(ids, ListArgs(first=2, detail=Detail.CARD), InContext())

    assert set(pages) == {collection_gid(c.id) for c in collections}
    assert await storefront_calls(emulator) == 1


async def test_search_counts_and_facets_its_matches(emulator: Sandbox, storefront: ShopifyStorefront) -> None:
    word = emulator.world.products[0].title.en_US.split()[-1]

    page = await storefront.search(ListArgs(first=50, query=word, detail=Detail.CARD), InContext())

    assert page.total_count == len(page.items) > 0
    assert all(word.lower() in p.title.lower() for p in page.items)
    assert page.filters


async def test_check_asks_shopify_for_the_shop(emulator: Sandbox, storefront: ShopifyStorefront) -> None:
    assert await storefront.check() is True
    assert await storefront_calls(emulator) == 1


@pytest.mark.parametrize("name", sorted(RECORDINGS))
async def test_the_recordings_are_what_the_emulator_answers(shopify_sandbox: Sandbox, name: str) -> None:
    async with aiohttp.ClientSession() as http:
        live = await answer(http, shopify_sandbox.urls["shopify"], shopify_sandbox.world, RECORDINGS[name])

    assert live == load(name), "re-record: .venv/bin/python -m tests.backends.shopify.recordings"
