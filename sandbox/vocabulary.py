"""Localized word lists the seed composes its catalog, customers and conversations from.

Every entry carries its English, French and German form so that the Shopify translations and the
PIM's localized content are generated from one source and always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

LOCALES = ("en_US", "fr_FR", "de_DE")
"""PIM locales; the first is the default the others fall back to."""

LANGUAGES = {"en_US": "EN", "fr_FR": "FR", "de_DE": "DE"}
"""Shopify `LanguageCode` for each PIM locale."""


@dataclass(frozen=True, slots=True)
class Word:
    """One term in the three shop languages, with a short code used in SKUs and handles."""

    code: str
    en: str
    fr: str
    de: str

    def in_locale(self, locale: str) -> str:
        return {"en_US": self.en, "fr_FR": self.fr, "de_DE": self.de}[locale]


@dataclass(frozen=True, slots=True)
class ProductKind:
    """A product type: its name, the sizes it comes in and the price band it sells in."""

    word: Word
    sizes: tuple[str, ...]
    price_min: int
    price_max: int
    category: str
    weight_g: int


KINDS: tuple[ProductKind, ...] = (
    ProductKind(
        Word("TEE", "T-Shirt", "T-shirt", "T-Shirt"), ("XS", "S", "M", "L", "XL"), 19, 45, "tops", 180
    ),
    ProductKind(Word("SHT", "Shirt", "Chemise", "Hemd"), ("S", "M", "L", "XL"), 39, 89, "tops", 260),
    ProductKind(Word("SWT", "Sweater", "Pull", "Pullover"), ("S", "M", "L", "XL"), 59, 149, "knitwear", 420),
    ProductKind(Word("JKT", "Jacket", "Veste", "Jacke"), ("S", "M", "L", "XL"), 99, 289, "outerwear", 900),
    ProductKind(
        Word("TRS", "Trousers", "Pantalon", "Hose"), ("28", "30", "32", "34", "36"), 59, 129, "bottoms", 550
    ),
    ProductKind(Word("DRS", "Dress", "Robe", "Kleid"), ("XS", "S", "M", "L"), 69, 179, "dresses", 380),
    ProductKind(
        Word("SNK", "Sneakers", "Baskets", "Sneaker"),
        ("39", "40", "41", "42", "43", "44"),
        79,
        169,
        "footwear",
        750,
    ),
    ProductKind(
        Word("BOT", "Boots", "Bottines", "Stiefel"),
        ("39", "40", "41", "42", "43", "44"),
        129,
        259,
        "footwear",
        1300,
    ),
    ProductKind(Word("BAG", "Backpack", "Sac à dos", "Rucksack"), ("OS",), 49, 189, "accessories", 850),
    ProductKind(Word("CAP", "Cap", "Casquette", "Kappe"), ("OS",), 19, 39, "accessories", 90),
    ProductKind(Word("SCF", "Scarf", "Écharpe", "Schal"), ("OS",), 29, 99, "accessories", 150),
    ProductKind(Word("SCK", "Socks", "Chaussettes", "Socken"), ("S/M", "L/XL"), 9, 19, "accessories", 60),
)

COLOURS: tuple[Word, ...] = (
    Word("BLK", "Black", "Noir", "Schwarz"),
    Word("WHT", "White", "Blanc", "Weiß"),
    Word("NAV", "Navy", "Marine", "Marineblau"),
    Word("OLV", "Olive", "Olive", "Oliv"),
    Word("RST", "Rust", "Rouille", "Rost"),
    Word("SND", "Sand", "Sable", "Sand"),
    Word("GRY", "Grey", "Gris", "Grau"),
    Word("BRG", "Burgundy", "Bordeaux", "Bordeaux"),
    Word("FOR", "Forest", "Forêt", "Waldgrün"),
    Word("SKY", "Sky", "Ciel", "Himmelblau"),
)

MATERIALS: tuple[Word, ...] = (
    Word("cotton", "Cotton", "Coton", "Baumwolle"),
    Word("organic_cotton", "Organic Cotton", "Coton bio", "Bio-Baumwolle"),
    Word("merino", "Merino", "Mérinos", "Merino"),
    Word("linen", "Linen", "Lin", "Leinen"),
    Word("recycled_polyester", "Recycled Polyester", "Polyester recyclé", "Recyceltes Polyester"),
    Word("leather", "Leather", "Cuir", "Leder"),
    Word("canvas", "Canvas", "Toile", "Canvas"),
    Word("cashmere", "Cashmere", "Cachemire", "Kaschmir"),
    Word("denim", "Denim", "Denim", "Denim"),
)

CARE: dict[str, Word] = {
    "cotton": Word(
        "wash_40", "Machine wash at 40 °C.", "Lavage en machine à 40 °C.", "Maschinenwäsche bei 40 °C."
    ),
    "organic_cotton": Word(
        "wash_30", "Machine wash at 30 °C.", "Lavage en machine à 30 °C.", "Maschinenwäsche bei 30 °C."
    ),
    "merino": Word(
        "hand_wash",
        "Hand wash cold, dry flat.",
        "Lavage à la main à froid, séchage à plat.",
        "Handwäsche kalt, liegend trocknen.",
    ),
    "linen": Word(
        "wash_30",
        "Machine wash at 30 °C, iron damp.",
        "Lavage à 30 °C, repasser humide.",
        "Wäsche bei 30 °C, feucht bügeln.",
    ),
    "recycled_polyester": Word(
        "wash_30",
        "Machine wash at 30 °C, do not tumble dry.",
        "Lavage à 30 °C, ne pas sécher en machine.",
        "Wäsche bei 30 °C, nicht im Trockner trocknen.",
    ),
    "leather": Word(
        "wipe",
        "Wipe clean with a damp cloth.",
        "Nettoyer avec un chiffon humide.",
        "Mit einem feuchten Tuch abwischen.",
    ),
    "canvas": Word(
        "spot_clean", "Spot clean only.", "Nettoyage localisé uniquement.", "Nur punktuell reinigen."
    ),
    "cashmere": Word(
        "dry_clean",
        "Dry clean or hand wash cold.",
        "Nettoyage à sec ou lavage à la main à froid.",
        "Chemische Reinigung oder Handwäsche kalt.",
    ),
    "denim": Word(
        "wash_inside_out",
        "Wash inside out at 30 °C.",
        "Laver à l'envers à 30 °C.",
        "Auf links bei 30 °C waschen.",
    ),
}

ADJECTIVES: tuple[Word, ...] = (
    Word("classic", "Classic", "Classique", "Klassik"),
    Word("essential", "Essential", "Essentiel", "Essential"),
    Word("relaxed", "Relaxed", "Décontracté", "Relaxed"),
    Word("heritage", "Heritage", "Héritage", "Heritage"),
    Word("everyday", "Everyday", "Quotidien", "Alltags"),
    Word("alpine", "Alpine", "Alpin", "Alpen"),
    Word("coastal", "Coastal", "Côtier", "Küsten"),
    Word("urban", "Urban", "Urbain", "Urban"),
    Word("trail", "Trail", "Sentier", "Trail"),
    Word("studio", "Studio", "Studio", "Studio"),
    Word("nordic", "Nordic", "Nordique", "Nordisch"),
    Word("weekend", "Weekend", "Week-end", "Wochenend"),
)

BRANDS = ("Northwind", "Fjellstad", "Maison Lumen", "Atelier Kiel", "Brume & Co", "Solvang", "Tidewater")

FEATURES: tuple[Word, ...] = (
    Word(
        "durable",
        "Built to last for years of daily wear.",
        "Conçu pour durer des années au quotidien.",
        "Für jahrelangen täglichen Gebrauch gemacht.",
    ),
    Word(
        "fit",
        "True to size with a comfortable fit.",
        "Taille normalement, coupe confortable.",
        "Fällt größengerecht aus, bequeme Passform.",
    ),
    Word(
        "sourcing",
        "Responsibly sourced materials.",
        "Matières issues de sources responsables.",
        "Verantwortungsvoll beschaffte Materialien.",
    ),
    Word(
        "breathable",
        "Breathable and light on the skin.",
        "Respirant et léger sur la peau.",
        "Atmungsaktiv und leicht auf der Haut.",
    ),
    Word(
        "made_eu",
        "Made in Europe in small batches.",
        "Fabriqué en Europe en petites séries.",
        "In Europa in kleinen Serien gefertigt.",
    ),
    Word(
        "repair",
        "Free repairs for the first two years.",
        "Réparations gratuites pendant deux ans.",
        "Kostenlose Reparaturen in den ersten zwei Jahren.",
    ),
    Word(
        "packable",
        "Packs down small for travel.",
        "Se range facilement en voyage.",
        "Lässt sich für Reisen klein verstauen.",
    ),
)

FIRST_NAMES = (
    "Ada",
    "Louis",
    "Marie",
    "Jonas",
    "Chloé",
    "Felix",
    "Emma",
    "Noah",
    "Léa",
    "Paul",
    "Mia",
    "Lukas",
    "Camille",
    "Hugo",
    "Hannah",
    "Elias",
    "Zoé",
    "Ben",
    "Sofia",
    "Arthur",
    "Clara",
    "Finn",
    "Inès",
    "Max",
)
LAST_NAMES = (
    "Lovelace",
    "Martin",
    "Müller",
    "Bernard",
    "Schmidt",
    "Dubois",
    "Fischer",
    "Moreau",
    "Weber",
    "Laurent",
    "Wagner",
    "Simon",
    "Becker",
    "Michel",
    "Hoffmann",
    "Leroy",
    "Schulz",
    "Garcia",
    "Koch",
)

WAREHOUSES = (("BER", "Berlin Central"), ("LYS", "Lyon Sud"), ("NWK", "Newark East"))
CARRIERS = ("DHL Express", "UPS", "Colissimo")

CONVERSATION_SUBJECTS = (
    "Where is my order {order}?",
    "Which size should I take for the {product}?",
    "I would like to return {order}",
    "Is the {product} coming back in stock?",
    "Can I change the delivery address of {order}?",
)
CUSTOMER_LINES = (
    "Hi, could you help me with this?",
    "Thanks, that helps a lot.",
    "It has been a week already.",
    "Great, I will wait for the update.",
)
AGENT_LINES = (
    "Thanks for reaching out! Let me check that for you.",
    "I have looked into it: it left our warehouse yesterday.",
    "It runs true to size; most customers take their usual size.",
    "Done! Anything else I can help with?",
)
AGENTS = (("Sam Rivera", "sam"), ("Nina Vogel", "nina"), ("Théo Blanc", "theo"), ("Priya Shah", "priya"))

__all__ = [
    "ADJECTIVES",
    "AGENTS",
    "AGENT_LINES",
    "BRANDS",
    "CARE",
    "CARRIERS",
    "COLOURS",
    "CONVERSATION_SUBJECTS",
    "CUSTOMER_LINES",
    "FEATURES",
    "FIRST_NAMES",
    "KINDS",
    "LANGUAGES",
    "LAST_NAMES",
    "LOCALES",
    "MATERIALS",
    "WAREHOUSES",
    "ProductKind",
    "Word",
]
