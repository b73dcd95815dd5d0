"""Targets are full pages, addressed by the cursor before them, and no two share a product."""

from __future__ import annotations

from bench.targets import PageTarget, disjoint, pages_of

LISTING = [(f"c{i}", f"p{i}") for i in range(7)]


def test_pages_are_full_and_start_after_the_previous_cursor() -> None:
    pages = pages_of("sweater", LISTING, 3)

    assert pages == [
        PageTarget("sweater", None, ("p0", "p1", "p2")),
        PageTarget("sweater", "c2", ("p3", "p4", "p5")),
    ]  # p6 alone is not a full page


def test_disjoint_takes_turns_and_skips_pages_sharing_a_product() -> None:
    # given: "sale" overlaps the first page of "sweater"
    sweater = pages_of("sweater", LISTING, 2)
    sale = [PageTarget("sale", None, ("p1", "x1")), PageTarget("sale", "x1", ("x2", "x3"))]

    # when
    taken = disjoint([sweater, sale])

    # then: turns alternate between keys, and the overlapping sale page is left out
    assert [(p.key, p.handles) for p in taken] == [
        ("sweater", ("p0", "p1")),
        ("sweater", ("p2", "p3")),
        ("sale", ("x2", "x3")),
        ("sweater", ("p4", "p5")),
    ]
    handles = [h for page in taken for h in page.handles]
    assert len(handles) == len(set(handles))
