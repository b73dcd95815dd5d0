"""Random Storefront queries over the composed schema, seeded, with real values from the sandbox.

```python
generator = DocumentGenerator(composed, served, pool, extensions=True)
document = generator.document(random.Random(7))
document.query      # what a client sends the gateway
document.upstream   # the same document as the emulator can answer it (see `GeneratedDocument`)
```

A document walks the schema from the query root: a few fields per selection, arguments filled
from the sandbox's own handles, ids, SKUs and title words (so answers are not empty), connection
pages of one to three, a depth budget so answers stay small. Along the way it uses what clients
use: aliases, named fragments (spread once or several times), inline fragments on interfaces and
unions and without a type condition, `@include`/`@skip` with literals and variables, variables
with and without defaults, and `@inContext(country:, language:)` with literals or variables.

Only fields the emulator serves (its SDL) are chosen; with `extensions=True` the gateway's own
fields (`Product.content`, `ProductVariant.stock`) are mixed in at product and variant positions.
Every document is checked against both schemas before it is handed out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    Undefined,
    ast_from_value,
    get_named_type,
    is_leaf_type,
    parse,
    print_ast,
    validate,
)

BUDGET = 3
"""Nested object fields below the root; connection plumbing (`nodes`, `edges`, `node`) is free."""
PAGE = (1, 3)
"""`first:` of every connection."""
MAX_ALIASES = 20
MAX_DEPTH = 12
"""Well inside the gateway's default limits (30 aliases, depth 15), which it applies before Shopify's."""
PLUMBING = frozenset({"nodes", "edges", "node", "pageInfo"})

CONTENT_FIELDS: Mapping[str, tuple[str, ...] | None] = {
    "sku": None,
    "locale": None,
    "name": None,
    "description": None,
    "features": None,
    "updatedAt": None,
    "media": ("code", "filename", "url"),
    "categories": ("code",),
}
"""The `ProductContent` fields a document selects: those the seed world states outright (attribute
labels and display values are the PIM's reference data, not the world's)."""
STOCK_FIELDS: Mapping[str, tuple[str, ...] | None] = {
    "available": None,
    "reserved": None,
    "inStock": None,
    "lowStock": None,
    "warehouses": ("onHand", "reserved", "available", "warehouse"),
}
WAREHOUSE_FIELDS = ("id", "name", "code")
EXTENSION_KEYS = {
    ("Product", "content"): ("handle", ("content", "pim", "copy")),
    ("ProductVariant", "stock"): ("sku", ("stock", "erp", "levels")),
}
"""Per gateway field: the Shopify field its position is keyed by upstream, and its response keys."""

OWNED_TYPES = {"content": "ProductContent", "stock": "VariantStock"}
LANGUAGES = ("EN", "FR", "DE", "IT")
LOCALES = {"EN": "en_US", "FR": "fr_FR", "DE": "de_DE"}
"""The gateway's default language map; any other language reads the default locale."""
DEFAULT_LOCALE = "en_US"


@dataclass(frozen=True, slots=True)
class ValuePool:
    """Real argument values, read from the sandbox, by what they name."""

    handles: Mapping[str, tuple[str, ...]]
    """Per type (`Product`, `Collection`, `Page`, `Blog`, `Article`, `Menu`): handles that exist."""
    ids: Mapping[str, tuple[str, ...]]
    """Per type: global ids that exist (`ProductVariant` included)."""
    words: tuple[str, ...]
    """Words of product titles, for search queries."""
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Projection:
    """What a gateway field's selection picks from its value: response key, field, sub-selection."""

    items: tuple[tuple[str, str, Projection | None], ...]

    def apply(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list):
            return [self.apply(item) for item in value]
        return {key: (sub.apply(value[name]) if sub else value[name]) for key, name, sub in self.items}


@dataclass(frozen=True, slots=True)
class GeneratedDocument:
    """One generated request, as the gateway receives it and as its Shopify part reads upstream.

    `upstream` is `query` with each gateway field replaced, under its own response key and with
    its own directives, by the Shopify field it is keyed by (`handle` of the product, `sku` of the
    variant); variables and fragments only those fields used are dropped. The emulator's answer
    to it is therefore the gateway's answer with, at every gateway field's position, the key that
    says which product or variant the value belongs to.
    """

    query: str
    upstream: str
    variables: Mapping[str, Any]
    upstream_variables: Mapping[str, Any]
    locale: str
    """The PIM locale the operation's `@inContext(language:)` selects."""
    projections: Mapping[str, Projection]
    """Per response key of a gateway field: what its selection picks."""
    kinds: Mapping[str, str]
    """Per response key of a gateway field: `content` or `stock`."""
    aliases: int
    """Aliases in `query`, as printed (a fragment's once)."""
    depth: int
    """Nested fields in `query`, fragments followed."""


