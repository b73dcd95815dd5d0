"""The PIM media proxy: only Akeneo media file codes reach the PIM, and only media files come back.

Every request goes over HTTP to the real app in front of the Akeneo emulator, with its raw request
target sent byte for byte (`encoded=True`: no client-side decoding or dot-segment removal), and the
emulator's request counters say what reached the PIM.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

import orjson
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from hypothesis import HealthCheck, given, settings, strategies as st
from multidict import CIMultiDictProxy
from yarl import URL

from gateway.config import parse_config
from sandbox.runner import Sandbox
from sandbox.seed import World
from tests.harness import Gateway, gateway_config, running_gateway, sandbox_stats

PREFIX = "/media/akeneo/"
IMMUTABLE = "public, max-age=86400, immutable"
DOWNLOAD = re.compile(r"GET /api/rest/v1/media-files/(?P<code>.+)/download")


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: CIMultiDictProxy[str]
    body: bytes

    def json(self) -> Any:
        assert self.headers["Content-Type"].startswith("application/json"), self.headers
        return orjson.loads(self.body)


@pytest.fixture(scope="module")
async def gateway(sandbox: Sandbox) -> AsyncIterator[Gateway]:
    """One gateway for the module: every test reads the emulator's counters as a before/after delta."""
    async with running_gateway(gateway_config(sandbox)) as running:
        yield running


@pytest.fixture(scope="module")
def codes(world: World) -> list[str]:
    return sorted({media.code for product in world.products for media in product.content.media})


async def fetch(gateway: Gateway, target: str) -> Answer:
    """GET `/media/akeneo/` + `target`, sent exactly as written."""
    url = URL(gateway.url + PREFIX + target, encoded=True)
    async with gateway.http.get(url, allow_redirects=False) as response:
        return Answer(response.status, response.headers, await response.read())


async def akeneo_requests(sandbox: Sandbox) -> Counter[str]:
    return Counter((await sandbox_stats(sandbox))["akeneo"]["requests"])


def emulator_address(sandbox: Sandbox) -> bytes:
    """The PIM's internal address (host and port), which no answer may reveal."""
    return URL(sandbox.urls["akeneo"]).raw_authority.encode()


def assert_refused(answer: Answer, sandbox: Sandbox) -> None:
    assert answer.status in (400, 404), (answer.status, answer.body[:300])
    assert isinstance(answer.json()["error"], str)
    assert answer.headers["Cache-Control"] == "no-store"
    assert emulator_address(sandbox) not in answer.body


def other_code(code: str) -> str:
    """A code of the right shape that names no file of the catalog."""
    digest = "0123456789abcdef" * 2 + "01234567"
    return f"{'/'.join(digest[:4])}/{digest}_{code.rsplit('_', 1)[-1]}"


TRAVERSALS = [
    # the reported request: double encoding, with `%3F` turning the rest into an upstream query string
    "%252e%252e/products-uuid%3Flimit=2%26x=",
    "%252e%252e/categories%3Flimit=2%26x=",
    "%252e%252e/attributes%3F",
    "%252e%252e/media-files%3F",
    "%252e%252e/%252e%252e/%252e%252e/%252e%252e/%3F",
    # plain and single-encoded dot segments, in every case
    "../products-uuid",
    "../../../../",
    "./products-uuid",
    "%2e%2e/products-uuid",
    "%2E%2E/products-uuid",
    "%2e%2E/categories",
    ".%2e/attributes",
    "%2e./attributes",
    "%2e/products-uuid",
    # double and triple encoding
    "%252e%252e/categories",
    "%252E%252E/categories",
    "%25252e%25252e/attributes",
    "%2525252e%2525252e/attributes",
    "%252e%252e%252fproducts-uuid",
    # encoded slashes and backslashes
    "..%2fproducts-uuid",
    "..%2Fproducts-uuid",
    "%2e%2e%2fproducts-uuid",
    "..%252fproducts-uuid",
    "..%5cproducts-uuid",
    "..%5Cproducts-uuid",
    "%2e%2e%5c%2e%2e%5cattributes",
    "..%255cproducts-uuid",
    # overlong UTF-8 encodings of `.` and `/`
    "%c0%ae%c0%ae/products-uuid",
    "%e0%80%ae%e0%80%ae/products-uuid",
    "..%c0%afproducts-uuid",
    "%c0%ae%c0%ae%c0%afproducts-uuid",
    # look-alike dots and IIS-style escapes
    "%ef%bc%8e%ef%bc%8e/products-uuid",
    "%e2%80%a4%e2%80%a4/products-uuid",
    "%u002e%u002e/products-uuid",
    # `;` path parameters
    "..;/products-uuid",
    ".;/..;/products-uuid",
    "%2e%2e;x=1/products-uuid",
    # trailing and embedded `?` and `#`
    "..%3F",
    "%2e%2e/?",
    "%252e%252e/?limit=1",
    "..%23/products-uuid",
    # control characters and header injection
    "%00/products-uuid",
    "..%00/products-uuid",
    "%0d%0aX-Injected:%201",
    # not a code at all
    "",
    "/",
    "http:%2f%2fexample.com%2f",
    "%2f%2fexample.com%2fapi",
]


