"""Cart lines held to the ERP's stock: what a cart mutation asks for, and what the ERP lets it keep.

Where the ERP is the system of record for stock (`catalog.stock_source: erp`), a quantity above
what the ERP has would otherwise be accepted by Shopify, whose inventory does not know the ERP's
reservations. The rules are Shopify's own, applied to the ERP's figure: an added line gets what is
left once the cart's lines of the same variant are counted (`MERCHANDISE_NOT_ENOUGH_STOCK`, "Only
N items were added…"), nothing left is `MERCHANDISE_OUT_OF_STOCK`; an updated line gets at most
what is left besides the cart's other lines of its variant. `cart_stock_check` runs the rules
around the forwarded mutation.

```python
asks = read_asks(schema, operation, variables)     # the checked root fields and their lines
caps = cap_added(ask.lines, held, variants, {"SKU-1": 2})
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLIncludeDirective,
    GraphQLSchema,
    GraphQLSkipDirective,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
)
from graphql.execution.values import VariableValues, get_argument_values, get_directive_values

CHECKED_FIELDS = {"cartCreate": "input", "cartLinesAdd": "lines", "cartLinesUpdate": "lines"}
"""The cart mutations held to the ERP's stock, and the argument their lines are replaced in."""
NOT_ENOUGH = "MERCHANDISE_NOT_ENOUGH_STOCK"
OUT_OF_STOCK = "MERCHANDISE_OUT_OF_STOCK"


@dataclass(frozen=True, slots=True)
class Ask:
    """One checked root field of a mutation, with its arguments as coerced."""

    key: str
    """The response key (the client's alias), which Shopify's answer keeps."""
    field: str
    argument: str
    """`input` (cartCreate) or `lines`: the argument a cap replaces."""
    value: Any
    """That argument's coerced value."""
    cart_id: str | None
    lines: tuple[Mapping[str, Any], ...]

    @property
    def adds(self) -> bool:
        return self.field != "cartLinesUpdate"

    def with_lines(self, lines: list[Any]) -> Any:
        """The argument's value with `lines` in place of the client's."""
        return {**self.value, "lines": lines} if self.field == "cartCreate" else lines


@dataclass(frozen=True, slots=True)
class Variant:
    id: str
    sku: str | None
    name: str
    """"Product - Variant", as Shopify's sold-out message names it."""


@dataclass(frozen=True, slots=True)
class Held:
    """A line already in the cart."""

    id: str
    quantity: int
    variant: Variant | None


@dataclass(frozen=True, slots=True)
class Cap:
    """One input line asking more than the ERP has, and what it keeps."""

    index: int
    """The line's place in the mutation's input lines."""
    quantity: int
    code: str
    message: str
    target: str | None
    """The cart line the warning is about; None for a line Shopify creates (read from its answer)."""
    merchandise_id: str

    def warning(self, target: str) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "target": target}


def included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode, variables: VariableValues) -> bool:
    """Whether `@skip`/`@include` keep the node."""
    skip = get_directive_values(GraphQLSkipDirective, node, variables)
    include = get_directive_values(GraphQLIncludeDirective, node, variables)
    return not (skip and skip.get("if")) and not (include is not None and not include.get("if"))


def read_asks(
    schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Mapping[str, Any]
) -> list[Ask]:
    """The operation's checked root fields that carry lines, in document order.

    Only fields written directly in the operation are read (not through a fragment on the
    mutation type): the rewrite replaces their arguments in place.
    """
    root = schema.mutation_type
    if operation.operation is not OperationType.MUTATION or root is None:
        return []
    values = VariableValues({}, dict(variables))
    asks: list[Ask] = []
    for node in operation.selection_set.selections:
        if not isinstance(node, FieldNode) or node.name.value not in CHECKED_FIELDS:
            continue
        if node.name.value not in root.fields or not included(node, values):
            continue
        name = node.name.value
        arguments = get_argument_values(root.fields[name], node, values)
        argument = CHECKED_FIELDS[name]
        value = arguments.get(argument)
        lines = (value or {}).get("lines") if name == "cartCreate" else value
        if not lines:
            continue
        key = node.alias.value if node.alias else name
        asks.append(Ask(key, name, argument, value, arguments.get("cartId"), tuple(lines)))
    return asks


