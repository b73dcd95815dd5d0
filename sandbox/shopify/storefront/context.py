"""The per-request context of the Storefront API: who asks, in which market and language.

`@inContext(country:, language:)` on the operation picks the market (currency of every `MoneyV2`)
and the language of translated texts, for the whole operation, as on Shopify.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeAlias

from graphql import EnumValueNode, GraphQLError, GraphQLResolveInfo, OperationDefinitionNode, VariableNode

from sandbox.shopify.markets import Market, market_for
from sandbox.shopify.money import money
from sandbox.shopify.store import Store

from .state import StorefrontState

LOCALES = {"EN": "en_US", "FR": "fr_FR", "DE": "de_DE"}
"""Languages the shop is translated into, and the world's locale for each; others fall back to EN."""


@dataclass(slots=True)
class StorefrontContext:
    """What every Storefront resolver may read about the current request."""

    store: Store
    market: Market
    language: str
    state: StorefrontState
    requested_country: str | None = None
    """The `@inContext(country:)` of the operation, if it named one (a new cart takes it)."""
    tokenless: bool = False
    """No access token was sent: Shopify serves the catalog and carts, not customers or menus."""

    @property
    def locale(self) -> str:
        return LOCALES[self.language]

    def money(self, amount: Decimal) -> dict[str, str]:
        return money(self.market.convert(amount), self.market.currency)

    def require_token(self, field_name: str, scope: str) -> None:
        """Refuse a field that tokenless access does not cover, the way Shopify does."""
        if self.tokenless:
            raise GraphQLError(
                f"Access denied for {field_name} field. Required access: `{scope}` access scope.",
                extensions={
                    "code": "ACCESS_DENIED",
                    "documentation": "https://shopify.dev/api/usage/access-scopes",
                    "requiredAccess": f"`{scope}` access scope.",
                },
            )


Info: TypeAlias = "GraphQLResolveInfo[StorefrontContext]"
"""What Storefront resolvers receive as `info`; `info.context` is the `StorefrontContext`."""


def in_context(
    operation: OperationDefinitionNode, variables: dict[str, Any]
) -> tuple[str | None, str | None]:
    """The country and language codes of the operation's `@inContext`, if any."""
    for directive in operation.directives or ():
        if directive.name.value != "inContext":
            continue
        values: dict[str, str | None] = {}
        for argument in directive.arguments or ():
            node = argument.value
            if isinstance(node, EnumValueNode):
                values[argument.name.value] = node.value
            elif isinstance(node, VariableNode):
                value = variables.get(node.name.value)
                values[argument.name.value] = value if isinstance(value, str) else None
        return values.get("country"), values.get("language")
    return None, None


def build_context(
    store: Store,
    state: StorefrontState,
    operation: OperationDefinitionNode,
    variables: dict[str, Any],
    *,
    tokenless: bool,
) -> StorefrontContext:
    country, language = in_context(operation, variables)
    return StorefrontContext(
        store,
        market_for(country),
        language if language in LOCALES else "EN",
        state,
        requested_country=country,
        tokenless=tokenless,
    )


__all__ = ["LOCALES", "Info", "StorefrontContext", "build_context", "in_context"]
