"""`build_content`: the shop's pages, blogs, policies, redirects, lookbooks and brand, from the world.

Random streams seeded from the world's seed, one per part (apart from the world's own generator, so
the catalog stays what it was), pick dates, authors, commenters and the few numbers texts mention:
the same seed always builds the same content, and only what links the catalog or the customers
(menus, product redirects, comments) changes with the world's size.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sandbox.seed import EPOCH, Localized, World, slugify
from sandbox.shopify.ids import gid
from sandbox.shopify.records import ImageRecord
from sandbox.vocabulary import LOCALES

from .blog_texts import AUTHOR_BIOS, BLOGS, COMMENT_LINES, BlogText
from .facts import Facts
from .html_text import paragraphs_html
from .menus import build_menus
from .page_texts import PAGES
from .records import (
    ArticleRecord,
    AuthorRecord,
    BlogRecord,
    BrandRecord,
    CommentRecord,
    Content,
    MediaImageRecord,
    MetaobjectRecord,
    PageRecord,
    PolicyRecord,
    RedirectRecord,
)
from .shop_texts import LOOKBOOKS, PALETTES, POLICIES, SHOP_DESCRIPTIONS, SLOGANS

if TYPE_CHECKING:
    from sandbox.shopify.store import Store

PAGE_ID_BASE = 118_000_000_000
BLOG_ID_BASE = 96_100_000_000
ARTICLE_ID_BASE = 612_000_000_000
ARTICLE_IMAGE_ID_BASE = 41_700_000_000_000
COMMENT_ID_BASE = 38_900_000_000
POLICY_ID_BASE = 27_800_000_000
REDIRECT_ID_BASE = 421_000_000_000
METAOBJECT_ID_BASE = 148_000_000_000
MEDIA_IMAGE_ID_BASE = 33_100_000_000_000
CDN = "https://cdn.shopify.com/s/files/1/0700/sandbox"

IMAGE_SHARE = 0.8
"""Share of articles with a picture (the others answer `image: null`)."""
EXCERPT_SHARE = 0.75
"""Share of articles whose merchant wrote an excerpt."""
SEO_TITLE_SHARE = 0.5
"""Share of articles with a search-engine title of their own."""

LOOKBOOK_TYPE = "lookbook"
LOOKBOOK_URL_HANDLE = "lookbooks"


def _after(rng: random.Random, moment: datetime, days: int) -> datetime:
    return moment + timedelta(seconds=rng.randrange(max(days, 1) * 86_400))


def _pages(facts: Facts, rng: random.Random) -> dict[int, PageRecord]:
    pages: dict[int, PageRecord] = {}
    for index, text in enumerate(PAGES):
        created = _after(rng, EPOCH - timedelta(days=500), 300)
        page = PageRecord(
            id=PAGE_ID_BASE + index,
            gid=gid("Page", PAGE_ID_BASE + index),
            handle=text.handle,
            title=text.title,
            body=facts.html(text.paragraphs),
            seo_title=facts.fill(text.seo_title) if text.seo_title else None,
            seo_description=text.seo_description,
            created_at=created,
            updated_at=_after(rng, created, 150),
            published=text.published,
        )
        pages[page.id] = page
    return pages


def _authors(world: World) -> list[AuthorRecord]:
    """The shop's staff (the chat tool's agents) write the articles, under their staff addresses."""
    authors = []
    for index, admin in enumerate(world.admins):
        first, _, last = admin.name.partition(" ")
        authors.append(AuthorRecord(first, last, admin.email, AUTHOR_BIOS[index % len(AUTHOR_BIOS)]))
    return authors or [AuthorRecord("Shop", "Staff", f"staff@{world.shop.domain}", None)]


class _BlogBuilder:
    """Blogs, their articles and the comments customers left on them, numbered across blogs."""

    def __init__(self, world: World, facts: Facts, rng: random.Random, comments_rng: random.Random) -> None:
        self.world = world
        self.facts = facts
        self.rng = rng
        self.comments_rng = comments_rng
        """Comments draw from the customers, whose number grows with the world: a stream of their own."""
        self.authors = _authors(world)
        self.article_id = ARTICLE_ID_BASE
        self.comment_id = COMMENT_ID_BASE

    def blogs(self) -> tuple[dict[int, BlogRecord], dict[int, ArticleRecord]]:
        blogs: dict[int, BlogRecord] = {}
        articles: dict[int, ArticleRecord] = {}
        for index, text in enumerate(BLOGS):
            created = _after(self.rng, EPOCH - timedelta(days=420), 80)
            blog = BlogRecord(
                BLOG_ID_BASE + index,
                gid("Blog", BLOG_ID_BASE + index),
                text.handle,
                text.title,
                text.seo_description,
                created,
                created,
            )
            self._articles(blog, text, created)
            blog.updated_at = max((a.updated_at for a in blog.articles), default=created)
            blogs[blog.id] = blog
            articles.update((article.id, article) for article in blog.articles)
        return blogs, articles

    def _articles(self, blog: BlogRecord, text: BlogText, since: datetime) -> None:
        rng = self.rng
        published = rng.randint(3, len(text.articles) - 1)
        moment = since
        for position, article_text in enumerate(text.articles[: published + 1]):
            self.article_id += 1
            draft = position == published
            moment = _after(rng, moment + timedelta(days=10), 50)
            title = article_text.title
            image_id = ARTICLE_IMAGE_ID_BASE + self.article_id - ARTICLE_ID_BASE
            has_image = rng.random() < IMAGE_SHARE
            excerpt = article_text.excerpt if rng.random() < EXCERPT_SHARE else None
            seo_title = rng.random() < SEO_TITLE_SHARE
            article = ArticleRecord(
                id=self.article_id,
                gid=gid("Article", self.article_id),
                handle=article_text.handle,
                blog=blog,
                title=title,
                content=self.facts.html(article_text.paragraphs),
                excerpt=self.facts.html((excerpt,)) if excerpt else None,
                author=rng.choice(self.authors),
                image=ImageRecord(
                    image_id,
                    gid("ArticleImage", image_id),
                    f"{CDN}/articles/{article_text.handle}.jpg",
                    title.en_US,
                    1800,
                    1200,
                )
                if has_image
                else None,
                tags=sorted(article_text.tags),
                created_at=moment - timedelta(days=rng.randint(1, 5)),
                updated_at=_after(rng, moment, 20),
                published_at=None if draft else moment,
                seo_title=Localized(*(f"{title.get(loc)} · {blog.title.get(loc)}" for loc in LOCALES))
                if seo_title
                else None,
                seo_description=article_text.excerpt,
            )
            if not draft:
                self._comments(article)
            blog.articles.append(article)

    def _comments(self, article: ArticleRecord) -> None:
        rng = self.comments_rng
        customers = self.world.customers
        assert article.published_at is not None
        moment = article.published_at
        for _ in range(rng.choice((0, 1, 2, 3)) if customers else 0):
            customer = rng.choice(customers)
            lines = COMMENT_LINES.get(customer.locale, COMMENT_LINES["en_US"])
            moment = _after(rng, moment, 12)
            self.comment_id += 1
            article.comments.append(
                CommentRecord(
                    self.comment_id,
                    gid("Comment", self.comment_id),
                    customer.name,
                    customer.email,
                    paragraphs_html([rng.choice(lines)]),
                    moment,
                    article,
                )
            )


def _policies(facts: Facts) -> dict[str, PolicyRecord]:
    return {
        text.kind: PolicyRecord(
            POLICY_ID_BASE + index,
            gid("ShopPolicy", POLICY_ID_BASE + index),
            text.kind,
            text.handle,
            text.title,
            facts.html(text.paragraphs),
        )
        for index, text in enumerate(POLICIES)
    }


def _redirects(store: Store, rng: random.Random) -> dict[int, RedirectRecord]:
    """Paths the shop once used, sent where their content lives now."""
    moves = [
        ("/pages/about", "/pages/about-us"),
        ("/pages/shipping", "/pages/shipping-information"),
        ("/pages/returns", "/policies/refund-policy"),
        ("/blogs/journal", "/blogs/stories"),
        ("/collections/outlet", "/collections/sale"),
        ("/summer", "/collections/new-arrivals"),
    ]
    published = [product for product in store.products.values() if product.published]
    for product in rng.sample(published, min(2, len(published))):
        moves.append((f"/products/{product.handle}-2025", f"/products/{product.handle}"))
    redirects: dict[int, RedirectRecord] = {}
    for index, (path, target) in enumerate(moves):
        number = REDIRECT_ID_BASE + index
        created = _after(rng, EPOCH - timedelta(days=300), 280)
        redirects[number] = RedirectRecord(number, gid("UrlRedirect", number), path, target, created)
    return redirects


def _lookbooks(rng: random.Random) -> dict[int, MetaobjectRecord]:
    lookbooks: dict[int, MetaobjectRecord] = {}
    for index, handle in enumerate(LOOKBOOKS):
        number = METAOBJECT_ID_BASE + index
        lookbooks[number] = MetaobjectRecord(
            number,
            gid("Metaobject", number),
            handle,
            LOOKBOOK_TYPE,
            LOOKBOOK_URL_HANDLE,
            _after(rng, EPOCH - timedelta(days=200), 190),
        )
    return lookbooks


def _brand(world: World, rng: random.Random) -> BrandRecord:
    slug = slugify(world.shop.name)

    def media(index: int, name: str, alt: str, width: int, height: int) -> MediaImageRecord:
        number = MEDIA_IMAGE_ID_BASE + index
        image = ImageRecord(
            number, gid("ImageSource", number), f"{CDN}/files/{slug}-{name}.png", alt, width, height
        )
        return MediaImageRecord(number, gid("MediaImage", number), alt, image)

    description = world.shop.description
    primary, secondary = rng.choice(PALETTES)
    return BrandRecord(
        slogan=rng.choice(SLOGANS),
        short_description=SHOP_DESCRIPTIONS.get(
            description, Localized(description, description, description)
        ),
        logo=media(0, "logo", f"{world.shop.name} logo", 600, 200),
        square_logo=media(1, "square-logo", f"{world.shop.name} logo", 512, 512),
        cover_image=media(2, "cover", f"{world.shop.name} cover", 2400, 800),
        primary_colors=primary,
        secondary_colors=secondary,
    )


def build_content(world: World, store: Store) -> Content:
    """The content of `store` (its catalog already built), the same for the same world seed."""

    def stream(part: str) -> random.Random:
        return random.Random(f"shopify-content:{world.seed}:{part}")

    facts = Facts.of(world, stream("facts"))
    pages = _pages(facts, stream("pages"))
    blogs, articles = _BlogBuilder(world, facts, stream("blogs"), stream("comments")).blogs()
    policies = _policies(facts)
    redirects = _redirects(store, stream("redirects"))
    lookbooks = _lookbooks(stream("lookbooks"))
    brand = _brand(world, stream("brand"))
    menus = build_menus(world, store, pages, blogs, policies, lookbooks)
    return Content(brand, pages, blogs, articles, policies, redirects, lookbooks, menus)


__all__ = ["LOOKBOOK_TYPE", "LOOKBOOK_URL_HANDLE", "build_content"]