@dataclass(slots=True)
class _Field:
    name: str
    alias: str | None = None
    arguments: tuple[tuple[str, str], ...] = ()
    directives: tuple[str, ...] = ()
    selections: tuple[_Selection, ...] | None = None
    key_field: str | None = None
    """Set on a gateway field: the Shopify field that stands in for it upstream."""


@dataclass(slots=True)
class _Inline:
    type_condition: str | None
    directives: tuple[str, ...]
    selections: tuple[_Selection, ...]


@dataclass(slots=True)
class _Spread:
    name: str
    directives: tuple[str, ...] = ()


_Selection = _Field | _Inline | _Spread


@dataclass(slots=True)
class _Variable:
    name: str
    type: str
    default: str | None
    value: Any
    """The value it stands for: the default's, when it has one."""
    sent: bool
    """Whether the request's variables carry it: always without a default, at times beside one."""


@dataclass(slots=True)
class _Build:
    """One document while it is drawn."""

    rng: random.Random
    variables: list[_Variable] = field(default_factory=list)
    fragments: dict[str, tuple[str, tuple[_Selection, ...]]] = field(default_factory=dict)
    """Per fragment name: its type condition and selection."""
    building: set[str] = field(default_factory=set)
    """Fragments not to spread here: those being drawn (a cycle) and those on the gateway's types."""
    aliases: int = 0
    budgets: dict[str, int] = field(default_factory=dict)
    """Per fragment: the depth budget it was built with (reused only where as much is left)."""
    owned: dict[str, tuple[_Selection, ...]] = field(default_factory=dict)
    """Per response key of a gateway field: its one selection in this document."""
    projections: dict[str, Projection] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def alias(self) -> str:
        self.aliases += 1
        return f"a{self.aliases}"

    def variable(self, type_: str, literal: str, value: Any, *, may_be_null: bool = False) -> str:
        """A variable standing for `value`; with `may_be_null`, at times an explicit null over a default."""
        name = f"v{len(self.variables)}"
        with_default = self.rng.random() < 0.5
        variable = _Variable(
            name,
            type_,
            literal if with_default else None,
            value,
            sent=not with_default or self.rng.random() < 0.3,
        )
        if with_default and may_be_null and not type_.endswith("!") and self.rng.random() < 0.2:
            # A null sent beside a default wins over it: the argument is null, not the default.
            variable.value, variable.sent = None, True
        self.variables.append(variable)
        return f"${name}"


class _Printer:
    """Prints one mode of a built document, noting the variables and fragments it uses."""

    def __init__(self, build: _Build, upstream: bool) -> None:
        self.build = build
        self.upstream = upstream
        self.used_fragments: list[str] = []
        self.aliases = 0

    def selections(self, selections: Sequence[_Selection]) -> str:
        return "{ " + " ".join(self.selection(s) for s in selections) + " }"

    def selection(self, node: _Selection) -> str:
        if isinstance(node, _Spread):
            if node.name not in self.used_fragments:
                self.used_fragments.append(node.name)
            return " ".join((f"...{node.name}", *node.directives))
        if isinstance(node, _Inline):
            head = f"... on {node.type_condition}" if node.type_condition else "..."
            return " ".join((head, *node.directives, self.selections(node.selections)))
        self.aliases += node.alias is not None
        if self.upstream and node.key_field:
            head = f"{node.alias or node.name}: {node.key_field}"
        else:
            head = f"{node.alias}: {node.name}" if node.alias else node.name
        if node.arguments and not (self.upstream and node.key_field):
            head += "(" + ", ".join(f"{k}: {v}" for k, v in node.arguments) + ")"
        parts = [head, *node.directives]
        if node.selections is not None and not (self.upstream and node.key_field):
            parts.append(self.selections(node.selections))
        return " ".join(parts)

    def document(self, name: str | None, context: str, root: Sequence[_Selection]) -> tuple[str, set[str]]:
        body = self.selections(root)
        fragments: list[str] = []
        index = 0
        while index < len(self.used_fragments):
            fragment = self.used_fragments[index]
            type_name, selections = self.build.fragments[fragment]
            fragments.append(f"fragment {fragment} on {type_name} {self.selections(selections)}")
            index += 1
        mentioned = set(VARIABLE.findall(" ".join((body, context, *fragments))))
        used = {v.name for v in self.build.variables if v.name in mentioned}
        definitions = [
            f"${v.name}: {v.type}" + (f" = {v.default}" if v.default is not None else "")
            for v in self.build.variables
            if v.name in used
        ]
        head = "query" + (f" {name}" if name else "")
        if definitions:
            head += "(" + ", ".join(definitions) + ")"
        return " ".join(part for part in (head, context, body, *fragments) if part), used


