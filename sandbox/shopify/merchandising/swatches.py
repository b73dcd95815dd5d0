"""The swatch each colour shows in a variant picker: its hex colour and a fabric chip picture."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.seed import Localized
from sandbox.shopify.ids import gid
from sandbox.shopify.records import ImageRecord, OptionValueRecord
from sandbox.vocabulary import COLOURS, Word

from .media import MediaImageRecord
from .product_facts import colour_of

SWATCH_ID_BASE = 30_900_000_000_000
HEX = {
    "BLK": "#1b1b1b",
    "WHT": "#f4f3ef",
    "NAV": "#1f2a44",
    "OLV": "#5b5e34",
    "RST": "#a0492d",
    "SND": "#d8c7a3",
    "GRY": "#8a8d8f",
    "BRG": "#6d1f2f",
    "FOR": "#2f4f3a",
    "SKY": "#8fb8de",
}
"""The hex colour of every vocabulary colour, by code."""


@dataclass(frozen=True, slots=True)
class SwatchRecord:
    color: str
    image: MediaImageRecord


def _swatch(index: int, colour: Word) -> SwatchRecord:
    number = SWATCH_ID_BASE + index
    url = f"https://cdn.shopify.com/s/files/1/0700/sandbox/swatches/{colour.code.lower()}.png"
    image = ImageRecord(number, gid("ImageSource", number), url, colour.en, 64, 64)
    return SwatchRecord(
        HEX[colour.code], MediaImageRecord(number, gid("MediaImage", number), Localized.of(colour), image)
    )


SWATCHES = {colour.code: _swatch(i, colour) for i, colour in enumerate(COLOURS)}


def swatch_of(value: OptionValueRecord) -> SwatchRecord | None:
    """The swatch of a colour value; sizes have none."""
    colour = colour_of(value)
    return SWATCHES[colour.code] if colour is not None else None


__all__ = ["HEX", "SWATCHES", "SwatchRecord", "swatch_of"]
