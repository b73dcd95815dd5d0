"""The Akeneo connector: its search request, batches at Akeneo's cap, structure pages, token renewal, media.

Recorded answers (`recordings.py`), replayed by route on a loopback server that keeps every request,
show exact requests and answers the emulator cannot be made to give; the running emulator shows the
content, the batches and the media it serves, counted by its own `/__sandbox/stats`.
"""

from __future__ import annotations

import dataclasses
import json
from urllib.parse import parse_qsl

import pytest

from gateway.backends.akeneo.client import BATCH_SIZE, AkeneoContent
from gateway.backends.akeneo.token import TOKEN_PATH
from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendRequestError,
    BackendUnavailable,
)
from gateway.models.content import ALL_TEXTS, NAME_ONLY, Reading
from sandbox.runner import Sandbox
from tests.backends.http.conftest import Hit, Upstream
from tests.harness import sandbox_stats, set_faults

from .conftest import ContentFactory, Credentials, in_turn, pim, recorded
from .recordings import (
    API,
    LOCALES,
    RECORDED,
    SCOPE,
    Recorded,
    answers,
    comparable,
    load,
    recorded_skus,
    relinked,
    search,
)

PRODUCTS = f"{API}/products-uuid"


def hits_to(upstream: Upstream, path: str) -> list[Hit]:
    return [hit for hit in upstream.hits if hit.path == path]


async def api_calls(sandbox: Sandbox, route: str) -> int:
    requests: dict[str, int] = (await sandbox_stats(sandbox))["akeneo"]["requests"]
    return requests.get(route, 0)


@pytest.fixture
async def replay(upstream: Upstream, make_content: ContentFactory) -> AkeneoContent:
    """The connector in front of the loopback upstream, which answers as the recorded PIM."""
    upstream.script(pim())
    return await make_content(upstream.url)


# --- the request ------------------------------------------------------------------------------------------


async def test_content_is_one_search_by_sku_with_scope_locales_and_options(
    upstream: Upstream, replay: AkeneoContent, akeneo_sandbox: Sandbox
) -> None:
    skus = recorded_skus(akeneo_sandbox.world)

    found = await replay.content_by_skus(skus)

    assert set(found) == set(skus[:-1])  # the PIM does not know the last one
    [hit] = hits_to(upstream, PRODUCTS)
    assert (hit.method, hit.body) == ("GET", b"")
    assert parse_qsl(hit.query) == [
        ("search", '{"sku":[{"operator":"IN","value":' + json.dumps(skus, separators=(",", ":")) + "}]}"),
        ("scope", SCOPE),
        ("locales", "en_US,fr_FR,de_DE"),
        ("with_attribute_options", "true"),
        ("limit", "100"),
    ]
    assert hit.headers["Authorization"] == f"Bearer {load('token').body['access_token']}"
    # the structure, read first: one page each of attributes and categories, with the same token
    structure = [h for h in upstream.hits if h.path in (f"{API}/attributes", f"{API}/categories")]
    assert sorted((h.path, h.query) for h in structure) == [
        (f"{API}/attributes", "limit=100"),
        (f"{API}/categories", "limit=100"),
    ]
    assert {h.headers["Authorization"] for h in structure} == {hit.headers["Authorization"]}
    assert len(upstream.hits) == 4  # and one grant


@pytest.mark.parametrize(
    ("texts", "attributes"), [(NAME_ONLY, "sku,name"), (ALL_TEXTS, "sku,name,description,features")]
)
async def test_a_reading_of_texts_asks_for_the_identifier_and_those_texts(
    upstream: Upstream,
    replay: AkeneoContent,
    akeneo_sandbox: Sandbox,
    texts: tuple[str, ...],
    attributes: str,
) -> None:
    skus = recorded_skus(akeneo_sandbox.world)

    await replay.content_by_skus(skus, reading=Reading("fr_FR", "en_US", texts))

    [hit] = hits_to(upstream, PRODUCTS)
    query = dict(parse_qsl(hit.query))
    assert query["attributes"] == attributes
    assert query["locales"] == "en_US,fr_FR,de_DE"  # a text missing in French and English falls back to any


async def test_the_structure_and_the_token_are_read_once(upstream: Upstream, replay: AkeneoContent) -> None:
    await replay.content_by_skus(["TEE-00001-RST-S"])
    await replay.content_by_skus(["TEE-00001-RST-M"])

    assert [len(hits_to(upstream, p)) for p in (TOKEN_PATH, f"{API}/attributes", PRODUCTS)] == [1, 1, 2]