@pytest.mark.parametrize("target", TRAVERSALS)
async def test_a_traversal_is_refused_before_any_upstream_call(
    gateway: Gateway, sandbox: Sandbox, target: str
) -> None:
    before = await akeneo_requests(sandbox)

    answer = await fetch(gateway, target)

    assert_refused(answer, sandbox)
    assert answer.status == 400
    assert await akeneo_requests(sandbox) - before == Counter()


DRESSED_UP = [
    # (how a real code `<dirs>/<name>` is dressed up as something else, its test id)
    pytest.param("{dirs}/./{name}", id="dot-segment"),
    pytest.param("{dirs}/../{dirs}/{name}", id="dot-dot-segment"),
    pytest.param("{dirs}/%2e%2e/{dirs}/{name}", id="encoded-dot-dot-segment"),
    pytest.param("{dirs}//{name}", id="empty-segment"),
    pytest.param("/{dirs}/{name}", id="leading-slash"),
    pytest.param("{dirs}/{name}/", id="trailing-slash"),
    pytest.param("{dirs}/{name}/..", id="trailing-dot-dot"),
    pytest.param("{dirs}/{name}%3F", id="trailing-encoded-question-mark"),
    pytest.param("{dirs}/{name}%3Flimit=1", id="encoded-query"),
    pytest.param("{dirs}/{name}%23", id="encoded-fragment"),
    pytest.param("{dirs}/{name};x=1", id="path-parameter"),
    pytest.param("{dirs}/{name}%00", id="nul"),
    pytest.param("{dirs}/{name}%0a", id="trailing-newline"),
    pytest.param("{dirs}/{name}%20", id="trailing-space"),
    pytest.param("{dirs}%5c{name}", id="backslash"),
    pytest.param("{dirs}/{double_encoded_dots}", id="double-encoded-dot"),
    pytest.param("{double_encoded_slashes}", id="double-encoded-slashes"),
    pytest.param("{upper}", id="upper-case"),
    pytest.param("{wrong_fan}/{name}", id="directories-not-the-hash"),
    pytest.param("{dirs}/{plus}", id="plus-in-name"),
    pytest.param("{dirs}/{tilde}", id="tilde-for-underscore"),
    pytest.param("{dirs}/{long}", id="name-too-long"),
]


@pytest.mark.parametrize("template", DRESSED_UP)
async def test_a_real_code_dressed_up_is_refused_before_any_upstream_call(
    gateway: Gateway, sandbox: Sandbox, codes: list[str], template: str
) -> None:
    code = codes[0]
    dirs, name = code.rsplit("/", 1)
    target = template.format(
        dirs=dirs,
        name=name,
        double_encoded_dots=name.replace(".", "%252e"),
        double_encoded_slashes=code.replace("/", "%252f"),
        upper=code.upper(),
        wrong_fan=("1" if dirs[0] == "0" else "0") + dirs[1:],
        plus=name.replace("-", "+"),
        tilde=name.replace("_", "~", 1),
        long=name.replace("_", "_" + "x" * 300, 1),
    )
    assert target != code
    before = await akeneo_requests(sandbox)

    answer = await fetch(gateway, target)

    assert_refused(answer, sandbox)
    assert answer.status == 400
    assert await akeneo_requests(sandbox) - before == Counter()


