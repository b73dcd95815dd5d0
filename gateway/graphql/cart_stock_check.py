"""The ERP's stock check around a forwarded cart mutation (`cartCreate`, `cartLinesAdd`, `cartLinesUpdate`).

1. One pre-flight Storefront read, never cached (it names a cart): the SKU and name of every
   variant the lines name, and the lines already in each cart.
2. The ERP's stock of those SKUs, through the request's stock loader (one call for the lot).
3. Lines asking more than the ERP has are capped (`cart_stock`): the upstream document is
   rewritten for this request only, the argument holding the lines replaced by a reserved variable
   of the same type (so literals and variables both work), and reserved fields are added to the
   payload to read the lines Shopify made and the warnings it gave.
4. Once the answer is grafted, each cap's warning goes into the payload's `warnings` as the client
   selected them, unless Shopify already warned about the same line with the same code.

Each checked root field is held on its own (two in one mutation on the same cart do not see each
other's lines). An ERP that fails never blocks a cart: nothing is capped, Shopify's inventory decides, and the
answer's `extensions.fallbacks` names the ERP. A pre-flight read Shopify fails leaves the mutation
as written (Shopify answers it the way it can).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableDefinitionNode,
    VariableNode,
    parse,
    parse_type,
    print_ast,
    visit,
)
from graphql.execution.values import VariableValues

from gateway.models.caller import Caller
from gateway.models.stock import VariantStock
from resolvers import loaders
from resolvers.context import RequestContext

from .cart_stock import Ask, Cap, Held, Variant, cap_added, cap_updated, included, read_asks
from .document_uses import Uses
from .planning import RESERVED_PREFIX, Plan
from .upstream_locations import client_locations

LINES_KEY = f"{RESERVED_PREFIX}cart_stock_lines"
WARNINGS_KEY = f"{RESERVED_PREFIX}cart_stock_warnings"
ERRORS_KEY = f"{RESERVED_PREFIX}cart_stock_errors"
CART_LINES_PAGE = 250
"""Shopify's cap on a cart's lines per page, and on the lines one mutation may carry."""
VARIANT = "... on ProductVariant { id sku title product { title } }"
ADDED_KEYS = f"""{{
  {LINES_KEY}: cart {{ lines(first: {CART_LINES_PAGE}) {{ nodes {{ id merchandise {{ ... on ProductVariant {{ id }} }} }} }} }}
  {WARNINGS_KEY}: warnings {{ code target }}
  {ERRORS_KEY}: userErrors {{ code }}
}}"""
"""What a capped payload is asked besides the client's selection: the lines to name new ones by,
Shopify's own warnings (not to repeat them), and its userErrors (a refused change warns of nothing)."""


@dataclass(slots=True)
class Checked:
    """A mutation as it goes to Shopify, and the warnings to add to its answer."""

    plan: Plan
    variables: Mapping[str, Any]
    caps: list[tuple[Ask, list[Cap], frozenset[str]]] = field(default_factory=list)
    """Per capped root field: its caps and the ids of the lines its cart held before."""

    def warn(
        self,
        operation: OperationDefinitionNode,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        body: dict[str, Any],
        answer: Mapping[str, Any],
    ) -> None:
        """Add each cap's warning to the client's answer, in the client's selection of `warnings`."""
        if not self.caps:
            return
        upstream = answer.get("data")
        data = body.get("data")
        if not isinstance(upstream, dict) or not isinstance(data, dict):
            return
        collect = _Selection(fragments, VariableValues({}, dict(variables)))
        roots = collect.fields([operation.selection_set])
        for ask, caps, held in self.caps:
            sent, payload = upstream.get(ask.key), data.get(ask.key)
            if not isinstance(sent, dict) or not isinstance(payload, dict) or sent.get(ERRORS_KEY):
                continue
            given = {
                (w.get("code"), w.get("target")) for w in sent.get(WARNINGS_KEY) or () if isinstance(w, dict)
            }
            warnings = []
            for cap in caps:
                target = cap.target or _made_line(sent, cap.merchandise_id, held)
                if (cap.code, target) not in given:
                    warnings.append(cap.warning(target))
            selected = collect.fields(_children(roots.get(ask.key, [])))
            for key, nodes in selected.items():
                if nodes[0].name.value != "warnings" or not isinstance(payload.get(key), list):
                    continue
                shape = {k: n[0].name.value for k, n in collect.fields(_children(nodes)).items()}
                for warning in warnings:
                    payload[key].append(
                        {
                            k: "CartWarning" if name == "__typename" else warning[name]
                            for k, name in shape.items()
                        }
                    )


def _children(nodes: Sequence[FieldNode]) -> list[SelectionSetNode]:
    return [node.selection_set for node in nodes if node.selection_set is not None]


