"""The emulators' SDLs hold Shopify's names and types, but descriptions in our own words.

Names and types of Shopify's interface are facts the emulators must match; the documentation
sentences of Shopify's schema are not ours to copy. Every description of a coordinate that Shopify
also documents must read differently from Shopify's, quote none of its longer sentences, and no
description may point to shopify.dev.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    is_introspection_type,
    is_specified_directive,
    is_specified_scalar_type,
)

from tests.shopify_specs import needs_specs, real_admin, real_storefront

SDL_DIR = Path(__file__).resolve().parents[3] / "sandbox" / "shopify"

REWRITTEN = ("admin.graphql", "storefront.graphql")
"""SDL files of `sandbox/shopify` compared with a real Shopify schema from `specs/`."""

UNCOMPARED = ("customer_account.graphql",)
"""SDL files in our words with no real Shopify schema in `specs/` to compare them with."""

REAL: dict[str, Callable[[], GraphQLSchema]] = {
    "admin.graphql": real_admin,
    "storefront.graphql": real_storefront,
}

SIMILAR = 0.75
"""A `SequenceMatcher` ratio from here up reads as a light edit of Shopify's text."""

QUOTED_WORDS = 8
"""A sentence of Shopify's this long, found whole in ours, is a quotation."""


def our_schema(sdl: str) -> GraphQLSchema:
    return build_schema((SDL_DIR / sdl).read_text())


def descriptions(schema: GraphQLSchema) -> dict[str, str | None]:
    """Every schema coordinate the SDL declares (`Type`, `Type.field`, `Type.field(arg:)`, `@directive`…)."""
    found: dict[str, str | None] = {}
    for name, named in schema.type_map.items():
        if is_introspection_type(named) or is_specified_scalar_type(named):
            continue
        found[name] = named.description
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in named.fields.items():
                found[f"{name}.{field_name}"] = field.description
                for arg_name, arg in field.args.items():
                    found[f"{name}.{field_name}({arg_name}:)"] = arg.description
        elif isinstance(named, GraphQLInputObjectType):
            for field_name, input_field in named.fields.items():
                found[f"{name}.{field_name}"] = input_field.description
        elif isinstance(named, GraphQLEnumType):
            for value_name, value in named.values.items():
                found[f"{name}.{value_name}"] = value.description
    for directive in schema.directives:
        if is_specified_directive(directive):
            continue
        found[f"@{directive.name}"] = directive.description
        for arg_name, arg in directive.args.items():
            found[f"@{directive.name}({arg_name}:)"] = arg.description
    return found


def normalized(text: str) -> str:
    """Lower-case words only: markdown link targets, punctuation and line breaks dropped."""
    unlinked = re.sub(r"\]\([^)]*\)", "]", text.lower())
    return " ".join(re.sub(r"[^0-9a-z]+", " ", unlinked).split())


def long_sentences(text: str) -> list[str]:
    """Shopify's sentences of `QUOTED_WORDS` words or more, normalized."""
    pieces = (normalized(piece) for piece in re.split(r"(?<=[.!?:;])\s+|\n\s*\n|\n\s*[-*>|]", text))
    return [piece for piece in pieces if len(piece.split()) >= QUOTED_WORDS]


def borrowed(ours: GraphQLSchema, real: GraphQLSchema) -> list[str]:
    """The coordinates of `ours` whose description is Shopify's (or links to Shopify's docs)."""
    theirs = descriptions(real)
    problems: list[str] = []
    for coordinate, text in descriptions(ours).items():
        if text and "shopify.dev" in text:
            problems.append(f"{coordinate}: links to shopify.dev")
        original = theirs.get(coordinate)
        mine, vendor = normalized(text or ""), normalized(original or "")
        if not mine or not vendor:
            continue
        if SequenceMatcher(None, mine, vendor, autojunk=False).ratio() >= SIMILAR:
            problems.append(f"{coordinate}: reads like Shopify's description")
        elif any(f" {sentence} " in f" {mine} " for sentence in long_sentences(original or "")):
            problems.append(f"{coordinate}: quotes a sentence of Shopify's")
    return problems


@pytest.mark.parametrize("sdl", REWRITTEN + UNCOMPARED)
def test_no_description_links_to_shopify_dev(sdl: str) -> None:
    # when
    linking = [
        coordinate
        for coordinate, text in descriptions(our_schema(sdl)).items()
        if text and "shopify.dev" in text
    ]

    # then
    assert linking == []


@needs_specs
@pytest.mark.parametrize("sdl", REWRITTEN)
def test_descriptions_are_our_own_words(sdl: str) -> None:
    # when
    problems = borrowed(our_schema(sdl), REAL[sdl]())

    # then
    assert problems == []


def _admin_with(type_name: str, field: str, description: str) -> GraphQLSchema:
    schema = our_schema("admin.graphql")
    named = schema.type_map[type_name]
    assert isinstance(named, GraphQLObjectType)
    named.fields[field].description = description
    return schema


@needs_specs
def test_the_check_catches_a_copied_description() -> None:
    # given: Order.closed described with Shopify's own text
    real = real_admin()
    original = descriptions(real)["Order.closed"]
    assert original is not None
    ours = _admin_with("Order", "closed", original)

    # when
    problems = borrowed(ours, real)

    # then
    assert problems == ["Order.closed: reads like Shopify's description"]


@needs_specs
def test_the_check_catches_one_quoted_sentence_in_otherwise_own_words() -> None:
    # given: a long description of our own that slips in one whole sentence of Shopify's
    real = real_admin()
    original = descriptions(real)["Order.closed"]
    assert original is not None
    quoted = next(s for s in re.split(r"(?<=[.!?])\s+", original) if len(s.split()) >= QUOTED_WORDS)
    ours = _admin_with(
        "Order",
        "closed",
        "True once the emulator has nothing left to do for this purchase, which happens when "
        f"staff cancel it through orderCancel or the seed marks it done. {quoted} Reading this "
        "flag never changes the record, and the gateway only shows it to staff.",
    )

    # when
    problems = borrowed(ours, real)

    # then
    assert problems == ["Order.closed: quotes a sentence of Shopify's"]


@needs_specs
def test_the_check_catches_a_link_to_shopify_dev() -> None:
    # given
    ours = _admin_with("Order", "closed", "See https://shopify.dev/docs/api for what closed means.")

    # when
    problems = borrowed(ours, real_admin())

    # then
    assert problems == ["Order.closed: links to shopify.dev"]