async def test_a_media_file_is_served_and_cached_for_good(
    gateway: Gateway, sandbox: Sandbox, codes: list[str]
) -> None:
    code = codes[0]
    before = await akeneo_requests(sandbox)

    answer = await fetch(gateway, code)

    assert answer.status == 200
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert answer.body.startswith(b"\xff\xd8")
    assert answer.headers["Cache-Control"] == IMMUTABLE
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    # The first call to the PIM may also be granted its token; the file itself is fetched once.
    sent = await akeneo_requests(sandbox) - before
    sent.pop("POST /api/oauth/v1/token", None)
    assert sent == Counter({f"GET /api/rest/v1/media-files/{code}/download": 1})


async def test_an_encoded_slash_or_dot_decodes_to_the_same_file(
    gateway: Gateway, sandbox: Sandbox, codes: list[str]
) -> None:
    code = codes[-1]
    target = code.replace("/", "%2F").replace(".", "%2e")

    answer = await fetch(gateway, target)

    assert answer.status == 200
    assert answer.headers["Cache-Control"] == IMMUTABLE


async def test_an_unknown_code_is_a_404_that_is_not_cached(
    gateway: Gateway, sandbox: Sandbox, codes: list[str]
) -> None:
    code = other_code(codes[0])
    before = await akeneo_requests(sandbox)

    answer = await fetch(gateway, code)

    assert_refused(answer, sandbox)
    assert answer.status == 404
    assert answer.json() == {"error": "media file not found"}
    # The first call to the PIM may also be granted its token; the file itself is fetched once.
    sent = await akeneo_requests(sandbox) - before
    sent.pop("POST /api/oauth/v1/token", None)
    assert sent == Counter({f"GET /api/rest/v1/media-files/{code}/download": 1})


async def test_without_a_pim_the_proxy_answers_404(sandbox: Sandbox, codes: list[str]) -> None:
    backends = {name: section for name, section in sandbox.backends_config().items() if name != "akeneo"}
    config = parse_config({"backends": backends, "cache": {"namespace": "test"}}, environ={})
    async with running_gateway(config) as gateway:
        answer = await fetch(gateway, codes[0])

    assert_refused(answer, sandbox)
    assert answer.status == 404


# -- a PIM that answers a download with something else than a media file -------------------------


@dataclass(slots=True)
class ScriptedPim:
    """Akeneo's token and structure endpoints, and a download endpoint whose answer a test sets."""

    url: str = ""
    download: web.Response | None = None
    downloads: int = 0

    async def token(self, request: web.Request) -> web.Response:
        return web.json_response({"access_token": "t", "expires_in": 3600, "refresh_token": "r"})

    async def empty_list(self, request: web.Request) -> web.Response:
        return web.json_response({"_links": {}, "_embedded": {"items": []}})

    async def serve_download(self, request: web.Request) -> web.Response:
        self.downloads += 1
        assert self.download is not None
        return self.download


@pytest.fixture(scope="module")
async def scripted_gateway(sandbox: Sandbox) -> AsyncIterator[tuple[Gateway, ScriptedPim]]:
    pim = ScriptedPim()
    app = web.Application()
    app.router.add_post("/api/oauth/v1/token", pim.token)
    app.router.add_get("/api/rest/v1/attributes", pim.empty_list)
    app.router.add_get("/api/rest/v1/categories", pim.empty_list)
    app.router.add_get("/api/rest/v1/media-files/{code:.+}/download", pim.serve_download)
    async with TestServer(app, host="127.0.0.1") as server:
        pim.url = str(server.make_url("")).rstrip("/")
        config = gateway_config(sandbox, backends={"akeneo": {"url": pim.url}})
        async with running_gateway(config) as gateway:
            yield gateway, pim


