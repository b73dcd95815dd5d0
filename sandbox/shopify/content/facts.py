"""The numbers and names the shop's texts mention, chosen once from the world and its seed.

Pages and policies both say how long returns are open and from which amount shipping is free;
filling every text from one `Facts` keeps them in agreement.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sandbox.seed import Localized, World
from sandbox.vocabulary import LOCALES

from .html_text import paragraphs_html

_AND = {"en_US": "and", "fr_FR": "et", "de_DE": "und"}


@dataclass(frozen=True, slots=True)
class Facts:
    shop: str
    email: str
    """The customer service address."""
    threshold: int
    """Orders from this many euros ship free."""
    days: int
    """Days a return stays open."""
    cities: tuple[str, ...]
    """Where the warehouses (and stores) are."""

    @classmethod
    def of(cls, world: World, rng: random.Random) -> Facts:
        staff_domain = world.admins[0].email.partition("@")[2] if world.admins else world.shop.domain
        return cls(
            world.shop.name,
            f"care@{staff_domain}",
            rng.choice((50, 75, 100)),
            rng.choice((30, 60)),
            tuple(warehouse.name.split()[0] for warehouse in world.warehouses),
        )

    def _fields(self, locale: str) -> dict[str, str]:
        amount = f"€{self.threshold}" if locale == "en_US" else f"{self.threshold} €"
        *rest, last = self.cities or ("",)
        cities = f"{', '.join(rest)} {_AND[locale]} {last}" if rest else last
        return {
            "shop": self.shop,
            "email": self.email,
            "threshold": amount,
            "days": str(self.days),
            "cities": cities,
        }

    def fill(self, text: Localized) -> Localized:
        """The text with its fields filled in, in each language."""
        return Localized(*(text.get(locale).format(**self._fields(locale)) for locale in LOCALES))

    def html(self, paragraphs: tuple[Localized, ...]) -> Localized:
        """Paragraphs filled in and joined into an HTML body, in each language."""
        filled = [self.fill(paragraph) for paragraph in paragraphs]
        return Localized(*(paragraphs_html(p.get(locale) for p in filled) for locale in LOCALES))


__all__ = ["Facts"]
