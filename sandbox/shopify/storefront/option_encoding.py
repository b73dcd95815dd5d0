"""Shopify's `v1_` encoding of a product's option value combinations (`encodedVariantExistence`).

A combination is the tuple of its option value indexes, one per option in the product's order:
`(1, 0)` is the second value of the first option with the first value of the second. The set of
combinations is written as a tree of those indexes:

- `:` goes down to the next option: `0:1` is value 0 of the first option, value 1 of the second;
- `,` closes a branch, so a branch over two levels ends `,,`;
- the values of the last option are listed in order, ` ` between runs and `-` inside a run:
  `0-2 4` is 0, 1, 2 and 4.

`[(0,0,0), (0,1,0), (0,1,1), (1,0,0)]` becomes `v1_0:0:0,1:0-1,,1:0:0,,`. The decoder Hydrogen
ships (`decodeEncodedVariant` in `@shopify/hydrogen-react`) reads this back.
"""

from __future__ import annotations

from collections.abc import Iterable

VERSION = "v1_"

Tree = dict[int, "Tree"]
"""Option value index → the branch below it; a leaf is an empty dict."""


def _ranges(values: Iterable[int]) -> str:
    """`0-2 4 6-7` for 0, 1, 2, 4, 6, 7."""
    runs: list[list[int]] = []
    for value in sorted(values):
        if runs and value == runs[-1][1] + 1:
            runs[-1][1] = value
        else:
            runs.append([value, value])
    return " ".join(str(low) if low == high else f"{low}-{high}" for low, high in runs)


def _branch(tree: Tree) -> str:
    if all(not child for child in tree.values()):
        return _ranges(tree)
    return "".join(f"{index}:{_branch(tree[index])}," for index in sorted(tree))


def encode_combinations(combinations: Iterable[tuple[int, ...]]) -> str:
    """The `v1_` string for a set of combinations of equal length (`v1_` alone when there are none)."""
    tree: Tree = {}
    for combination in combinations:
        node = tree
        for index in combination:
            node = node.setdefault(index, {})
    return VERSION + (_branch(tree) if tree else "")


__all__ = ["VERSION", "encode_combinations"]
