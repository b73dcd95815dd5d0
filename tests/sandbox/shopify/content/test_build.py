"""The shop's content is built from the world and its seed alone: the same seed, the same content."""

from __future__ import annotations

from dataclasses import astuple

from sandbox.seed import generate
from sandbox.shopify.content.build import build_content
from sandbox.shopify.content.records import Content
from sandbox.shopify.store import Store
from sandbox.shopify.timestamps import iso


def fingerprint(content: Content) -> list[object]:
    """What a shopper can read of the content, as plain values."""
    return [
        [
            (p.handle, astuple(p.title), astuple(p.body), iso(p.updated_at), p.published)
            for p in content.pages.values()
        ],
        [
            (
                a.gid,
                a.handle,
                a.author.email,
                a.published_at and iso(a.published_at),
                a.excerpt is None,
                a.image and a.image.url,
            )
            for a in content.articles.values()
        ],
        [(c.gid, c.author_email, c.body) for c in content.comments.values()],
        [(p.kind, astuple(p.body)) for p in content.policies.values()],
        [(r.path, r.target) for r in content.redirects.values()],
        [astuple(content.brand.slogan), content.brand.primary_colors],
        [(m.handle, [(i.gid, i.type, i.url) for i in m.items]) for m in content.menus.values()],
    ]


def test_the_same_world_builds_the_same_content() -> None:
    # given
    world = generate(25, seed=3)

    # when
    first, second = Store(world).content, Store(generate(25, seed=3)).content

    # then
    assert fingerprint(first) == fingerprint(second)
    assert build_content(world, Store(world)) is not first


def test_another_seed_builds_other_content() -> None:
    # when
    one, other = Store(generate(25, seed=3)).content, Store(generate(25, seed=4)).content

    # then
    assert fingerprint(one) != fingerprint(other)
    assert [p.handle for p in one.pages.values()] == [p.handle for p in other.pages.values()]


def test_the_content_does_not_depend_on_the_size_of_the_catalog() -> None:
    # when
    small, large = Store(generate(15, seed=5)).content, Store(generate(60, seed=5)).content

    # then: only what links the catalog or the customers (comments, menus, redirects) may differ
    same = [0, 1, 3, 5]
    assert [fingerprint(small)[i] for i in same] == [fingerprint(large)[i] for i in same]


def test_a_one_product_shop_still_has_all_its_content() -> None:
    # when
    content = Store(generate(1, seed=9)).content

    # then
    assert len([p for p in content.pages.values() if p.published]) == 12
    assert [b.handle for b in content.blogs.values()] == ["news", "guides", "stories"]
    assert all(
        3 <= len(b.published_articles) <= 4 and len(b.articles) == len(b.published_articles) + 1
        for b in content.blogs.values()
    )
    assert set(content.policies) == {
        "privacyPolicy",
        "refundPolicy",
        "shippingPolicy",
        "subscriptionPolicy",
        "termsOfService",
    }
    assert set(content.menus) == {"main-menu", "footer"}
