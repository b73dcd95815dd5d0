"""Runs one operation the forwarding way: Shopify answers its part, the gateway grafts its own fields in.

1. The document is parsed and validated against the composed schema (cached per text, with the
   gateway's limits), its variables coerced as the schema says; an operation whose requested cost
   (`query_cost`) is above the budget is refused there, and any other answer reports that cost.
2. The plan (cached per document and operation) is sent to Shopify as one request, with the
   client's own variables; a query is retried on a transient failure, a mutation never.
3. Shopify's data is walked along the client's operation; every gateway-owned field found is
   loaded for the whole answer at once (one call per system) and its selection run on the
   gateway's types; the answer keeps the client's field order.

Shopify's `errors` keep their paths (the client's aliases are Shopify's too) and its `extensions`
(query cost) are passed through; a failing system costs only its fields, with an error naming it.
Introspection is answered by the gateway from the composed schema, gateway fields included.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from functools import lru_cache
from typing import Any, Protocol

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    execute_sync,
)
from graphql.execution.values import get_variable_values

from gateway.models.caller import ANONYMOUS, Caller
from gateway.models.refusal import CallerRefused
from resolvers.shopify_part import part_key, shopify_part
from schema.joins import Extension, Override, SiteLoad

from .cart_stock_check import CartStockCheck
from .documents import DocumentCache
from .errors import format_error, request_error
from .grafting import Graft, Site
from .outcome import ContextFactory, Finisher, Outcome, denied, refused, runnable
from .owned_execution import Group, OwnedExecutor
from .planning import RESERVED_PREFIX, Plan, PlanningError, plan_operation
from .query_cost import over_budget, requested_cost, with_estimate
from .scopes import required_scopes

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
PLAN_CACHE_SIZE = 1024


class Upstream(Protocol):
    """What forwarding needs of Shopify: one call per operation (`StorefrontForwarder` and
    `CustomerAccountForwarder` provide it)."""

    service: str
    api_version: str

    async def forward(
        self,
        document: str,
        variables: Mapping[str, Any],
        operation_name: str | None,
        *,
        mutation: bool,
        caller: Caller,
    ) -> dict[str, Any]: ...


class ForwardingExecutor:
    """The executor of the composed schema; `run` has the same contract as `Executor.run`."""

    def __init__(
        self,
        schema: GraphQLSchema,
        documents: DocumentCache,
        extensions: tuple[Extension, ...],
        overrides: tuple[Override, ...],
        owned: OwnedExecutor,
        upstream: Callable[[], Upstream],
        make_context: ContextFactory,
        finish: Finisher,
        *,
        private: bool = False,
    ) -> None:
        self.schema = schema
        self.documents = documents
        self.extensions = {(e.parent, e.field): e for e in extensions}
        self.overrides = {(o.parent, o.field): o for o in overrides}
        self.owned = owned
        self.upstream = upstream
        self.make_context = make_context
        self.finish = finish
        self.private = private
        """Every answer belongs to one caller (the Customer Account API): Shopify's part is never shared."""
        self._plan = lru_cache(maxsize=PLAN_CACHE_SIZE)(self._plan_uncached)
        self.cart_stock = CartStockCheck(schema)
        self._scopes = lru_cache(maxsize=PLAN_CACHE_SIZE)(self._scopes_uncached)

    def _scopes_uncached(self, text: str, operation_name: str | None) -> tuple[tuple[str, str], ...]:
        document = self.documents.get(text)
        assert document.node is not None
        operation = document.operation(operation_name)
        assert operation is not None
        return tuple(required_scopes(self.schema, document.node, operation).items())

    def _plan_uncached(self, text: str, operation_name: str | None) -> Plan:
        node = self.documents.get(text).node
        assert node is not None
        return plan_operation(
            self.schema, node, operation_name, tuple(self.extensions.values()), tuple(self.overrides.values())
        )

    async def run(
        self,
        query: str,
        variables: Mapping[str, Any] | None,
        operation_name: str | None,
        *,
        allow_mutations: bool = True,
        caller: Caller = ANONYMOUS,
    ) -> Outcome:
        document = self.documents.get(query)
        operation = runnable(document, operation_name, allow_mutations=allow_mutations)
        if isinstance(operation, Outcome):
            return operation
        assert document.node is not None  # `runnable` refused any document that did not parse
        client = caller.client
        for scope, coordinate in self._scopes(query, operation_name):
            if not client.allows(scope):
                return denied(client, scope, coordinate)
        raw = dict(variables or {})
        coerced = get_variable_values(self.schema, operation.variable_definitions or (), raw, max_errors=50)
        if isinstance(coerced, list):
            return refused(coerced)
        cost = requested_cost(self.schema, document.node, operation, coerced.coerced, owned=self.extensions)
        if cost.points > self.documents.limits.max_cost:
            return Outcome(over_budget(cost, self.documents.limits.max_cost), request_error=True)
        try:
            plan = self._plan(query, operation_name)
        except PlanningError as exc:
            return Outcome({"errors": [request_error(str(exc), "BAD_REQUEST")]}, request_error=True)
        context = self.make_context(operation, raw, caller)
        # A query past its budget is given up (nothing changed); a mutation runs to its end, since
        # Shopify may already have applied it, bounded by the backends' own deadlines.
        budget = (
            self.documents.limits.request_budget_s if operation.operation is OperationType.QUERY else None
        )
        try:
            async with asyncio.timeout(budget):
                answered = await self._answer(
                    document.node, operation, raw, coerced.coerced, plan, context, caller
                )
        except TimeoutError:
            message = f"The operation took longer than the gateway's budget of {budget:g} s for one."
            return Outcome({"errors": [request_error(message, "REQUEST_TIMEOUT")], "data": None})
        if isinstance(answered, Outcome):
            return answered
        body, answer = answered
        extensions = with_estimate({**(answer.get("extensions") or {}), **(self.finish(context) or {})}, cost)
        if extensions:
            body["extensions"] = extensions
        if "errors" in body:
            return Outcome(body)
        return Outcome(body, cache_ttl_s=context.response_ttl(), built_from=context.built_from())

    async def _answer(
        self,
        node: DocumentNode,
        operation: OperationDefinitionNode,
        raw: dict[str, Any],
        variables: dict[str, Any],
        plan: Plan,
        context: Any,
        caller: Caller,
    ) -> tuple[dict[str, Any], dict[str, Any]] | Outcome:
        """The client's body and Shopify's answer it was grafted from, or the failure to answer with."""
        introspection = _introspection_fields(operation)
        # Cart lines asking more than the ERP has are capped before Shopify sees them.
        checked = await self.cart_stock.run(operation, variables, plan, raw, context, self.upstream(), caller)
        if introspection and len(introspection) == len(operation.selection_set.selections):
            answer: dict[str, Any] = {"data": {}}
        else:
            try:
                answer = await self._shopify(context, checked.plan, checked.variables, caller)
            except CallerRefused as refusal:
                return Outcome(refusal.body, status=refusal.status)
            except Exception as exc:
                extensions = getattr(exc, "extensions", None)
                if not isinstance(extensions, dict):
                    raise
                return Outcome({"errors": [{"message": str(exc), "extensions": extensions}], "data": None})
        fragments = {d.name.value: d for d in node.definitions if isinstance(d, FragmentDefinitionNode)}
        body = await self._graft(
            node, fragments, operation, raw, variables, checked.plan, answer, context, introspection
        )
        checked.warn(operation, fragments, variables, body, answer)
        return body, answer

    async def _shopify(
        self, context: Any, plan: Plan, raw: Mapping[str, Any], caller: Caller
    ) -> dict[str, Any]:
        """Shopify's answer to the plan, shared between public callers through the source cache."""
        upstream = self.upstream()
        variables = {name: value for name, value in raw.items() if name in plan.variables}

        def send() -> Awaitable[dict[str, Any]]:
            return upstream.forward(
                plan.upstream,
                variables,
                plan.operation_name,
                mutation=plan.operation_type == OperationType.MUTATION.value,
                caller=caller,
            )

        key = (
            None if plan.private or self.private else part_key(upstream.api_version, plan.upstream, variables)
        )
        return await shopify_part(context, send, service=upstream.service, key=key)

    async def _graft(
        self,
        node: DocumentNode,
        fragments: dict[str, FragmentDefinitionNode],
        operation: OperationDefinitionNode,
        raw: dict[str, Any],
        variables: dict[str, Any],
        plan: Plan,
        answer: Mapping[str, Any],
        context: Any,
        introspection: list[FieldNode],
    ) -> dict[str, Any]:
        errors = [
            _in_client_terms(error, plan) for error in answer.get("errors") or () if isinstance(error, dict)
        ]
        data = answer.get("data")
        if not isinstance(data, dict):
            return {"errors": errors, "data": None} if errors else {"data": None}
        root = self.schema.get_root_type(operation.operation)
        assert root is not None
        graft = Graft(self.schema, fragments, variables, plan)
        graft.trusts_nulls = bool(errors)
        grafted = graft.root(operation.selection_set, root, data)
        errors += [_misshapen(list(path)) for path in graft.misshapen]
        if introspection and grafted is not None:
            local = _introspect(self.schema, node, operation, introspection, raw)
            errors += [format_error(e) for e in local.errors or ()]
            for key, value in (local.data or {}).items():
                grafted[key] = value
        errors += [format_error(e) for e in await self._resolve(graft, fragments, operation, raw, context)]
        body: dict[str, Any] = {}
        if errors:
            body["errors"] = errors
        body["data"] = grafted
        return body

    async def _resolve(
        self,
        graft: Graft,
        fragments: dict[str, FragmentDefinitionNode],
        operation: OperationDefinitionNode,
        variables: dict[str, Any],
        context: Any,
    ) -> list[GraphQLError]:
        fields = list(_by_field(graft.sites).items())
        overridden = list(_by_field(graft.overrides).items())
        # Every system is asked in the same turn, so each DataLoader sends one batch for the answer.
        loaded, replaced = await asyncio.gather(
            asyncio.gather(*(_each_site(self.extensions[f].load, context, group) for f, group in fields)),
            asyncio.gather(*(_each_site(self.overrides[f].load, context, group) for f, group in overridden)),
        )
        for (_, group), values in zip(overridden, replaced, strict=True):
            for site, value in zip(group, values, strict=True):
                if value is not None and not isinstance(value, BaseException):  # else Shopify's stands
                    site.target[site.key] = value
        errors: list[GraphQLError] = []
        groups: dict[tuple[int, ...], Group] = {}
        for (_, group), values in zip(fields, loaded, strict=True):
            for site, value in zip(group, values, strict=True):
                if value is None:
                    continue  # the system has nothing for this key: the field stays null
                if isinstance(value, Exception):
                    errors.append(
                        GraphQLError(str(value), list(site.nodes), path=list(site.path), original_error=value)
                    )
                    continue
                selection = tuple(id(node) for node in site.nodes)
                if selection not in groups:
                    groups[selection] = Group(f"g{len(groups)}", [], [])
                groups[selection].sites.append(site)
                groups[selection].values.append(value)
        errors += self.owned.execute(
            list(groups.values()), fragments, operation.variable_definitions or (), variables
        )
        return errors