@dataclass(frozen=True, slots=True)
class _Selection:
    """The client's fields on an object, by response key: fragments followed, `@skip`/`@include`
    applied (on an object type every valid fragment applies)."""

    fragments: Mapping[str, FragmentDefinitionNode]
    variables: VariableValues

    def fields(self, selection_sets: Sequence[SelectionSetNode]) -> dict[str, list[FieldNode]]:
        found: dict[str, list[FieldNode]] = {}
        pending = list(selection_sets)
        seen: set[str] = set()
        while pending:
            for node in pending.pop(0).selections:
                if isinstance(node, FieldNode):
                    if included(node, self.variables):
                        found.setdefault(node.alias.value if node.alias else node.name.value, []).append(node)
                elif isinstance(node, InlineFragmentNode):
                    if included(node, self.variables):
                        pending.append(node.selection_set)
                elif isinstance(node, FragmentSpreadNode):
                    name = node.name.value
                    if included(node, self.variables) and name not in seen and name in self.fragments:
                        seen.add(name)
                        pending.append(self.fragments[name].selection_set)
        return found


def _made_line(sent: Mapping[str, Any], merchandise_id: str, held: frozenset[str]) -> str:
    """The line Shopify put the variant in: a new one if it made one, else the one it raised."""
    cart = sent.get(LINES_KEY)
    lines = cart.get("lines") if isinstance(cart, dict) else None
    nodes = lines.get("nodes") if isinstance(lines, dict) else None
    found = [
        str(node["id"])
        for node in nodes or ()
        if isinstance(node, dict)
        and isinstance(node.get("merchandise"), dict)
        and node["merchandise"].get("id") == merchandise_id
    ]
    fresh = [line for line in found if line not in held]
    return (fresh or found or [merchandise_id])[0]


class CartStockCheck:
    """Holds checked cart mutations to the ERP's stock before they are forwarded.

    ```python
    checked = await check.run(operation, variables, plan, raw, context, upstream, caller)
    answer = await send(checked.plan, checked.variables)
    checked.warn(operation, fragments, variables, body, answer)
    ```
    """

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema

    async def run(
        self,
        operation: OperationDefinitionNode,
        variables: Mapping[str, Any],
        plan: Plan,
        raw: Mapping[str, Any],
        context: Any,
        upstream: Any,
        caller: Caller,
    ) -> Checked:
        unchanged = Checked(plan, raw)
        asks = read_asks(self.schema, operation, variables)  # none for a query: nothing else is done
        if not asks or not isinstance(context, RequestContext):
            return unchanged
        stock = context.services.stock
        if stock is None or not context.services.settings.stock_from_erp:
            return unchanged
        loader = loaders.stock_by_sku(context)
        if loader is None:
            return unchanged
        read = await _preflight(asks, upstream, caller)
        if read is None:
            return unchanged
        variants, carts = read
        skus = {v.sku for v in variants.values() if v.sku} | {
            h.variant.sku for held in carts.values() for h in held if h.variant is not None and h.variant.sku
        }
        loaded = await loaders.load_all(loader, sorted(skus))
        if any(isinstance(value, BaseException) for value in loaded):
            context.fallbacks.add(stock.service)  # Shopify's inventory decides, and the answer says so
            return unchanged
        available = {
            sku: value.available
            for sku, value in zip(sorted(skus), loaded, strict=True)
            if isinstance(value, VariantStock)
        }
        capped: list[tuple[Ask, list[Cap], frozenset[str]]] = []
        for index, ask in enumerate(asks):
            if ask.cart_id is not None and index not in carts:
                continue  # no such cart: Shopify says so
            held = carts.get(index, [])
            rule = cap_added if ask.adds else cap_updated
            caps = rule(ask.lines, held, variants, available)
            if caps:
                capped.append((ask, caps, frozenset(h.id for h in held)))
        if not capped:
            return unchanged
        plan, sent = rewritten(self.schema, plan, raw, capped)
        return Checked(plan, sent, capped)