NOT_MEDIA = [
    pytest.param(
        lambda url: web.json_response(
            {"_links": {"self": {"href": f"{url}/api/rest/v1/products-uuid"}}, "_embedded": {"items": []}}
        ),
        id="akeneo-json",
    ),
    pytest.param(
        lambda url: web.Response(
            body=orjson.dumps({"code": 422, "message": url}), content_type="application/problem+json"
        ),
        id="problem-json",
    ),
    pytest.param(
        lambda url: web.Response(text=f"<a href='{url}/user/login'>log in</a>", content_type="text/html"),
        id="html-page",
    ),
]


@pytest.mark.parametrize("answer", NOT_MEDIA)
async def test_an_answer_that_is_not_a_media_file_is_a_bad_response(
    scripted_gateway: tuple[Gateway, ScriptedPim], codes: list[str], answer: Any
) -> None:
    gateway, pim = scripted_gateway
    pim.download = answer(pim.url)
    downloads = pim.downloads

    response = await fetch(gateway, codes[0])

    assert pim.downloads == downloads + 1
    assert response.status == 502
    assert response.json()["code"] == "BACKEND_BAD_RESPONSE"
    assert response.headers["Cache-Control"] == "no-store"
    assert URL(pim.url).raw_authority.encode() not in response.body


async def test_a_pim_failure_is_a_502_that_is_not_cached(
    scripted_gateway: tuple[Gateway, ScriptedPim], codes: list[str]
) -> None:
    gateway, pim = scripted_gateway
    pim.download = web.json_response({"code": 403, "message": f"see {pim.url}"}, status=403)

    response = await fetch(gateway, codes[0])

    assert response.status == 502
    assert response.json()["code"] == "BACKEND_AUTH"
    assert response.headers["Cache-Control"] == "no-store"
    assert URL(pim.url).raw_authority.encode() not in response.body


# -- property: whatever the path and however it is encoded ---------------------------------------

PIECES = [
    ".", "..", "/", "\\", "?", "#", "%", ";", "=", "&", "_", "-", ":", "~", "\x00", "\n", "\r", " ",
    "\u2024", "\uff0e", "\u2215", "\u00c0",
    "products-uuid", "categories", "attributes", "media-files", "download", "api", "rest", "v1",
    "0", "a", "f", "jpg",
]  # fmt: skip
RAW_SAFE = "/.;?=&%~-_:@!$'()*+,"
"""Characters an encoding round may leave as they are: all legal in a request target (`#` is not)."""


@st.composite
def logical_paths(draw: st.DrawFn, codes: list[str]) -> str:
    """A decoded path: a real code, a real code with pieces spliced in, or pieces and text."""
    pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=12).map("".join)
    code = st.sampled_from(codes)
    spliced = st.tuples(code, pieces, st.integers(0, 200)).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :])
    return draw(st.one_of(code, spliced, pieces))


@st.composite
def encodings(draw: st.DrawFn, path: str) -> str:
    """`path` percent-encoded one to three times, each round leaving a drawn set of characters raw."""
    encoded = path
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            encoded = quote(encoded, safe=draw(st.sets(st.sampled_from(RAW_SAFE)).map("".join)))
        else:  # every byte escaped, unreserved characters included
            encoded = "".join(f"%{byte:02X}" for byte in encoded.encode())
        if draw(st.booleans()):
            encoded = re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), encoded)
    return encoded


@settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
async def test_no_path_reaches_anything_but_a_media_file(
    gateway: Gateway, sandbox: Sandbox, codes: list[str], data: st.DataObject
) -> None:
    target = data.draw(logical_paths(codes).flatmap(encodings), label="target")
    # What the app sees, as the server decodes it: the path up to `?`, percent-decoded once.
    code = unquote(target.split("?", 1)[0])
    before = await akeneo_requests(sandbox)

    answer = await fetch(gateway, target)

    reached = await akeneo_requests(sandbox) - before
    assert answer.status in (200, 400, 404), (answer.status, answer.body[:300])
    assert emulator_address(sandbox) not in answer.body
    if answer.status == 200:
        assert code in codes
        assert answer.headers["Cache-Control"] == IMMUTABLE
    else:
        assert_refused(answer, sandbox)
    for request in reached:
        match = DOWNLOAD.fullmatch(request)
        assert match is not None, request
        assert match["code"] == code
        assert not {"", ".", ".."} & set(code.split("/"))
        assert not set(code) & set("?#%\\;\x00\n\r ")