async def _each_site(load: SiteLoad, context: Any, sites: list[Site]) -> list[Any]:
    """The load's value per site; a load that fails outright fails each of its sites, not the answer."""
    try:
        return await load(context, sites)
    except Exception as exc:  # a bug in a loader: masked per site by `format_error`, logged there
        return [exc] * len(sites)


def _by_field(sites: list[Site]) -> dict[tuple[str, str], list[Site]]:
    grouped: dict[tuple[str, str], list[Site]] = {}
    for site in sites:
        grouped.setdefault((site.parent, site.field), []).append(site)
    return grouped


def _introspection_fields(operation: OperationDefinitionNode) -> list[FieldNode]:
    return [
        node
        for node in operation.selection_set.selections
        if isinstance(node, FieldNode) and node.name.value in INTROSPECTION_ROOTS
    ]


def _introspect(
    schema: GraphQLSchema,
    node: DocumentNode,
    operation: OperationDefinitionNode,
    fields: list[FieldNode],
    variables: dict[str, Any],
) -> ExecutionResult:
    """The operation's root introspection fields, answered from the composed schema."""
    only = OperationDefinitionNode(
        operation=operation.operation,
        variable_definitions=operation.variable_definitions,
        selection_set=SelectionSetNode(selections=tuple(fields)),
    )
    fragments = [d for d in node.definitions if isinstance(d, FragmentDefinitionNode)]
    return execute_sync(schema, DocumentNode(definitions=(only, *fragments)), variable_values=variables)


