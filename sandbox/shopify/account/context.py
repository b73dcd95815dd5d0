"""The per-request context of the Customer Account API: the store and the signed-in customer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from graphql import GraphQLResolveInfo

from sandbox.shopify.records import CustomerRecord
from sandbox.shopify.store import Store

from .address_book import AddressBook


@dataclass(slots=True)
class AccountContext:
    store: Store
    customer: CustomerRecord | None
    """None only for an introspection query sent without a token."""
    addresses: AddressBook

    @property
    def viewer(self) -> CustomerRecord:
        """The signed-in customer; the endpoint lets no other document run without one."""
        assert self.customer is not None
        return self.customer


Info: TypeAlias = "GraphQLResolveInfo[AccountContext]"

__all__ = ["AccountContext", "Info"]