def not_enough_message(quantity: int) -> str:
    noun = "item was" if quantity == 1 else "items were"
    return f"Only {quantity} {noun} added to your cart due to availability."


def sold_out_message(variant: Variant) -> str:
    return f"The product '{variant.name}' is already sold out."


def _limited(variant: Variant | None, available: Mapping[str, int]) -> int | None:
    """The ERP's figure for the variant; None when it has none (Shopify's inventory decides)."""
    if variant is None or variant.sku is None:
        return None
    return available.get(variant.sku)


def cap_added(
    lines: Sequence[Mapping[str, Any]],
    held: Sequence[Held],
    variants: Mapping[str, Variant],
    available: Mapping[str, int],
) -> list[Cap]:
    """Caps of `CartLineInput`s: each gets what the ERP has left of its variant once the cart's
    lines and the lines added before it are counted. A line left with nothing is not sent; its
    warning names the cart's line of that variant, or the variant when the cart has none."""
    taken = Counter[str]()
    for current in held:
        if current.variant is not None:
            taken[current.variant.id] += current.quantity
    caps: list[Cap] = []
    for index, line in enumerate(lines):
        variant = variants.get(str(line.get("merchandiseId")))
        limit = _limited(variant, available)
        requested = line.get("quantity")
        requested = 1 if requested is None else requested
        if variant is None or limit is None or requested <= 0:
            continue
        kept = min(requested, max(0, limit - taken[variant.id]))
        taken[variant.id] += kept
        if kept == requested:
            continue
        if kept == 0:
            existing = next(
                (h.id for h in held if h.variant is not None and h.variant.id == variant.id), None
            )
            target = existing or variant.id
            caps.append(Cap(index, 0, OUT_OF_STOCK, sold_out_message(variant), target, variant.id))
        else:
            caps.append(Cap(index, kept, NOT_ENOUGH, not_enough_message(kept), None, variant.id))
    return caps


def cap_updated(
    lines: Sequence[Mapping[str, Any]],
    held: Sequence[Held],
    variants: Mapping[str, Variant],
    available: Mapping[str, int],
) -> list[Cap]:
    """Caps of `CartLineUpdateInput`s: a new quantity gets at most what the ERP has left of the
    line's variant (the one swapped in, if any) besides the cart's other lines; nothing left sets
    it to 0, which takes the line out."""
    by_id = {line.id: line for line in held}

    def variant_after(line: Mapping[str, Any]) -> Variant | None:
        merchandise = line.get("merchandiseId")
        if merchandise is not None:
            return variants.get(str(merchandise))
        return by_id[line["id"]].variant

    changing = {line["id"] for line in lines if line["id"] in by_id and line.get("quantity") is not None}
    taken = Counter[str]()
    for current in held:
        if current.id not in changing and current.variant is not None:
            taken[current.variant.id] += current.quantity
    caps: list[Cap] = []
    for index, line in enumerate(lines):
        quantity = line.get("quantity")
        if line["id"] not in by_id or quantity is None or quantity <= 0:
            continue  # an unknown line is Shopify's to refuse; 0 removes it
        variant = variant_after(line)
        limit = _limited(variant, available)
        if variant is None or limit is None:
            continue
        kept = min(quantity, max(0, limit - taken[variant.id]))
        taken[variant.id] += kept
        if kept == quantity:
            continue
        code, message = (
            (OUT_OF_STOCK, sold_out_message(variant)) if kept == 0 else (NOT_ENOUGH, not_enough_message(kept))
        )
        caps.append(Cap(index, kept, code, message, line["id"], variant.id))
    return caps


__all__ = [
    "CHECKED_FIELDS",
    "NOT_ENOUGH",
    "OUT_OF_STOCK",
    "Ask",
    "Cap",
    "Held",
    "Variant",
    "cap_added",
    "cap_updated",
    "included",
    "not_enough_message",
    "read_asks",
    "sold_out_message",
]