VARIABLE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
"""A variable's use; generated string values never hold a `$`."""


class DocumentGenerator:
    """Generates valid queries over `composed`, choosing only what `served` serves or the gateway adds."""

    def __init__(
        self, composed: GraphQLSchema, served: GraphQLSchema, pool: ValuePool, *, extensions: bool
    ) -> None:
        self.composed = composed
        self.served = served
        self.pool = pool
        self.extensions = extensions
        self.rejected = 0
        """Drawn documents that failed validation and were drawn again (reported, never sent)."""

    def document(self, rng: random.Random) -> GeneratedDocument:
        while True:
            generated = self._draw(rng)
            # Only the client's document is validated: the upstream one is the same tree with key
            # fields in the gateway fields' places, and validation costs more than drawing.
            within = generated.aliases <= MAX_ALIASES and generated.depth <= MAX_DEPTH
            if within and not validate(self.composed, parse(generated.query)):
                return generated
            self.rejected += 1

    # The document --------------------------------------------------------------------------------

    def _draw(self, rng: random.Random) -> GeneratedDocument:
        build = _Build(rng)
        root_type = self.composed.query_type
        assert root_type is not None
        root = self._object_selection(build, root_type, BUDGET, root=True)
        context, language = self._in_context(build)
        name = rng.choice((None, "Generated", f"Q{rng.randrange(1000)}"))
        printer = _Printer(build, upstream=False)
        query, used = printer.document(name, context, root)
        upstream, upstream_used = _Printer(build, upstream=True).document(name, context, root)
        return GeneratedDocument(
            aliases=printer.aliases,
            depth=_depth(root, build.fragments),
            query=query,
            upstream=upstream,
            variables={v.name: v.value for v in build.variables if v.sent and v.name in used},
            upstream_variables={
                v.name: v.value for v in build.variables if v.sent and v.name in upstream_used
            },
            locale=LOCALES.get(language or "", DEFAULT_LOCALE),
            projections=dict(build.projections),
            kinds=dict(build.kinds),
        )

    def _in_context(self, build: _Build) -> tuple[str, str | None]:
        rng = build.rng
        if rng.random() < 0.3:
            return "", None
        arguments: list[str] = []
        language: str | None = None
        if rng.random() < 0.7:
            country = rng.choice(self.pool.countries)
            arguments.append(f"country: {self._maybe_variable(build, 'CountryCode', country, country)}")
        if rng.random() < 0.7:
            language = rng.choice(LANGUAGES)
            arguments.append(f"language: {self._maybe_variable(build, 'LanguageCode', language, language)}")
        if not arguments:
            return "", None
        return "@inContext(" + ", ".join(arguments) + ")", language

    def _maybe_variable(self, build: _Build, type_: str, literal: str, value: Any) -> str:
        return build.variable(type_, literal, value) if build.rng.random() < 0.3 else literal

    # Selections ----------------------------------------------------------------------------------

    def _candidates(self, parent: GraphQLObjectType | GraphQLInterfaceType) -> list[str]:
        served = self.served.get_type(parent.name)
        assert isinstance(served, GraphQLObjectType | GraphQLInterfaceType)
        return [
            name
            for name, definition in served.fields.items()
            if not any(_required(a) and not self._fillable(name, a) for a in definition.args.values())
        ]

    def _object_selection(
        self, build: _Build, parent: GraphQLObjectType, budget: int, *, root: bool = False
    ) -> tuple[_Selection, ...]:
        rng = build.rng
        if not root and rng.random() < 0.15:
            return (self._spread(build, parent, budget),)
        names = self._candidates(parent)
        if budget <= 0:
            names = [n for n in names if is_leaf_type(get_named_type(parent.fields[n].type))]
        if not names:
            return (_Field("__typename"),)
        if root:
            weights = EXTENDED_ROOT_WEIGHTS if self.extensions else ROOT_WEIGHTS
            weighted = [n for n in names for _ in range(weights.get(n, 1))]
            chosen = list(dict.fromkeys(rng.choice(weighted) for _ in range(rng.randint(1, 3))))
        else:
            chosen = rng.sample(names, min(len(names), rng.randint(1, 3)))
            if self.extensions and parent.name == "Product" and "variants" in names and rng.random() < 0.4:
                # Down to the variants, where the ERP's field is.
                chosen = list(dict.fromkeys((*chosen, "variants")))
        fields: list[_Selection] = []
        for name in chosen:
            built = self._field(build, parent, name, budget)
            if built is not None:
                fields.append(built)
        if rng.random() < 0.1:
            fields.append(_Field("__typename", alias=build.alias() if rng.random() < 0.3 else None))
        if self.extensions:
            for (owner, gateway_field), (key_field, keys) in EXTENSION_KEYS.items():
                if parent.name == owner and rng.random() < 0.7:
                    fields.insert(
                        rng.randrange(len(fields) + 1),
                        self._gateway_field(build, gateway_field, key_field, keys),
                    )
        if not fields:
            fields.append(_Field("__typename"))
        if not root and len(fields) > 1 and rng.random() < 0.15:
            cut = rng.randrange(1, len(fields))
            inner = tuple(fields[cut:])
            condition = rng.choice((None, parent.name))
            directives = self._directives(build) if condition is None or rng.random() < 0.3 else ()
            fields = [*fields[:cut], _Inline(condition, directives, inner)]
        return tuple(fields)

    def _spread(self, build: _Build, parent: GraphQLObjectType, budget: int) -> _Spread:
        rng = build.rng
        existing = [
            name
            for name, (type_name, _) in build.fragments.items()
            if type_name == parent.name and name not in build.building and build.budgets[name] <= budget
        ]
        directives = self._directives(build) if rng.random() < 0.2 else ()
        if existing and rng.random() < 0.6:
            return _Spread(rng.choice(existing), directives)
        name = f"F{len(build.fragments)}"
        build.fragments[name] = (parent.name, (_Field("__typename"),))
        build.budgets[name] = budget
        build.building.add(name)
        build.fragments[name] = (parent.name, self._object_selection(build, parent, budget))
        build.building.discard(name)
        return _Spread(name, directives)

    def _abstract_selection(
        self, build: _Build, parent: GraphQLInterfaceType | GraphQLUnionType, budget: int
    ) -> tuple[_Selection, ...]:
        rng = build.rng
        selections: list[_Selection] = []
        if rng.random() < 0.6:
            selections.append(_Field("__typename"))
        if isinstance(parent, GraphQLInterfaceType) and rng.random() < 0.5:
            leaves = [
                n for n in self._candidates(parent) if is_leaf_type(get_named_type(parent.fields[n].type))
            ]
            if leaves:
                selections.append(_Field(rng.choice(leaves)))
        possible = [t for t in self.composed.get_possible_types(parent) if self.served.get_type(t.name)]
        preferred = [t for t in possible if t.name in PREFERRED] or possible
        for runtime in rng.sample(preferred, min(len(preferred), rng.randint(1, 2))):
            selections.append(_Inline(runtime.name, (), self._object_selection(build, runtime, budget)))
        return tuple(selections) or (_Field("__typename"),)

    def _field(self, build: _Build, parent: GraphQLObjectType, name: str, budget: int) -> _Field | None:
        rng = build.rng
        definition = parent.fields[name]
        arguments = self._arguments(build, parent, name, definition)
        if arguments is None:
            return None
        alias = build.alias() if rng.random() < 0.15 else None
        directives = self._directives(build) if rng.random() < 0.08 else ()
        child = get_named_type(definition.type)
        selections: tuple[_Selection, ...] | None = None
        cost = 0 if name in PLUMBING else 1
        if isinstance(child, GraphQLObjectType):
            selections = self._object_selection(build, child, budget - cost)
        elif isinstance(child, GraphQLInterfaceType | GraphQLUnionType):
            selections = self._abstract_selection(build, child, budget - cost)
        return _Field(name, alias, arguments, directives, selections)

    def _directives(self, build: _Build) -> tuple[str, ...]:
        return (self._condition(build)[0],)

    def _condition(self, build: _Build) -> tuple[str, bool]:
        """An `@include` or `@skip`, and whether it keeps what it is on (a variable's value is its default)."""
        rng = build.rng
        name = rng.choice(("include", "skip"))
        value = rng.random() < 0.5
        literal = "true" if value else "false"
        condition = build.variable("Boolean!", literal, value) if rng.random() < 0.5 else literal
        return f"@{name}(if: {condition})", value is (name == "include")

    # Gateway fields ------------------------------------------------------------------------------

    def _gateway_field(self, build: _Build, name: str, key_field: str, keys: tuple[str, ...]) -> _Field:
        """A gateway field; one selection per response key, so its value's shape is known."""
        rng = build.rng
        key = rng.choice(keys)
        directives = self._directives(build) if rng.random() < 0.15 else ()
        if key in build.owned:
            selections = build.owned[key]
        else:
            spec = CONTENT_FIELDS if name == "content" else STOCK_FIELDS
            selections, projection = self._owned_selection(build, spec, OWNED_TYPES[name])
            build.owned[key] = selections
            build.projections[key] = projection
            build.kinds[key] = name
        return _Field(name, None if key == name else key, (), directives, selections, key_field)

    def _owned_selection(
        self, build: _Build, spec: Mapping[str, tuple[str, ...] | None], type_name: str
    ) -> tuple[tuple[_Selection, ...], Projection]:
        rng = build.rng
        chosen = rng.sample(list(spec), rng.randint(1, min(4, len(spec))))
        selections: list[_Selection] = []
        items: list[tuple[str, str, Projection | None]] = []
        for name in chosen:
            alias = build.alias() if rng.random() < 0.15 else None
            sub = spec[name]
            nested: tuple[_Selection, ...] | None = None
            projection: Projection | None = None
            if sub is not None:
                picked = rng.sample(sub, rng.randint(1, len(sub)))
                fields = [
                    _Field(n, selections=tuple(_Field(w) for w in WAREHOUSE_FIELDS))
                    if n == "warehouse"
                    else _Field(n)
                    for n in picked
                ]
                nested = tuple(fields)
                projection = Projection(
                    tuple(
                        (
                            n,
                            n,
                            Projection(tuple((w, w, None) for w in WAREHOUSE_FIELDS))
                            if n == "warehouse"
                            else None,
                        )
                        for n in picked
                    )
                )
            directives: tuple[str, ...] = ()
            included = True
            if rng.random() < 0.15:
                directive, included = self._condition(build)
                directives = (directive,)
            selections.append(_Field(name, alias, (), directives, nested))
            if included:
                items.append((alias or name, name, projection))
        # Inline and named fragments on the gateway's own types, as clients write them, now and then;
        # upstream they go with the field, and so do the variables only they use.
        roll = rng.random()
        if len(selections) > 1 and roll < 0.2:
            condition = rng.choice((None, type_name))
            selections = [selections[0], _Inline(condition, (), tuple(selections[1:]))]
        elif roll < 0.4:
            fragment = f"F{len(build.fragments)}"
            build.fragments[fragment] = (type_name, tuple(selections))
            build.budgets[fragment] = 0
            build.building.add(fragment)  # never spread at a Shopify position
            selections = [_Spread(fragment)]
        return tuple(selections), Projection(tuple(items))

    # Arguments -----------------------------------------------------------------------------------

    def _fillable(self, field_name: str, argument: GraphQLArgument) -> bool:
        named = get_named_type(argument.type)
        return isinstance(named, GraphQLEnumType | GraphQLInputObjectType) or named.name in SCALARS

    def _arguments(
        self, build: _Build, parent: GraphQLObjectType, name: str, definition: GraphQLField
    ) -> tuple[tuple[str, str], ...] | None:
        rng = build.rng
        returns = get_named_type(definition.type).name
        target = returns.removesuffix("Connection")
        chosen: dict[str, Any] = {}
        lookups = [a for a in ("handle", "id") if a in definition.args]
        if lookups and not any(_required(definition.args[a]) for a in lookups):
            # A lookup by one of two keys: exactly one of them, of a record that exists.
            lookup = rng.choice(lookups)
            values = (self.pool.handles if lookup == "handle" else self.pool.ids).get(returns)
            if not values:
                return None
            chosen[lookup] = rng.choice(values)
        for argument_name, argument in definition.args.items():
            if argument_name in chosen or argument_name in ("after", "before", "last"):
                continue
            if argument_name in lookups and lookups and len(lookups) > 1:
                continue
            if argument_name == "first":
                chosen["first"] = rng.randint(*PAGE)
                continue
            if not _required(argument) and rng.random() < 0.75:
                continue
            value = self._value(rng, argument_name, argument.type, returns, target, parent.name)
            if value is _UNFILLABLE:
                if _required(argument):
                    return None
                continue
            chosen[argument_name] = value
        out: list[tuple[str, str]] = []
        for argument_name, value in chosen.items():
            type_ = definition.args[argument_name].type
            node = ast_from_value(value, type_)
            assert node is not None
            literal = print_ast(node)
            as_variable = rng.random() < 0.25
            out.append(
                (
                    argument_name,
                    build.variable(str(type_), literal, value, may_be_null=True) if as_variable else literal,
                )
            )
        rng.shuffle(out)
        return tuple(out)

    def _value(
        self, rng: random.Random, name: str, type_: GraphQLInputType, returns: str, target: str, parent: str
    ) -> Any:
        if isinstance(type_, GraphQLNonNull):
            return self._value(rng, name, type_.of_type, returns, target, parent)
        if isinstance(type_, GraphQLList):
            items = [
                self._value(rng, name, type_.of_type, returns, target, parent)
                for _ in range(rng.randint(1, 3))
            ]
            return _UNFILLABLE if _UNFILLABLE in items else items
        if isinstance(type_, GraphQLEnumType):
            return rng.choice(list(type_.values))
        if isinstance(type_, GraphQLInputObjectType):
            built: dict[str, Any] = {}
            for field_name, input_field in type_.fields.items():
                required = _required(input_field)
                if not required and rng.random() < 0.7:
                    continue
                value = self._value(rng, field_name, input_field.type, returns, target, parent)
                if value is _UNFILLABLE:
                    if required:
                        return _UNFILLABLE
                    continue
                built[field_name] = value
            return built
        assert isinstance(type_, GraphQLScalarType)
        if name in ("ids", "id"):
            pool = self.pool.ids.get(target) or [i for ids in self.pool.ids.values() for i in ids]
            return rng.choice(list(pool))
        if name == "handle":
            return rng.choice(self.pool.handles.get(target) or ("no-such-handle",))
        if name == "query":
            word = rng.choice(self.pool.words)
            return rng.choice((word, f"title:{word}", f"{word} OR {rng.choice(self.pool.words)}"))
        if type_.name == "Int":
            return rng.randint(1, 3) if name in ("limit", "first", "scale") else rng.choice((1, 40, 200))
        if type_.name == "Boolean":
            return rng.random() < 0.5
        return SCALARS.get(type_.name, _UNFILLABLE) if type_.name != "String" else rng.choice(self.pool.words)