async def test_the_search_uses_the_pims_identifier_attribute(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    attributes, products = load("attributes").body, load("products").body
    attributes["_embedded"]["items"][0]["code"] = "ean"  # the pim_catalog_identifier attribute
    for item in products["_embedded"]["items"]:
        item["values"]["ean"] = item["values"].pop("sku")
    upstream.script(pim(attributes=Upstream.json(attributes), products=Upstream.json(products)))
    content = await make_content(upstream.url)

    found = await content.content_by_skus(["TEE-00001-RST-S"])

    assert dict(parse_qsl(hits_to(upstream, PRODUCTS)[0].query))["search"] == search(
        ["TEE-00001-RST-S"]
    ).replace('"sku"', '"ean"')
    assert "TEE-00001-RST-S" in found
    assert all(a.code != "ean" for a in found["TEE-00001-RST-S"].attributes)


async def test_without_an_identifier_attribute_sku_is_searched(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    attributes = load("attributes").body
    del attributes["_embedded"]["items"][0]
    upstream.script(pim(attributes=Upstream.json(attributes)))
    content = await make_content(upstream.url)

    await content.content_by_skus(["TEE-00001-RST-S"])

    assert dict(parse_qsl(hits_to(upstream, PRODUCTS)[0].query))["search"] == search(["TEE-00001-RST-S"])


async def test_list_pages_are_followed_through_their_next_links(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    attributes = f"{API}/attributes"
    linked = {n: relinked(load(f"attributes_page_{n}").body, upstream.url) for n in (1, 2, 3)}
    pages = {attributes: Upstream.json(linked[1])}
    pages |= {f"{attributes}?page={n}": Upstream.json(linked[n]) for n in (2, 3)}
    upstream.script(pim(routes=pages))
    content = await make_content(upstream.url)

    structure = await content.structure()

    every = [a["code"] for a in load("attributes").body["_embedded"]["items"]]
    assert list(structure.attribute_types) == every
    assert [h.query for h in hits_to(upstream, attributes)] == [
        "limit=100",
        "page=2&limit=5&with_count=false",
        "page=3&limit=5&with_count=false",
    ]


# --- token renewal and errors -------------------------------------------------------------------------


async def test_a_refused_token_is_renewed_once_and_the_call_repeated(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    upstream.script(
        pim(
            token=in_turn(recorded("token"), recorded("token_refreshed")),
            products=in_turn(recorded("unauthorized"), recorded("products")),
        )
    )
    content = await make_content(upstream.url)

    found = await content.content_by_skus(["TEE-00001-RST-S"])

    assert "TEE-00001-RST-S" in found
    tokens = [load(name).body["access_token"] for name in ("token", "token_refreshed")]
    assert [h.headers["Authorization"] for h in hits_to(upstream, PRODUCTS)] == [
        f"Bearer {t}" for t in tokens
    ]
    assert json.loads(hits_to(upstream, TOKEN_PATH)[1].body)["grant_type"] == "refresh_token"


async def test_a_second_refusal_is_an_auth_error(upstream: Upstream, make_content: ContentFactory) -> None:
    upstream.script(pim(products=recorded("unauthorized")))
    content = await make_content(upstream.url)

    with pytest.raises(BackendAuthError) as raised:
        await content.content_by_skus(["TEE-00001-RST-S"])

    assert (raised.value.status, raised.value.service) == (401, "akeneo")
    assert len(hits_to(upstream, PRODUCTS)) == 2


async def test_a_403_is_not_a_reason_for_a_new_token(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    forbidden = {"code": 403, "message": "You are not allowed to access the web API."}
    upstream.script(pim(products=Upstream.json(forbidden, status=403)))
    content = await make_content(upstream.url)

    with pytest.raises(BackendAuthError) as raised:
        await content.content_by_skus(["TEE-00001-RST-S"])

    assert raised.value.status == 403
    assert [len(hits_to(upstream, p)) for p in (TOKEN_PATH, PRODUCTS)] == [1, 1]


async def test_akeneos_validation_errors_are_refused_requests(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    upstream.script(pim(products=recorded("too_many_items")))
    content = await make_content(upstream.url)

    with pytest.raises(BackendRequestError) as raised:
        await content.content_by_skus(["TEE-00001-RST-S"])

    assert (raised.value.status, raised.value.vendor_message) == (
        422,
        "You cannot request more than 100 items.",
    )


async def test_a_list_without_items_is_a_bad_response(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    products = load("products").body
    del products["_embedded"]
    upstream.script(pim(products=Upstream.json(products)))
    content = await make_content(upstream.url)

    with pytest.raises(BackendBadResponse, match="unexpected product payload: _embedded: Field required"):
        await content.content_by_skus(["TEE-00001-RST-S"])


async def test_a_product_without_a_uuid_is_a_bad_response(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    products = load("products").body
    del products["_embedded"]["items"][0]["uuid"]
    upstream.script(pim(products=Upstream.json(products)))
    content = await make_content(upstream.url)

    with pytest.raises(BackendBadResponse, match="unexpected product payload"):
        await content.content_by_skus(["TEE-00001-RST-S"])


# --- against the emulator ----------------------------------------------------------------------------------


async def test_content_is_what_the_pim_holds_in_every_locale(
    emulator: Sandbox, content: AkeneoContent
) -> None:
    product = emulator.world.products[0]
    seeded = product.content

    found = await content.content_by_skus([v.sku for v in product.variants])

    for variant in product.variants:
        mapped = found[variant.sku]
        assert mapped.uuid == variant.akeneo_uuid
        assert mapped.name.values == {loc: seeded.name.get(loc) for loc in LOCALES}
        assert mapped.description.values == {loc: seeded.description.get(loc) for loc in LOCALES}
        assert mapped.features == {loc: tuple(f.get(loc) for f in seeded.features) for loc in LOCALES}
        assert [a.code for a in mapped.attributes] == [
            "material",
            "care",
            "dimensions",
            "weight",
            "color",
            "size",
        ]
        assert [m.code for m in mapped.media] == [m.code for m in seeded.media]
        assert [c.code for c in mapped.categories] == [c for c in seeded.categories if c != "master"]


async def test_more_skus_than_akeneos_cap_are_split_into_batches(
    emulator: Sandbox, content: AkeneoContent
) -> None:
    known = [v.sku for _, v in emulator.world.variants()]
    skus = known + [f"NO-SUCH-SKU-{n}" for n in range(150 - len(known))]
    assert len(known) > BATCH_SIZE

    found = await content.content_by_skus(skus)

    # one batch of 150 would have been refused by Akeneo's 100-value cap on IN
    assert await api_calls(emulator, f"GET {PRODUCTS}") == 2
    assert set(found) == set(known)


async def test_exactly_the_cap_is_one_call(emulator: Sandbox, content: AkeneoContent) -> None:
    skus = [v.sku for _, v in emulator.world.variants()][:BATCH_SIZE]

    found = await content.content_by_skus(skus)

    assert len(found) == BATCH_SIZE
    assert await api_calls(emulator, f"GET {PRODUCTS}") == 1


async def test_the_connector_learns_which_sku_a_uuid_or_a_model_stands_for(
    emulator: Sandbox, content: AkeneoContent
) -> None:
    product = emulator.world.products[0]
    assert await content.sku_of(product.variants[0].akeneo_uuid) is None

    await content.content_by_skus([v.sku for v in product.variants])

    assert {await content.sku_of(v.akeneo_uuid) for v in product.variants} == {
        v.sku for v in product.variants
    }
    assert await content.skus_of_model(product.handle) == {v.sku for v in product.variants}
    assert await content.skus_of_model("no-such-model") == set()


async def test_another_channel_gives_its_own_scoped_values(
    emulator: Sandbox, make_content: ContentFactory
) -> None:
    product = emulator.world.products[0]
    mobile = await make_content(emulator.urls["akeneo"], Credentials.of(emulator), scope="mobile")

    found = await mobile.content_by_skus([product.variants[0].sku])

    # the mobile channel's description is its own (shorter) text; unscoped values are the same
    description = found[product.variants[0].sku].description.values["en_US"]
    assert description != product.content.description.en_US
    assert product.content.description.en_US.startswith(description.rstrip("."))
    assert found[product.variants[0].sku].name.values["en_US"] == product.content.name.en_US


async def test_fewer_locales_give_fewer_texts(emulator: Sandbox, make_content: ContentFactory) -> None:
    product = emulator.world.products[0]
    french = await make_content(emulator.urls["akeneo"], Credentials.of(emulator), locales=("fr_FR",))

    mapped = (await french.content_by_skus([product.variants[0].sku]))[product.variants[0].sku]

    assert mapped.name.values == {"fr_FR": product.content.name.fr_FR}
    assert all(set(a.value.values) == {"fr_FR"} for a in mapped.attributes)


@pytest.mark.parametrize("locale", ["fr_FR", "de_DE", "en_US"])
async def test_read_in_one_locale_the_texts_are_those_of_every_locale(
    emulator: Sandbox, content: AkeneoContent, locale: str
) -> None:
    skus = [v.sku for p in emulator.world.products[:3] for v in p.variants]
    every = await content.content_by_skus(skus)

    full = await content.content_by_skus(skus, reading=Reading(locale, "en_US"))
    texts = await content.content_by_skus(skus, reading=Reading(locale, "en_US", ALL_TEXTS))
    names = await content.content_by_skus(skus, reading=Reading(locale, "en_US", NAME_ONLY))

    assert set(full) == set(texts) == set(names) == set(every)
    for sku, mapped in every.items():
        for one in (full[sku], texts[sku]):
            assert one.name.values == {locale: mapped.name.get(locale, "en_US")}
            assert one.description.values == {locale: mapped.description.get(locale, "en_US")}
            assert one.features_in(locale, "en_US") == mapped.features_in(locale, "en_US")
            assert (one.categories, one.updated_at, one.uuid) == (
                mapped.categories,
                mapped.updated_at,
                mapped.uuid,
            )
        assert [(a.code, a.value.get(locale, "en_US")) for a in full[sku].attributes] == [
            (a.code, a.value.get(locale, "en_US")) for a in mapped.attributes
        ]
        assert full[sku].media == mapped.media
        assert (texts[sku].attributes, texts[sku].media) == ((), ())
        assert names[sku].name == texts[sku].name
        assert (names[sku].description.values, names[sku].features) == ({}, {})
        assert (names[sku].attributes, names[sku].media) == ((), ())
        assert names[sku].categories == mapped.categories


async def test_media_are_downloaded_with_the_token(emulator: Sandbox, content: AkeneoContent) -> None:
    code = emulator.world.products[0].content.media[0].code

    body, content_type = await content.media(code)

    assert content_type == "image/jpeg"
    assert body.startswith(b"\xff\xd8")


async def test_an_unknown_media_file_is_a_refused_request(content: AkeneoContent) -> None:
    with pytest.raises(BackendRequestError) as raised:
        await content.media(f"0/0/0/0/{'0' * 40}_no-such-file.jpg")

    assert raised.value.status == 404


async def test_refused_credentials_surface_from_a_content_read(
    emulator: Sandbox, make_content: ContentFactory
) -> None:
    wrong = dataclasses.replace(Credentials.of(emulator), password="not-the-password")
    content = await make_content(emulator.urls["akeneo"], wrong)

    with pytest.raises(BackendRequestError, match="No user found"):
        await content.content_by_skus(["TEE-00001-RST-S"])

    assert await api_calls(emulator, f"GET {PRODUCTS}") == 0


async def test_an_outage_is_unavailable(emulator: Sandbox, content: AkeneoContent) -> None:
    await set_faults(emulator, "akeneo", down=True)

    with pytest.raises(BackendUnavailable) as raised:
        await content.content_by_skus(["TEE-00001-RST-S"])

    assert raised.value.status == 503


async def test_each_check_asks_the_pim_even_with_the_structure_kept(
    emulator: Sandbox, content: AkeneoContent
) -> None:
    await content.structure()

    assert await content.check() is True
    assert await content.check() is True

    assert (await sandbox_stats(emulator))["akeneo"]["requests"] == {
        f"POST {TOKEN_PATH}": 1,
        f"GET {API}/attributes": 1,
        f"GET {API}/categories": 1,
        f"GET {API}": 2,
    }


async def test_a_check_sees_an_outage_the_kept_structure_would_hide(
    emulator: Sandbox, content: AkeneoContent
) -> None:
    await content.structure()
    await set_faults(emulator, "akeneo", down=True)

    with pytest.raises(BackendUnavailable) as raised:
        await content.check()

    assert raised.value.status == 503


@pytest.fixture(scope="module")
async def live(akeneo_sandbox: Sandbox) -> dict[str, Recorded]:
    return await answers(akeneo_sandbox)


@pytest.mark.parametrize("name", sorted(path.stem for path in RECORDED.glob("*.json")))
async def test_the_recordings_are_what_the_emulator_answers(live: dict[str, Recorded], name: str) -> None:
    assert comparable(live[name]) == comparable(load(name)), (
        "re-record: .venv/bin/python -m tests.backends.akeneo.recordings"
    )