def rewritten(
    schema: GraphQLSchema,
    plan: Plan,
    raw: Mapping[str, Any],
    capped: Sequence[tuple[Ask, list[Cap], frozenset[str]]],
) -> tuple[Plan, dict[str, Any]]:
    """The plan with each capped field's lines in a reserved variable, and the variables to send."""
    document = parse(plan.upstream)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    root = schema.mutation_type
    assert root is not None
    added = _selection(ADDED_KEYS)
    by_key = {ask.key: (index, ask, caps) for index, (ask, caps, _) in enumerate(capped)}
    sent = dict(raw)
    definitions = list(operation.variable_definitions or ())
    selections = []
    for node in operation.selection_set.selections:
        found = (
            by_key.get(node.alias.value if node.alias else node.name.value)
            if isinstance(node, FieldNode)
            else None
        )
        if found is None or not isinstance(node, FieldNode) or node.name.value != found[1].field:
            selections.append(node)
            continue
        index, ask, caps = found
        name = f"{RESERVED_PREFIX}{ask.argument}_{index}"
        argument_type = root.fields[ask.field].args[ask.argument].type
        sent[name] = _as_json(ask.with_lines(_capped_lines(ask, caps)), argument_type)
        definitions.append(
            VariableDefinitionNode(
                variable=VariableNode(name=NameNode(value=name)), type=parse_type(str(argument_type))
            )
        )
        arguments = tuple(
            ArgumentNode(name=a.name, value=VariableNode(name=NameNode(value=name)), loc=a.loc)
            if a.name.value == ask.argument
            else a
            for a in node.arguments or ()
        )
        kept = node.selection_set.selections if node.selection_set else ()
        selections.append(
            FieldNode(
                loc=node.loc,
                alias=node.alias,
                name=node.name,
                arguments=arguments,
                directives=node.directives,
                selection_set=SelectionSetNode(selections=(*kept, *added.selections)),
            )
        )
    body = SelectionSetNode(selections=tuple(selections))
    uses = Uses()
    read = OperationDefinitionNode(
        operation=operation.operation, selection_set=body, directives=operation.directives
    )
    visit(DocumentNode(definitions=(read, *document.definitions[1:])), uses)
    rewritten = DocumentNode(
        definitions=(
            OperationDefinitionNode(
                loc=operation.loc,
                operation=operation.operation,
                name=operation.name,
                variable_definitions=tuple(d for d in definitions if d.variable.name.value in uses.variables),
                directives=operation.directives,
                selection_set=body,
            ),
            *document.definitions[1:],
        )
    )
    printed = print_ast(rewritten)
    # Shopify's error locations point into the rewritten text: moved back to the planned
    # text, and from there to the client's, as planning maps them.
    locations = {
        new: plan.locations[old]
        for new, old in client_locations(rewritten, printed).items()
        if old in plan.locations
    }
    replaced = dataclasses.replace(
        plan, upstream=printed, variables=frozenset(uses.variables), locations=locations
    )
    return replaced, {name: value for name, value in sent.items() if name in uses.variables}


def _selection(text: str) -> SelectionSetNode:
    operation = parse(text).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return operation.selection_set


def _capped_lines(ask: Ask, caps: list[Cap]) -> list[Any]:
    """The input lines with the capped quantities; an added line left with nothing is not sent."""
    by_index = {cap.index: cap for cap in caps}
    lines: list[Any] = []
    for index, line in enumerate(ask.lines):
        cap = by_index.get(index)
        if cap is None:
            lines.append(line)
        elif cap.quantity > 0 or not ask.adds:
            lines.append({**line, "quantity": cap.quantity})
    return lines


def _as_json(value: Any, type_: GraphQLInputType) -> Any:
    """A coerced input value as the JSON a variable of `type_` carries."""
    if isinstance(type_, GraphQLNonNull):
        return _as_json(value, type_.of_type)
    if value is None:
        return None
    if isinstance(type_, GraphQLList):
        return [_as_json(item, type_.of_type) for item in value]
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: _as_json(value[field.out_name or name], field.type)
            for name, field in type_.fields.items()
            if (field.out_name or name) in value
        }
    return type_.serialize(value)


async def _preflight(
    asks: list[Ask], upstream: Any, caller: Caller
) -> tuple[dict[str, Variant], dict[int, list[Held]]] | None:
    """The variants the lines name, and the lines of each ask's cart (by the ask's index), read in
    one Storefront call; None when Shopify did not answer it."""
    ids = sorted(
        {str(line["merchandiseId"]) for ask in asks for line in ask.lines if line.get("merchandiseId")}
    )
    carts = {index: ask.cart_id for index, ask in enumerate(asks) if ask.cart_id is not None}
    declared = "".join(f", $cart{index}: ID!" for index in carts)
    read = "".join(
        f" cart{index}: cart(id: $cart{index}) {{ lines(first: {CART_LINES_PAGE}) {{ nodes {{ id quantity"
        f" merchandise {{ {VARIANT} }} }} }} }}"
        for index in carts
    )
    document = (
        f"query CartStock($ids: [ID!]!{declared}) {{ variants: nodes(ids: $ids) {{ {VARIANT} }}{read} }}"
    )
    variables: dict[str, Any] = {"ids": ids, **{f"cart{index}": cart for index, cart in carts.items()}}
    try:
        answer = await upstream.forward(document, variables, "CartStock", mutation=False, caller=caller)
    except Exception:  # Shopify failing: the mutation is forwarded as written and fails its own way
        return None
    data = answer.get("data") if isinstance(answer, dict) else None
    if not isinstance(data, dict):
        return None
    variants = {v.id: v for v in map(_variant, data.get("variants") or ()) if v is not None}
    held: dict[int, list[Held]] = {}
    for index in carts:
        cart = data.get(f"cart{index}")
        if not isinstance(cart, dict):
            continue
        nodes = (cart.get("lines") or {}).get("nodes") or ()
        held[index] = [
            Held(str(node["id"]), int(node.get("quantity") or 0), _variant(node.get("merchandise")))
            for node in nodes
            if isinstance(node, dict) and node.get("id")
        ]
    return variants, held


def _variant(value: Any) -> Variant | None:
    if not isinstance(value, dict) or not value.get("id"):
        return None
    product = value.get("product")
    product = product if isinstance(product, dict) else {}
    sku = value.get("sku")
    return Variant(
        str(value["id"]),
        sku if isinstance(sku, str) and sku else None,
        f"{product.get('title')} - {value.get('title')}",
    )


__all__ = ["CartStockCheck", "Checked", "rewritten"]