def _misshapen(path: list[str | int]) -> dict[str, Any]:
    """A value of Shopify's that is not what the schema says it is: Shopify's fault, named."""
    return {
        "message": "shopify: the answer is not of the schema's shape here",
        "path": path,
        "extensions": {"code": "BACKEND_BAD_RESPONSE", "service": "shopify"},
    }


def _in_client_terms(error: dict[str, Any], plan: Plan) -> dict[str, Any]:
    """Shopify's error as the client reads it: its path cut before any key the plan added (the
    client never saw it), its locations moved to the client's text (dropped where the gateway
    added the node)."""
    error = dict(error)
    path = error.get("path")
    if isinstance(path, list):
        for index, segment in enumerate(path):
            if isinstance(segment, str) and segment.startswith(RESERVED_PREFIX):
                error["path"] = path[:index]
                break
    locations = error.get("locations")
    if isinstance(locations, list):
        moved = [
            {"line": found[0], "column": found[1]}
            for location in locations
            if isinstance(location, dict)
            and (found := plan.locations.get((location.get("line"), location.get("column")))) is not None  # type: ignore[arg-type]
        ]
        if moved:
            error["locations"] = moved
        else:
            error.pop("locations")
    return error


__all__ = ["ForwardingExecutor", "Upstream"]
