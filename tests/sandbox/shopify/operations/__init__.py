"""GraphQL documents the tests send to the Shopify emulators, one `.graphql` file per operation.

`storefront/` holds Storefront API 2026-04 documents and `admin/` Admin API 2026-07 ones. Every file
is validated against Shopify's own schemas by `tests/sandbox/shopify/test_documents.py`.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

APIS = ("storefront", "admin")


@cache
def documents(api: str) -> dict[str, str]:
    """Every document of one API by operation file name (`ProductByHandle` for `ProductByHandle.graphql`)."""
    if api not in APIS:
        raise ValueError(f"api must be one of {APIS}")
    folder = files(__package__).joinpath(api)
    return {
        entry.name.removesuffix(".graphql"): entry.read_text()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".graphql")
    }


def document(api: str, name: str) -> str:
    return documents(api)[name]


__all__ = ["APIS", "document", "documents"]
