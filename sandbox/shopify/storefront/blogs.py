"""Storefront `blog`, `blogs`, `article` and `articles`: blogs, their articles, authors and comments.

Drafts do not exist for the Storefront API. Titles, bodies, excerpts and SEO texts come out in the
operation's language; comments stay in the language their author wrote them in, as on Shopify.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.shopify.content.html_text import plain_text, truncate
from sandbox.shopify.content.records import ArticleRecord, AuthorRecord, BlogRecord, CommentRecord
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.ids import number_of
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.search_syntax import FieldMatchers, TermMatcher, any_of, exact, when, words
from sandbox.shopify.timestamps import iso

from .content_listing import listing, none_of
from .context import Info


def visible_article(article: ArticleRecord | None) -> ArticleRecord | None:
    return article if article is not None and article.published_at is not None else None


def resolve_blog(
    _root: None, info: Info, handle: str | None = None, id: str | None = None
) -> BlogRecord | None:
    content = info.context.store.content
    if id is not None:
        return content.blogs.get(number_of(id, "Blog") or 0)
    if handle is not None:
        return content.blogs_by_handle.get(handle)
    return None


BLOG_SORTS: dict[str, Callable[[BlogRecord], SortValue]] = {
    "HANDLE": lambda blog: blog.handle,
    "ID": lambda blog: blog.id,
    "RELEVANCE": lambda blog: blog.id,
    "TITLE": lambda blog: blog.title.en_US.casefold(),
}


def resolve_blogs(_root: None, info: Info, **args: Any) -> Connection[BlogRecord]:
    locale = info.context.locale
    titles: TermMatcher[BlogRecord] = words(lambda blog: (blog.title.en_US, blog.title.get(locale)))
    matchers: FieldMatchers[BlogRecord] = FieldMatchers(
        fields={
            "created_at": when(lambda blog: blog.created_at),
            "handle": exact(lambda blog: blog.handle),
            "title": titles,
            "updated_at": when(lambda blog: blog.updated_at),
        },
        text=titles,
    )
    return listing(list(info.context.store.content.blogs.values()), args, BLOG_SORTS, matchers)


ARTICLE_SORTS: dict[str, Callable[[ArticleRecord], SortValue]] = {
    "AUTHOR": lambda article: article.author.name.casefold(),
    "BLOG_TITLE": lambda article: article.blog.title.en_US.casefold(),
    "ID": lambda article: article.id,
    "PUBLISHED_AT": lambda article: iso(article.published_at or article.created_at),
    "RELEVANCE": lambda article: article.id,
    "TITLE": lambda article: article.title.en_US.casefold(),
    "UPDATED_AT": lambda article: iso(article.updated_at),
}


def _article_matchers(locale: str) -> FieldMatchers[ArticleRecord]:
    return FieldMatchers(
        fields={
            "author": words(lambda article: (article.author.name,)),
            "blog_title": words(lambda article: (article.blog.title.en_US, article.blog.title.get(locale))),
            "created_at": when(lambda article: article.created_at),
            "tag": any_of(lambda article: article.tags),
            "tag_not": none_of(lambda article: article.tags),
            "updated_at": when(lambda article: article.updated_at),
        },
        text=words(lambda article: (article.title.get(locale), plain_text(article.content.get(locale)))),
    )


def _articles(records: list[ArticleRecord], info: Info, args: dict[str, Any]) -> Connection[ArticleRecord]:
    published = [article for article in records if article.published_at is not None]
    return listing(published, args, ARTICLE_SORTS, _article_matchers(info.context.locale))


def resolve_article(_root: None, info: Info, id: str) -> ArticleRecord | None:
    return visible_article(info.context.store.content.articles.get(number_of(id, "Article") or 0))


def resolve_articles(_root: None, info: Info, **args: Any) -> Connection[ArticleRecord]:
    return _articles(list(info.context.store.content.articles.values()), info, args)


def _blog_articles(blog: BlogRecord, info: Info, **args: Any) -> Connection[ArticleRecord]:
    return _articles(blog.articles, info, args)


def _article_by_handle(blog: BlogRecord, info: Info, handle: str) -> ArticleRecord | None:
    return next((a for a in blog.published_articles if a.handle == handle), None)


def _authors(blog: BlogRecord, info: Info) -> list[AuthorRecord]:
    """Everyone who wrote one of the blog's published articles, in the order they first did."""
    return list(dict.fromkeys(article.author for article in blog.published_articles))


def _seo(record: BlogRecord | ArticleRecord, info: Info) -> dict[str, str | None]:
    locale = info.context.locale
    title = record.seo_title if isinstance(record, ArticleRecord) else None
    return {
        "title": title.get(locale) if title else None,
        "description": record.seo_description.get(locale) if record.seo_description else None,
    }


def _content(article: ArticleRecord, info: Info, truncateAt: int | None = None) -> str:
    return truncate(plain_text(article.content.get(info.context.locale)), truncateAt)


def _excerpt(article: ArticleRecord, info: Info, truncateAt: int | None = None) -> str | None:
    if article.excerpt is None:
        return None
    return truncate(plain_text(article.excerpt.get(info.context.locale)), truncateAt)


def _comments(article: ArticleRecord, info: Info, **args: Any) -> Connection[CommentRecord]:
    return list_connection(article.comments, args, lambda comment: comment.id)


def _article_url(article: ArticleRecord, info: Info) -> str:
    return f"{info.context.store.url}/blogs/{article.blog.handle}/{article.handle}"


BLOG_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "blog": resolve_blog,
        "blogs": resolve_blogs,
        "article": resolve_article,
        "articles": resolve_articles,
    },
    "Blog": {
        "articleByHandle": _article_by_handle,
        "articles": _blog_articles,
        "authors": _authors,
        "handle": lambda blog, info: blog.handle,
        "id": lambda blog, info: blog.gid,
        "onlineStoreUrl": lambda blog, info: f"{info.context.store.url}/blogs/{blog.handle}",
        "seo": _seo,
        "title": lambda blog, info: blog.title.get(info.context.locale),
    },
    "Article": {
        "author": lambda article, info: article.author,
        "authorV2": lambda article, info: article.author,
        "blog": lambda article, info: article.blog,
        "comments": _comments,
        "content": _content,
        "contentHtml": lambda article, info: article.content.get(info.context.locale),
        "excerpt": _excerpt,
        "excerptHtml": lambda article, info: (
            article.excerpt.get(info.context.locale) if article.excerpt else None
        ),
        "handle": lambda article, info: article.handle,
        "id": lambda article, info: article.gid,
        "image": lambda article, info: article.image,
        "onlineStoreUrl": _article_url,
        "publishedAt": lambda article, info: iso(article.published_at),
        "seo": _seo,
        "tags": lambda article, info: article.tags,
        "title": lambda article, info: article.title.get(info.context.locale),
        "trackingParameters": lambda article, info: None,
    },
    "ArticleAuthor": {
        "bio": lambda author, info: author.bio.get(info.context.locale) if author.bio else None,
        "email": lambda author, info: author.email,
        "firstName": lambda author, info: author.first_name,
        "lastName": lambda author, info: author.last_name,
        "name": lambda author, info: author.name,
    },
    "Comment": {
        "author": lambda comment, info: {"email": comment.author_email, "name": comment.author_name},
        "content": lambda comment, info, truncateAt=None: truncate(plain_text(comment.body), truncateAt),
        "contentHtml": lambda comment, info: comment.body,
        "id": lambda comment, info: comment.gid,
    },
}

__all__ = ["BLOG_RESOLVERS", "visible_article"]
