"""Storefront `page`, `pages` and `urlRedirects`: the shop's content pages and its old paths.

Unpublished pages do not exist for the Storefront API. Titles, bodies and SEO texts come out in
the operation's language; handles are the same in every language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.shopify.content.html_text import plain_text, truncate
from sandbox.shopify.content.records import PageRecord, RedirectRecord
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.ids import number_of
from sandbox.shopify.relay import Connection
from sandbox.shopify.search_syntax import FieldMatchers, TermMatcher, exact, when, words
from sandbox.shopify.timestamps import iso

from .content_listing import listing
from .context import Info

SUMMARY_LENGTH = 150
"""Characters of the body text `Page.bodySummary` keeps."""


def visible_page(page: PageRecord | None) -> PageRecord | None:
    return page if page is not None and page.published else None


def resolve_page(
    _root: None, info: Info, handle: str | None = None, id: str | None = None
) -> PageRecord | None:
    content = info.context.store.content
    if id is not None:
        return visible_page(content.pages.get(number_of(id, "Page") or 0))
    if handle is not None:
        return visible_page(content.pages_by_handle.get(handle))
    return None


PAGE_SORTS: dict[str, Callable[[PageRecord], SortValue]] = {
    "ID": lambda page: page.id,
    "RELEVANCE": lambda page: page.id,
    "TITLE": lambda page: page.title.en_US.casefold(),
    "UPDATED_AT": lambda page: iso(page.updated_at),
}


def resolve_pages(_root: None, info: Info, **args: Any) -> Connection[PageRecord]:
    locale = info.context.locale
    titles: TermMatcher[PageRecord] = words(lambda page: (page.title.en_US, page.title.get(locale)))
    matchers: FieldMatchers[PageRecord] = FieldMatchers(
        fields={
            "created_at": when(lambda page: page.created_at),
            "handle": exact(lambda page: page.handle),
            "title": titles,
            "updated_at": when(lambda page: page.updated_at),
        },
        text=words(lambda page: (page.title.get(locale), plain_text(page.body.get(locale)))),
    )
    pages = [page for page in info.context.store.content.pages.values() if page.published]
    return listing(pages, args, PAGE_SORTS, matchers)


def _seo(page: PageRecord, info: Info) -> dict[str, str | None]:
    locale = info.context.locale
    return {
        "title": page.seo_title.get(locale) if page.seo_title else None,
        "description": page.seo_description.get(locale) if page.seo_description else None,
    }


def resolve_url_redirects(_root: None, info: Info, **args: Any) -> Connection[RedirectRecord]:
    matchers: FieldMatchers[RedirectRecord] = FieldMatchers(
        fields={
            "created_at": when(lambda redirect: redirect.created_at),
            "path": exact(lambda redirect: redirect.path),
            "target": exact(lambda redirect: redirect.target),
        },
        text=words(lambda redirect: (redirect.path, redirect.target)),
    )
    redirects = list(info.context.store.content.redirects.values())
    return listing(redirects, args, {"ID": lambda redirect: redirect.id}, matchers)


PAGE_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "page": resolve_page,
        "pages": resolve_pages,
        "urlRedirects": resolve_url_redirects,
    },
    "Page": {
        "body": lambda page, info: page.body.get(info.context.locale),
        "bodySummary": lambda page, info: truncate(
            plain_text(page.body.get(info.context.locale)), SUMMARY_LENGTH
        ),
        "createdAt": lambda page, info: iso(page.created_at),
        "handle": lambda page, info: page.handle,
        "id": lambda page, info: page.gid,
        "onlineStoreUrl": lambda page, info: f"{info.context.store.url}/pages/{page.handle}",
        "seo": _seo,
        "title": lambda page, info: page.title.get(info.context.locale),
        "trackingParameters": lambda page, info: None,
        "updatedAt": lambda page, info: iso(page.updated_at),
    },
    "UrlRedirect": {
        "id": lambda redirect, info: redirect.gid,
        "path": lambda redirect, info: redirect.path,
        "target": lambda redirect, info: redirect.target,
    },
}

__all__ = ["PAGE_RESOLVERS", "visible_page"]
