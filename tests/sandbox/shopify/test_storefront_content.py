"""Storefront content of the Shopify emulator, asked the way Hydrogen's skeleton routes ask for it.

Header and footer menus, pages, policies, blogs and articles, with `@inContext` languages, named
fragments, `@include` and variables with defaults; unknown handles; `node(s)` over every content
type; and the content coordinates served exactly as Shopify declares them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from graphql import GraphQLInterfaceType, GraphQLUnionType

from sandbox.seed import generate
from sandbox.shopify.content.page_texts import PAGES
from sandbox.shopify.content.shop_texts import POLICIES
from sandbox.shopify.store import Store
from sandbox.shopify.storefront.schema import storefront_schema
from tests.sandbox.shopify.operations import document
from tests.shopify_specs import needs_specs, real_storefront

from .sandbox_client import ShopifySandbox, running

HEADER = document("storefront", "Header")
FOOTER = document("storefront", "Footer")
PAGE = document("storefront", "Page")
POLICY = document("storefront", "Policy")
POLICIES_INDEX = document("storefront", "Policies")
BLOGS = document("storefront", "Blogs")
BLOG = document("storefront", "Blog")
ARTICLE = document("storefront", "Article")

STOREFRONT_MENU_RESOURCES = """
query MenuResources($handle: String!, $language: LanguageCode = EN) @inContext(language: $language) {
  menu(handle: $handle) {
    handle
    title
    itemsCount
    items { ...Linked items { ...Linked } }
  }
}
fragment Linked on MenuItem {
  type
  title
  resourceId
  resource {
    __typename
    ... on Article { id handle blog { handle } }
    ... on Blog { id handle }
    ... on Collection { id handle }
    ... on Metaobject { id handle type }
    ... on Page { id handle }
    ... on Product { id handle }
    ... on ShopPolicy { id handle }
  }
}
"""
STOREFRONT_MISSING = """
query Missing($article: ID!) {
  page(handle: "no-such-page") { id }
  draftPage: page(handle: "summer-sale-preview") { id }
  blog(handle: "no-such-blog") { id }
  news: blog(handle: "news") { articleByHandle(handle: "no-such-article") { id } }
  menu(handle: "no-such-menu") { id }
  article(id: $article) { id }
}
"""
STOREFRONT_DRAFT = """
query Draft($blog: String!, $handle: String!, $id: ID!) {
  blog(handle: $blog) { articleByHandle(handle: $handle) { id } }
  article(id: $id) { id }
}
"""
STOREFRONT_ARTICLE_FIELDS = """
query ArticleFields($id: ID!, $language: LanguageCode) @inContext(language: $language) {
  article(id: $id) {
    id
    handle
    title
    content
    short: content(truncateAt: 12)
    contentHtml
    excerpt
    excerptHtml
    tags
    publishedAt
    onlineStoreUrl
    trackingParameters
    seo { title description }
    image { id url altText width height }
    blog { id handle title }
    authorV2 { name firstName lastName email bio }
    comments(first: 10) {
      nodes { id content contentHtml author { name email } }
      pageInfo { hasNextPage }
    }
  }
}
"""
STOREFRONT_PAGE_BY_ID = """
query PageById($id: ID!) {
  page(id: $id) { id handle body bodySummary createdAt updatedAt onlineStoreUrl trackingParameters }
}
"""
STOREFRONT_CONTENT_NODES = """
query ContentNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on Page { handle }
    ... on Blog { handle }
    ... on Article { handle }
    ... on Comment { author { email } }
    ... on ShopPolicy { handle }
    ... on UrlRedirect { path target }
    ... on Menu { handle }
    ... on MenuItem { type }
    ... on Metaobject { handle }
    ... on Market { handle }
    ... on MediaImage { alt }
  }
}
"""
STOREFRONT_CONTENT_NODE = """
query ContentNode($id: ID!) { node(id: $id) { __typename id } }
"""
STOREFRONT_BRAND = """
query Brand($language: LanguageCode) @inContext(language: $language) {
  shop {
    brand {
      slogan
      shortDescription
      colors { primary { background foreground } secondary { background foreground } }
      logo { id alt image { url width height } }
      squareLogo { image { url width height } }
      coverImage { image { url width height } }
    }
  }
}
"""

RESOURCE_TYPES = {
    "ARTICLE": "Article",
    "BLOG": "Blog",
    "COLLECTION": "Collection",
    "METAOBJECT": "Metaobject",
    "PAGE": "Page",
    "PRODUCT": "Product",
    "SHOP_POLICY": "ShopPolicy",
}
"""The resource each linking `MenuItemType` points at."""

LOCALES = {"EN": "en_US", "FR": "fr_FR", "DE": "de_DE"}


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def store(shop: ShopifySandbox) -> Store:
    """The store the emulator built, built again from the same world (the content is deterministic)."""
    return Store(shop.world)


def items_of(menu: dict[str, Any]) -> list[dict[str, Any]]:
    return [*menu["items"], *(child for item in menu["items"] for child in item["items"])]


# --- header and footer -----------------------------------------------------------------------------


async def test_the_header_serves_the_shop_its_logo_and_a_two_level_main_menu(
    shop: ShopifySandbox, store: Store
) -> None:
    # when
    reply = await shop.storefront(
        HEADER, {"headerMenuHandle": "main-menu", "language": "FR", "country": "FR"}
    )

    # then
    data = reply.data
    assert data["shop"]["name"] == shop.world.shop.name
    assert data["shop"]["primaryDomain"]["url"] == store.url
    assert data["shop"]["brand"]["logo"]["image"]["url"].startswith("https://cdn.shopify.com/")
    menu = data["menu"]
    assert menu["id"] == store.content.menus["main-menu"].gid
    world_items = shop.world.menus["main-menu"]
    first = menu["items"][: len(world_items)]
    assert [item["url"] for item in first] == [store.url + item.url for item in world_items]
    new_arrivals = store.collections_by_handle["new-arrivals"]
    assert first[0]["title"] == new_arrivals.title.fr_FR
    assert first[0]["resourceId"] == new_arrivals.gid
    assert [child["type"] for child in first[0]["items"]] == ["PRODUCT", "PRODUCT"]
    assert {item["type"] for item in items_of(menu)} >= {
        "COLLECTION",
        "PRODUCT",
        "BLOG",
        "ARTICLE",
        "METAOBJECT",
        "PAGE",
        "CATALOG",
        "COLLECTIONS",
    }
    assert all(item["tags"] == [] for item in items_of(menu))


async def test_the_footer_links_the_policies_pages_and_a_blog(shop: ShopifySandbox, store: Store) -> None:
    # when
    reply = await shop.storefront(FOOTER, {"footerMenuHandle": "footer", "language": "DE"})

    # then
    items = reply.data["menu"]["items"]
    titles = [item["title"] for item in items]
    assert titles[:3] == ["Suche", "Versand", "Rücksendungen"]
    policies = store.content.policies
    by_type = [(item["type"], item["resourceId"]) for item in items]
    assert by_type[:5] == [
        ("SEARCH", None),
        ("SHOP_POLICY", policies["shippingPolicy"].gid),
        ("SHOP_POLICY", policies["refundPolicy"].gid),
        ("SHOP_POLICY", policies["privacyPolicy"].gid),
        ("SHOP_POLICY", policies["termsOfService"].gid),
    ]
    contact = next(item for item in items if item["title"] == "Kontakt")
    assert [child["title"] for child in contact["items"]] == [
        "Häufige Fragen",
        "Versand",
        "Rückgabe und Umtausch",
    ]
    assert items[-1] == {
        "id": items[-1]["id"],
        "resourceId": None,
        "tags": [],
        "title": "Instagram",
        "type": "HTTP",
        "url": "https://www.instagram.com/northwind",
        "items": [],
    }


@pytest.mark.parametrize("handle", ["main-menu", "footer"])
async def test_every_linking_item_resolves_to_the_object_it_names(shop: ShopifySandbox, handle: str) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_MENU_RESOURCES, {"handle": handle})

    # then
    menu = reply.data["menu"]
    assert menu["itemsCount"] == len(menu["items"])
    linking = [item for item in items_of(menu) if item["type"] in RESOURCE_TYPES]
    assert linking
    for item in linking:
        resource = item["resource"]
        assert resource["__typename"] == RESOURCE_TYPES[item["type"]]
        assert resource["id"] == item["resourceId"]
    for item in items_of(menu):
        if item["type"] not in RESOURCE_TYPES:
            assert (item["resource"], item["resourceId"]) == (None, None)


async def test_the_whole_menu_union_appears_across_the_two_menus(shop: ShopifySandbox) -> None:
    # when
    menus = [
        (await shop.storefront(STOREFRONT_MENU_RESOURCES, {"handle": h})).data["menu"]
        for h in ("main-menu", "footer")
    ]

    # then
    typenames = {
        item["resource"]["__typename"] for menu in menus for item in items_of(menu) if item["resource"]
    }
    assert typenames == set(RESOURCE_TYPES.values())


@pytest.mark.parametrize(
    ("language", "main", "footer"),
    [("EN", "Main menu", "Footer menu"), ("FR", "Menu principal", "Menu de pied de page")],
)
async def test_menu_titles_are_translated(
    shop: ShopifySandbox, language: str, main: str, footer: str
) -> None:
    # when
    titles = [
        (await shop.storefront(STOREFRONT_MENU_RESOURCES, {"handle": h, "language": language})).data["menu"][
            "title"
        ]
        for h in ("main-menu", "footer")
    ]

    # then
    assert titles == [main, footer]


# --- pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["EN", "FR", "DE"])
async def test_the_page_route_serves_the_body_and_seo_in_the_language(
    shop: ShopifySandbox, language: str
) -> None:
    # given
    text = PAGES[0]
    locale = LOCALES[language]

    # when
    reply = await shop.storefront(PAGE, {"handle": text.handle, "language": language})

    # then
    page = reply.data["page"]
    assert page["handle"] == "about-us"
    assert page["title"] == text.title.get(locale)
    assert page["body"].startswith("<p>")
    assert page["body"].endswith("</p>")
    assert shop.world.shop.name in page["body"]
    assert page["seo"] == {
        "title": text.seo_title.get(locale).format(shop=shop.world.shop.name) if text.seo_title else None,
        "description": text.seo_description.get(locale),
    }


async def test_a_page_by_id_has_its_dates_address_and_summary(shop: ShopifySandbox, store: Store) -> None:
    # given
    record = store.content.pages_by_handle["faq"]

    # when
    page = (await shop.storefront(STOREFRONT_PAGE_BY_ID, {"id": record.gid})).data["page"]

    # then
    assert page["handle"] == "faq"
    assert page["onlineStoreUrl"] == f"{store.url}/pages/faq"
    assert page["createdAt"] <= page["updatedAt"]
    assert page["createdAt"].endswith("Z")
    assert "<" not in page["bodySummary"]
    assert page["bodySummary"].startswith("Orders placed before 14:00")
    assert page["trackingParameters"] is None


async def test_pages_and_policies_state_the_same_return_window(shop: ShopifySandbox, store: Store) -> None:
    # when
    faq = (await shop.storefront(PAGE, {"handle": "faq"})).data["page"]
    refund = store.content.policies["refundPolicy"]

    # then
    days = next(word for word in faq["body"].split() if word.isdigit())
    assert f"within {days} days" in refund.body.en_US


# --- policies --------------------------------------------------------------------------------------


async def test_the_policy_route_includes_only_the_policy_asked_for(
    shop: ShopifySandbox, store: Store
) -> None:
    # given
    chosen = dict.fromkeys(("privacyPolicy", "refundPolicy", "termsOfService"), False) | {
        "shippingPolicy": True
    }

    # when
    reply = await shop.storefront(POLICY, {**chosen, "language": "FR"})

    # then
    policy = store.content.policies["shippingPolicy"]
    assert reply.data["shop"] == {
        "shippingPolicy": {
            "body": policy.body.fr_FR,
            "handle": "shipping-policy",
            "id": policy.gid,
            "title": "Politique d'expédition",
            "url": f"{store.url}/policies/shipping-policy",
        }
    }


@pytest.mark.parametrize("language", ["EN", "FR", "DE"])
async def test_the_policies_index_lists_the_five_policies(shop: ShopifySandbox, language: str) -> None:
    # when
    reply = await shop.storefront(POLICIES_INDEX, {"language": language})

    # then
    got = reply.data["shop"]
    titles = {text.kind: text.title.get(LOCALES[language]) for text in POLICIES}
    assert {kind: policy["title"] for kind, policy in got.items()} == titles
    assert {policy["handle"] for policy in got.values()} == {text.handle for text in POLICIES}
    assert all(policy["id"].startswith("gid://shopify/ShopPolicy/") for policy in got.values())


# --- blogs and articles ----------------------------------------------------------------------------


async def test_the_blogs_route_pages_through_every_blog_both_ways(shop: ShopifySandbox, store: Store) -> None:
    # when: forward two at a time, then back from the end
    first = (await shop.storefront(BLOGS, {"first": 2})).data["blogs"]
    second = (await shop.storefront(BLOGS, {"first": 2, "endCursor": first["pageInfo"]["endCursor"]})).data[
        "blogs"
    ]
    last = (await shop.storefront(BLOGS, {"last": 1})).data["blogs"]
    before = (await shop.storefront(BLOGS, {"last": 5, "startCursor": last["pageInfo"]["startCursor"]})).data[
        "blogs"
    ]

    # then
    handles = [blog.handle for blog in store.content.blogs.values()]
    assert [b["handle"] for b in first["nodes"] + second["nodes"]] == handles == ["news", "guides", "stories"]
    assert (first["pageInfo"]["hasNextPage"], second["pageInfo"]["hasNextPage"]) == (True, False)
    assert second["pageInfo"]["hasPreviousPage"] is True
    assert [b["handle"] for b in before["nodes"] + last["nodes"]] == handles
    assert before["pageInfo"]["hasPreviousPage"] is False


async def test_the_blog_route_walks_its_published_articles(shop: ShopifySandbox, store: Store) -> None:
    # given
    blog = store.content.blogs_by_handle["guides"]
    variables: dict[str, Any] = {"blogHandle": "guides", "first": 2, "language": "DE"}

    # when
    seen: list[dict[str, Any]] = []
    while True:
        page = (await shop.storefront(BLOG, variables)).data["blog"]
        seen += page["articles"]["nodes"]
        if not page["articles"]["pageInfo"]["hasNextPage"]:
            break
        variables["endCursor"] = page["articles"]["pageInfo"]["endCursor"]

    # then
    assert page["title"] == "Ratgeber"
    assert [a["handle"] for a in seen] == [a.handle for a in blog.published_articles]
    assert len(blog.articles) == len(seen) + 1  # the last article of each blog is a draft
    assert all(a["blog"] == {"handle": "guides"} for a in seen)
    assert [a["title"] for a in seen] == [a.title.de_DE for a in blog.published_articles]
    assert {a["author"]["name"] for a in seen} <= {admin.name for admin in shop.world.admins}


async def test_the_article_route_finds_an_article_through_its_blog(
    shop: ShopifySandbox, store: Store
) -> None:
    # given
    article = store.content.blogs_by_handle["stories"].published_articles[0]

    # when
    reply = await shop.storefront(
        ARTICLE, {"blogHandle": "stories", "articleHandle": article.handle, "language": "FR"}
    )

    # then
    got = reply.data["blog"]["articleByHandle"]
    assert got["title"] == article.title.fr_FR
    assert got["contentHtml"] == article.content.fr_FR
    assert got["author"] == {"name": article.author.name}
    assert got["publishedAt"].endswith("Z")
    assert got["seo"]["description"] == (article.seo_description.fr_FR if article.seo_description else None)
    assert got["seo"]["title"] == (article.seo_title.fr_FR if article.seo_title else None)
    assert (got["image"] is None) is (article.image is None)


async def test_an_article_has_every_field_hydrogen_and_themes_read(
    shop: ShopifySandbox, store: Store
) -> None:
    # given: a published article with comments, an excerpt and an image
    article = next(
        a for a in store.content.articles.values() if a.published_at and a.comments and a.excerpt and a.image
    )

    # when
    got = (await shop.storefront(STOREFRONT_ARTICLE_FIELDS, {"id": article.gid, "language": "EN"})).data[
        "article"
    ]

    # then
    assert got["id"] == article.gid
    assert got["contentHtml"].startswith("<p>")
    assert "<" not in got["content"]
    assert got["short"] == got["content"][:12].rstrip() + "…"
    assert got["excerptHtml"] == f"<p>{got['excerpt']}</p>"
    assert got["tags"] == sorted(got["tags"])
    assert got["onlineStoreUrl"] == f"{store.url}/blogs/{article.blog.handle}/{article.handle}"
    assert got["seo"]["description"] == got["excerpt"]
    assert got["blog"] == {
        "id": article.blog.gid,
        "handle": article.blog.handle,
        "title": article.blog.title.en_US,
    }
    author = got["authorV2"]
    assert author["name"] == f"{author['firstName']} {author['lastName']}"
    assert author["email"].endswith("@northwind.example")
    assert got["image"]["url"].startswith(
        f"https://cdn.shopify.com/s/files/1/0700/sandbox/articles/{article.handle}.jpg"
    )
    comments = got["comments"]["nodes"]
    assert [c["id"] for c in comments] == [c.gid for c in article.comments]
    emails = {customer.email for customer in shop.world.customers}
    assert all(c["author"]["email"] in emails for c in comments)
    assert all(c["contentHtml"] == f"<p>{c['content']}</p>" for c in comments)


async def test_an_article_without_an_excerpt_answers_null_for_both_forms(
    shop: ShopifySandbox, store: Store
) -> None:
    # given
    article = next(a for a in store.content.articles.values() if a.published_at and a.excerpt is None)

    # when
    got = (await shop.storefront(STOREFRONT_ARTICLE_FIELDS, {"id": article.gid})).data["article"]

    # then
    assert (got["excerpt"], got["excerptHtml"]) == (None, None)


async def test_an_articles_own_search_title_names_its_blog_in_the_language(
    shop: ShopifySandbox, store: Store
) -> None:
    # given
    article = next(a for a in store.content.articles.values() if a.published_at and a.seo_title)

    # when
    got = (await shop.storefront(STOREFRONT_ARTICLE_FIELDS, {"id": article.gid, "language": "DE"})).data[
        "article"
    ]

    # then
    assert got["seo"]["title"] == f"{got['title']} · {got['blog']['title']}"
    assert got["blog"]["title"] == article.blog.title.de_DE


async def test_comments_stay_in_the_language_their_author_wrote(shop: ShopifySandbox, store: Store) -> None:
    # given
    article = next(a for a in store.content.articles.values() if a.published_at and a.comments)

    # when
    english = (await shop.storefront(STOREFRONT_ARTICLE_FIELDS, {"id": article.gid, "language": "EN"})).data
    german = (await shop.storefront(STOREFRONT_ARTICLE_FIELDS, {"id": article.gid, "language": "DE"})).data

    # then
    assert english["article"]["comments"] == german["article"]["comments"]
    assert english["article"]["title"] != german["article"]["title"]


# --- what does not exist ---------------------------------------------------------------------------


async def test_unknown_and_unpublished_handles_are_null(shop: ShopifySandbox) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_MISSING, {"article": "gid://shopify/Article/1"})

    # then
    assert reply.data == {
        "page": None,
        "draftPage": None,
        "blog": None,
        "news": {"articleByHandle": None},
        "menu": None,
        "article": None,
    }


async def test_a_draft_article_is_not_found_by_handle_or_id(shop: ShopifySandbox, store: Store) -> None:
    # given
    draft = next(a for a in store.content.articles.values() if a.published_at is None)

    # when
    reply = await shop.storefront(
        STOREFRONT_DRAFT, {"blog": draft.blog.handle, "handle": draft.handle, "id": draft.gid}
    )

    # then
    assert reply.data == {"blog": {"articleByHandle": None}, "article": None}


# --- node lookups ----------------------------------------------------------------------------------


async def test_nodes_resolve_every_content_type_by_its_gid(shop: ShopifySandbox, store: Store) -> None:
    # given
    content = store.content
    article = next(a for a in content.articles.values() if a.published_at and a.comments)
    menu = content.menus["main-menu"]
    ids = [
        content.pages_by_handle["contact"].gid,
        content.blogs_by_handle["news"].gid,
        article.gid,
        article.comments[0].gid,
        content.policies["termsOfService"].gid,
        next(iter(content.redirects.values())).gid,
        menu.gid,
        menu.items[0].gid,
        next(iter(content.metaobjects.values())).gid,
        content.brand.logo.gid,
    ]

    # when
    nodes = (await shop.storefront(STOREFRONT_CONTENT_NODES, {"ids": ids})).data["nodes"]

    # then
    assert [node["id"] for node in nodes] == ids
    assert [node["__typename"] for node in nodes] == [
        "Page",
        "Blog",
        "Article",
        "Comment",
        "ShopPolicy",
        "UrlRedirect",
        "Menu",
        "MenuItem",
        "Metaobject",
        "MediaImage",
    ]
    assert nodes[0]["handle"] == "contact"
    assert nodes[3]["author"] == {"email": article.comments[0].author_email}
    assert nodes[7]["type"] == "COLLECTION"


async def test_node_of_something_the_storefront_cannot_see_is_null(
    shop: ShopifySandbox, store: Store
) -> None:
    # given
    content = store.content
    draft = next(a for a in content.articles.values() if a.published_at is None)
    hidden = content.pages_by_handle["summer-sale-preview"]
    ids = [
        draft.gid,
        hidden.gid,
        "gid://shopify/Page/1",
        "gid://shopify/Blog/1",
        "gid://shopify/UrlRedirect/1",
    ]

    # when
    nodes = [(await shop.storefront(STOREFRONT_CONTENT_NODE, {"id": value})).data["node"] for value in ids]

    # then
    assert nodes == [None] * len(ids)


# --- brand -----------------------------------------------------------------------------------------


async def test_the_brand_has_colours_logos_and_translated_copy(shop: ShopifySandbox, store: Store) -> None:
    # given
    brand = store.content.brand

    # when
    english = (await shop.storefront(STOREFRONT_BRAND, {"language": "EN"})).data["shop"]["brand"]
    french = (await shop.storefront(STOREFRONT_BRAND, {"language": "FR"})).data["shop"]["brand"]

    # then
    assert english["slogan"] == brand.slogan.en_US
    assert french["slogan"] == brand.slogan.fr_FR != english["slogan"]
    assert english["shortDescription"] == shop.world.shop.description
    assert french["shortDescription"] != english["shortDescription"]
    colors = english["colors"]
    assert colors["primary"] == [{"background": bg, "foreground": fg} for bg, fg in brand.primary_colors]
    assert colors["secondary"] == [{"background": bg, "foreground": fg} for bg, fg in brand.secondary_colors]
    assert english["logo"]["id"] == brand.logo.gid
    assert english["logo"]["alt"] == f"{shop.world.shop.name} logo"
    square = english["squareLogo"]["image"]
    assert square["width"] == square["height"]
    cover = english["coverImage"]["image"]
    assert cover["width"] > cover["height"]


# --- the schema ------------------------------------------------------------------------------------

CONTENT_COORDINATES = [
    "QueryRoot.page",
    "QueryRoot.pages",
    "QueryRoot.blog",
    "QueryRoot.blogs",
    "QueryRoot.article",
    "QueryRoot.articles",
    "QueryRoot.menu",
    "QueryRoot.sitemap",
    "QueryRoot.urlRedirects",
    "QueryRoot.localization",
    *(f"Shop.{name}" for name in ("brand", "privacyPolicy", "refundPolicy", "shippingPolicy", "subscriptionPolicy", "termsOfService")),
    *(f"Brand.{name}" for name in ("colors", "coverImage", "logo", "shortDescription", "slogan", "squareLogo")),
    "BrandColors.primary",
    "BrandColorGroup.background",
    *(f"Page.{name}" for name in ("body", "bodySummary", "createdAt", "handle", "id", "onlineStoreUrl", "seo", "title", "trackingParameters", "updatedAt")),
    *(f"Blog.{name}" for name in ("articleByHandle", "articles", "authors", "handle", "id", "onlineStoreUrl", "seo", "title")),
    *(
        f"Article.{name}"
        for name in (
            "author", "authorV2", "blog", "comments", "content", "contentHtml", "excerpt", "excerptHtml", "handle",
            "id", "image", "onlineStoreUrl", "publishedAt", "seo", "tags", "title", "trackingParameters",
        )
    ),
    *(f"ArticleAuthor.{name}" for name in ("bio", "email", "firstName", "lastName", "name")),
    *(f"Comment.{name}" for name in ("author", "content", "contentHtml", "id")),
    "CommentAuthor.email",
    *(f"ShopPolicy.{name}" for name in ("body", "handle", "id", "title", "url")),
    *(f"ShopPolicyWithDefault.{name}" for name in ("body", "handle", "id", "title", "url")),
    *(f"MenuItem.{name}" for name in ("id", "items", "resource", "resourceId", "tags", "title", "type", "url")),
    "Sitemap.pagesCount",
    "Sitemap.resources",
    "PaginatedSitemapResources.items",
    *(f"SitemapResource.{name}" for name in ("handle", "image", "title", "updatedAt")),
    *(f"SitemapResourceMetaobject.{name}" for name in ("handle", "onlineStoreUrlHandle", "type", "updatedAt")),
    "SitemapImage.filepath",
    *(f"UrlRedirect.{name}" for name in ("id", "path", "target")),
    *(f"Localization.{name}" for name in ("availableCountries", "availableLanguages", "country", "language", "market")),
    *(f"Country.{name}" for name in ("availableLanguages", "currency", "isoCode", "market", "name", "unitSystem")),
    "Market.handle",
    *(f"{kind}Connection.{name}" for kind in ("Page", "Blog", "Article", "Comment", "UrlRedirect") for name in ("edges", "nodes", "pageInfo")),
]  # fmt: skip


def _signature(schema: Any, coordinate: str) -> tuple[str, dict[str, tuple[str, Any]]] | None:
    type_name, _, field_name = coordinate.partition(".")
    named = schema.type_map.get(type_name)
    field = getattr(named, "fields", {}).get(field_name)
    if field is None:
        return None
    return str(field.type), {name: (str(arg.type), arg.default_value) for name, arg in field.args.items()}


@needs_specs
@pytest.mark.parametrize("coordinate", CONTENT_COORDINATES)
def test_the_content_coordinate_is_served_as_shopify_declares_it(coordinate: str) -> None:
    # when
    ours, theirs = _signature(storefront_schema(), coordinate), _signature(real_storefront(), coordinate)

    # then
    assert ours is not None
    assert ours == theirs


def test_the_union_and_interfaces_of_content_are_shopifys() -> None:
    # when
    schema = storefront_schema()
    union = schema.type_map["MenuItemResource"]
    sitemap_entry = schema.type_map["SitemapResourceInterface"]
    assert isinstance(union, GraphQLUnionType)
    assert isinstance(sitemap_entry, GraphQLInterfaceType)

    # then
    assert {t.name for t in union.types} == set(RESOURCE_TYPES.values())
    assert {t.name for t in schema.get_possible_types(sitemap_entry)} == {
        "SitemapResource",
        "SitemapResourceMetaobject",
    }
