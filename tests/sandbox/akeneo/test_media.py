"""Media files: metadata, authenticated download of a valid JPEG, and 404s."""

from __future__ import annotations

import struct

import aiohttp

from sandbox.seed import World

MEDIA = "/api/rest/v1/media-files"


def jpeg_size(data: bytes) -> tuple[int, int]:
    """Walk the JPEG's segments up to its baseline frame header and return (width, height)."""
    assert data[:2] == b"\xff\xd8"
    assert data[-2:] == b"\xff\xd9"
    offset = 2
    while offset < len(data):
        marker, length = struct.unpack(">HH", data[offset : offset + 4])
        if marker == 0xFFC0:
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            return width, height
        offset += 2 + length
    raise AssertionError("no SOF0 segment")


async def test_media_metadata_and_download(http: aiohttp.ClientSession, world: World) -> None:
    # given
    media = world.products[0].content.media[0]

    # when
    async with http.get(f"{MEDIA}/{media.code}") as response:
        assert response.status == 200
        meta = await response.json()
    async with http.get(meta["_links"]["download"]["href"]) as response:
        assert response.status == 200
        content_type = response.headers["Content-Type"]
        disposition = response.headers["Content-Disposition"]
        data = await response.read()

    # then
    assert meta == {
        "code": media.code,
        "original_filename": media.filename,
        "mime_type": "image/jpeg",
        "size": len(data),
        "extension": "jpg",
        "_links": {"download": {"href": meta["_links"]["download"]["href"]}},
    }
    assert content_type == "image/jpeg"
    assert disposition == f'attachment; filename="{media.filename}"'
    assert jpeg_size(data) == (96, 120)
    async with http.get(meta["_links"]["download"]["href"]) as response:
        assert await response.read() == data  # deterministic


async def test_download_requires_the_bearer_token(anonymous: aiohttp.ClientSession, world: World) -> None:
    media = world.products[0].content.media[0]
    async with anonymous.get(f"{MEDIA}/{media.code}/download") as response:
        assert response.status == 401
        assert await response.json() == {"code": 401, "message": "Authentication is required"}


async def test_unknown_media_is_404(http: aiohttp.ClientSession) -> None:
    for path in (f"{MEDIA}/a/b/c/missing.jpg", f"{MEDIA}/a/b/c/missing.jpg/download"):
        async with http.get(path) as response:
            assert response.status == 404
            assert await response.json() == {
                "code": 404,
                "message": 'Media file "a/b/c/missing.jpg" does not exist.',
            }


async def test_media_list_pages(http: aiohttp.ClientSession, world: World) -> None:
    total = sum(len(p.content.media) for p in world.products)
    async with http.get(MEDIA, params={"limit": "5", "with_count": "true"}) as response:
        body = await response.json()
    assert body["items_count"] == total
    assert len(body["_embedded"]["items"]) == 5
    assert set(body["_embedded"]["items"][0]["_links"]) == {"self", "download"}
