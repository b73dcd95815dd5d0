"""`ProductContent` (the schema's): which reading of the PIM's content a selection needs."""

from __future__ import annotations

import pytest

from gateway.models.content import ALL_TEXTS, NAME_ONLY
from schema.catalog.content import ProductContent


@pytest.mark.parametrize(
    ("selected", "texts"),
    [
        ({"name"}, NAME_ONLY),
        ({"__typename", "sku", "locale", "name", "categories", "updatedAt"}, NAME_ONLY),
        (set(), NAME_ONLY),
        ({"name", "features"}, ALL_TEXTS),
        ({"description"}, ALL_TEXTS),
        ({"name", "attributes"}, None),
        ({"media"}, None),
    ],
    ids=[
        "name",
        "name and fields without values",
        "nothing",
        "features",
        "description",
        "attributes",
        "media",
    ],
)
def test_a_selection_is_read_with_the_fewest_texts_that_answer_it(
    selected: set[str], texts: tuple[str, ...] | None
) -> None:
    assert ProductContent.texts_read(frozenset(selected)) == texts


def test_every_field_of_the_type_is_answered_by_some_reading_or_the_full_one() -> None:
    fields = {f.name for f in ProductContent.__strawberry_definition__.fields}  # type: ignore[attr-defined]
    graphql_names = {"updatedAt" if name == "updated_at" else name for name in fields}

    # a field unknown to the readings (added later) is read in full, never from a partial reading
    assert ProductContent.texts_read(frozenset(graphql_names)) is None
    assert graphql_names - ProductContent.WITHOUT_VALUES - set(ALL_TEXTS) == {"attributes", "media"}
