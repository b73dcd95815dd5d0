"""`@inContext(country, language)`: the operation's market and language, as in the Storefront API.

The directive sits on the operation, not on a field, so it is read once from the operation when
the request context is built and then drives every source: Shopify prices and translations, the
PIM locale, and the cache keys of everything that depends on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import strawberry
from graphql import DirectiveLocation, EnumValueNode, OperationDefinitionNode, VariableNode
from strawberry.directive import DirectiveValue

from gateway.models.context import InContext

from .locale_codes import CountryCode, LanguageCode


@strawberry.input(
    name="BuyerInput", description="The input fields for identifying a buyer (B2B contextual pricing)."
)
class BuyerInput:
    customer_access_token: str = strawberry.field(description="The customer access token of the buyer.")
    company_location_id: strawberry.ID | None = strawberry.field(
        default=None, description="The identifier of the company location."
    )


@strawberry.input(name="VisitorConsent", description="The visitor's consent to data processing purposes.")
class VisitorConsent:
    analytics: bool | None = strawberry.field(default=None, description="The visitor accepts analytics.")
    marketing: bool | None = strawberry.field(default=None, description="The visitor accepts marketing.")
    preferences: bool | None = strawberry.field(default=None, description="The visitor accepts preferences.")
    sale_of_data: bool | None = strawberry.field(
        default=None, description="The visitor accepts the sale of data."
    )


@strawberry.directive(
    name="inContext",
    locations=[DirectiveLocation.QUERY, DirectiveLocation.MUTATION],
    description=(
        "Contextualizes data based on the additional information provided by the directive: `country` sets "
        "the currency of prices, `language` the language of titles, descriptions and PIM content."
    ),
)
def in_context(  # read from the operation by `InContext.of`; never executed
    value: DirectiveValue[Any],
    country: Annotated[
        CountryCode | None,
        strawberry.argument(description="The country code for context. For example, `CA`."),
    ] = None,
    language: Annotated[
        LanguageCode | None,
        strawberry.argument(description="The language code for context. For example, `EN`."),
    ] = None,
    buyer: Annotated[BuyerInput | None, strawberry.argument(description="The buyer's identity.")] = None,
    preferred_location_id: Annotated[
        strawberry.ID | None,
        strawberry.argument(description="The identifier of the customer's preferred location."),
    ] = None,
    visitor_consent: Annotated[
        VisitorConsent | None,
        strawberry.argument(description="The visitor's consent preferences for data processing purposes."),
    ] = None,
) -> Any:
    return value


def read_in_context(operation: OperationDefinitionNode, variables: Mapping[str, Any] | None) -> InContext:
    """The `@inContext` arguments of an operation, from literals, variables or variable defaults.

    Read before execution (the request context is built first), so variables are the raw inputs;
    an invalid value never gets this far in use, since execution rejects it before any resolver runs.
    """
    defaults = {
        definition.variable.name.value: definition.default_value
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    for directive in operation.directives or ():
        if directive.name.value != "inContext":
            continue
        values: dict[str, str | None] = {}
        for argument in directive.arguments or ():
            node = argument.value
            if isinstance(node, VariableNode):
                name = node.name.value
                if variables is not None and name in variables:
                    raw = variables[name]
                    values[argument.name.value] = raw if isinstance(raw, str) else None
                    continue
                node = defaults.get(name, node)
            if isinstance(node, EnumValueNode):
                values[argument.name.value] = node.value
        return InContext(country=values.get("country"), language=values.get("language"))
    return InContext()


__all__ = ["BuyerInput", "VisitorConsent", "in_context", "read_in_context"]
