"""The content records the Storefront API reads: every translated text is a `Localized`.

Records point at each other (an article at its blog and author, a menu item at what it links),
as the catalog's records do, so resolving a nested selection never looks anything up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sandbox.seed import Localized
from sandbox.shopify.records import CollectionRecord, ImageRecord, ProductRecord


@dataclass(slots=True, eq=False)
class PageRecord:
    id: int
    gid: str
    handle: str
    title: Localized
    body: Localized
    """HTML."""
    seo_title: Localized | None
    seo_description: Localized | None
    created_at: datetime
    updated_at: datetime
    published: bool
    """Unpublished pages exist only for the Admin API: the Storefront never shows them."""


@dataclass(frozen=True, slots=True)
class AuthorRecord:
    """A staff member who writes articles (Shopify's `ArticleAuthor` has no id)."""

    first_name: str
    last_name: str
    email: str
    bio: Localized | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(slots=True, eq=False)
class CommentRecord:
    """A published comment, in the language its author wrote it in (comments are not translated)."""

    id: int
    gid: str
    author_name: str
    author_email: str
    body: str
    """HTML."""
    created_at: datetime
    article: ArticleRecord


@dataclass(slots=True, eq=False)
class BlogRecord:
    id: int
    gid: str
    handle: str
    title: Localized
    seo_description: Localized | None
    created_at: datetime
    updated_at: datetime
    articles: list[ArticleRecord] = field(default_factory=list)
    """Every article, published or not, in id order."""

    @property
    def published_articles(self) -> list[ArticleRecord]:
        return [article for article in self.articles if article.published_at is not None]


@dataclass(slots=True, eq=False)
class ArticleRecord:
    id: int
    gid: str
    handle: str
    blog: BlogRecord
    title: Localized
    content: Localized
    """HTML."""
    excerpt: Localized | None
    """HTML; None when the merchant wrote none."""
    author: AuthorRecord
    image: ImageRecord | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    """None for a draft, which the Storefront never shows."""
    seo_title: Localized | None
    seo_description: Localized | None
    comments: list[CommentRecord] = field(default_factory=list)
    """Published comments, oldest first."""


@dataclass(slots=True, eq=False)
class PolicyRecord:
    id: int
    gid: str
    kind: str
    """The `Shop` field that serves it: `privacyPolicy`, `refundPolicy`, `subscriptionPolicy`…"""
    handle: str
    title: Localized
    body: Localized
    """HTML."""


@dataclass(slots=True, eq=False)
class RedirectRecord:
    id: int
    gid: str
    path: str
    target: str
    created_at: datetime


@dataclass(slots=True, eq=False)
class MetaobjectRecord:
    """A metaobject entry with the online store capability (it has a page of its own)."""

    id: int
    gid: str
    handle: str
    type: str
    url_handle: str
    """The path segment of the type's pages: `/pages/<url_handle>/<handle>`."""
    updated_at: datetime


@dataclass(slots=True, eq=False)
class MediaImageRecord:
    id: int
    gid: str
    alt: str
    image: ImageRecord


@dataclass(frozen=True, slots=True)
class BrandRecord:
    slogan: Localized
    short_description: Localized
    logo: MediaImageRecord
    square_logo: MediaImageRecord
    cover_image: MediaImageRecord
    primary_colors: tuple[tuple[str, str], ...]
    """(background, foreground) pairs as `#rrggbb`."""
    secondary_colors: tuple[tuple[str, str], ...]


MenuResource = (
    ArticleRecord
    | BlogRecord
    | CollectionRecord
    | MetaobjectRecord
    | PageRecord
    | PolicyRecord
    | ProductRecord
)
"""What a menu item may link to (Shopify's `MenuItemResource` union)."""


@dataclass(slots=True, eq=False)
class MenuItemRecord:
    id: int
    gid: str
    title: Localized
    url: str | None
    type: str
    """`MenuItemType`."""
    resource: MenuResource | None
    tags: list[str] = field(default_factory=list)
    items: list[MenuItemRecord] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class MenuRecord:
    id: int
    gid: str
    handle: str
    title: Localized
    items: list[MenuItemRecord] = field(default_factory=list)


@dataclass(slots=True)
class Content:
    """Everything in this package a store serves, indexed by the keys the Storefront API reads."""

    brand: BrandRecord
    pages: dict[int, PageRecord]
    blogs: dict[int, BlogRecord]
    articles: dict[int, ArticleRecord]
    policies: dict[str, PolicyRecord]
    """By `PolicyRecord.kind`."""
    redirects: dict[int, RedirectRecord]
    metaobjects: dict[int, MetaobjectRecord]
    menus: dict[str, MenuRecord]
    pages_by_handle: dict[str, PageRecord] = field(default_factory=dict)
    blogs_by_handle: dict[str, BlogRecord] = field(default_factory=dict)
    comments: dict[int, CommentRecord] = field(default_factory=dict)
    menu_items: dict[int, MenuItemRecord] = field(default_factory=dict)
    media: dict[int, MediaImageRecord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.pages_by_handle = {page.handle: page for page in self.pages.values()}
        self.blogs_by_handle = {blog.handle: blog for blog in self.blogs.values()}
        self.comments = {c.id: c for article in self.articles.values() for c in article.comments}
        self.menu_items = {item.id: item for menu in self.menus.values() for item in _walk(menu.items)}
        brand = self.brand
        self.media = {m.id: m for m in (brand.logo, brand.square_logo, brand.cover_image)}


def _walk(items: list[MenuItemRecord]) -> list[MenuItemRecord]:
    return [found for item in items for found in (item, *_walk(item.items))]


__all__ = [
    "ArticleRecord",
    "AuthorRecord",
    "BlogRecord",
    "BrandRecord",
    "CommentRecord",
    "Content",
    "MediaImageRecord",
    "MenuItemRecord",
    "MenuRecord",
    "MenuResource",
    "MetaobjectRecord",
    "PageRecord",
    "PolicyRecord",
    "RedirectRecord",
]