_UNFILLABLE = object()
"""An argument no value can be made up for: its field is not chosen when the argument is required."""

SCALARS: Mapping[str, Any] = {
    "String": "x",
    "ID": "x",
    "Int": 1,
    "Boolean": True,
    "Float": 1.5,
    "Decimal": "10.0",
    "URL": "https://example.com/",
    "DateTime": "2026-01-01T00:00:00Z",
    "Color": "#000000",
}

ROOT_WEIGHTS: Mapping[str, int] = {
    "product": 8,
    "products": 8,
    "collection": 5,
    "collections": 4,
    "search": 5,
    "predictiveSearch": 2,
    "node": 4,
    "nodes": 4,
    "shop": 2,
    "page": 2,
    "blog": 2,
    "article": 2,
    "menu": 2,
}
"""Root fields clients use most come up most."""
EXTENDED_ROOT_WEIGHTS: Mapping[str, int] = {
    **ROOT_WEIGHTS,
    "product": 16,
    "products": 16,
    "collection": 8,
    "search": 8,
    "nodes": 6,
}
"""With the gateway's fields mixed in: the root fields that reach products and variants, mostly."""

PREFERRED = frozenset(
    {"Product", "ProductVariant", "Collection", "Page", "Article", "Blog", "MediaImage", "Video", "Metafield"}
)
"""Runtime types the sandbox has records of, for inline fragments on interfaces and unions."""


def _depth(
    selections: Sequence[_Selection], fragments: Mapping[str, tuple[str, tuple[_Selection, ...]]]
) -> int:
    deepest = 0
    for node in selections:
        if isinstance(node, _Field):
            deepest = max(deepest, 1 + (_depth(node.selections, fragments) if node.selections else 0))
        elif isinstance(node, _Inline):
            deepest = max(deepest, _depth(node.selections, fragments))
        else:
            deepest = max(deepest, _depth(fragments[node.name][1], fragments))
    return deepest


def _required(argument: GraphQLArgument | GraphQLInputField) -> bool:
    return isinstance(argument.type, GraphQLNonNull) and argument.default_value is Undefined


__all__ = ["DocumentGenerator", "GeneratedDocument", "Projection", "ValuePool"]
