"""The shop's policies, brand copy and menu labels in its three languages.

Policy paragraphs hold the same `str.format` fields as the pages (`{shop}`, `{email}`, `{days}`,
`{threshold}`), so a page and a policy never disagree on a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.seed import Localized as L


@dataclass(frozen=True, slots=True)
class PolicyText:
    kind: str
    """The `Shop` field that serves the policy."""
    handle: str
    title: L
    paragraphs: tuple[L, ...]


POLICIES: tuple[PolicyText, ...] = (
    PolicyText(
        "privacyPolicy",
        "privacy-policy",
        L("Privacy Policy", "Politique de confidentialité", "Datenschutzerklärung"),
        (
            L(
                "{shop} collects only the data it needs to deliver your orders.",
                "{shop} ne collecte que les données nécessaires à la livraison de vos commandes.",
                "{shop} erhebt nur die Daten, die für die Lieferung Ihrer Bestellungen nötig sind.",
            ),
            L(
                "Write to {email} to see, correct or delete your data.",
                "Écrivez à {email} pour consulter, corriger ou supprimer vos données.",
                "Schreiben Sie an {email}, um Ihre Daten einzusehen, zu berichtigen oder zu löschen.",
            ),
        ),
    ),
    PolicyText(
        "refundPolicy",
        "refund-policy",
        L("Refund Policy", "Politique de remboursement", "Rückerstattungsrichtlinie"),
        (
            L(
                "You may return unworn items within {days} days of delivery.",
                "Vous pouvez retourner les articles non portés sous {days} jours après la livraison.",
                "Sie können ungetragene Artikel innerhalb von {days} Tagen nach Lieferung zurückgeben.",
            ),
            L(
                "We refund the original payment method within five working days of receiving the return.",
                "Nous remboursons le moyen de paiement d'origine sous cinq jours ouvrés après réception du retour.",
                "Wir erstatten die ursprüngliche Zahlungsart innerhalb von fünf Werktagen nach Eingang der Rücksendung.",
            ),
        ),
    ),
    PolicyText(
        "shippingPolicy",
        "shipping-policy",
        L("Shipping Policy", "Politique d'expédition", "Versandrichtlinie"),
        (
            L(
                "Orders over {threshold} ship free; other orders pay a flat rate.",
                "Les commandes de plus de {threshold} sont livrées gratuitement ; les autres paient un forfait.",
                "Bestellungen über {threshold} werden kostenlos versandt; für andere gilt eine Pauschale.",
            ),
            L(
                "Orders leave our warehouses within one working day.",
                "Les commandes quittent nos entrepôts sous un jour ouvré.",
                "Bestellungen verlassen unsere Lager innerhalb eines Werktags.",
            ),
        ),
    ),
    PolicyText(
        "termsOfService",
        "terms-of-service",
        L("Terms of Service", "Conditions d'utilisation", "Nutzungsbedingungen"),
        (
            L(
                "These terms apply to every purchase from {shop}.",
                "Ces conditions s'appliquent à tout achat auprès de {shop}.",
                "Diese Bedingungen gelten für jeden Kauf bei {shop}.",
            ),
            L(
                "Prices include VAT and may change without notice.",
                "Les prix incluent la TVA et peuvent changer sans préavis.",
                "Die Preise enthalten die Mehrwertsteuer und können sich ohne Ankündigung ändern.",
            ),
        ),
    ),
    PolicyText(
        "subscriptionPolicy",
        "subscription-policy",
        L("Subscription Policy", "Politique d'abonnement", "Abonnementrichtlinie"),
        (
            L(
                "Subscriptions renew each month until you cancel them.",
                "Les abonnements se renouvellent chaque mois jusqu'à leur résiliation.",
                "Abonnements verlängern sich monatlich, bis Sie sie kündigen.",
            ),
            L(
                "Cancel at any time from your account or by writing to {email}.",
                "Résiliez à tout moment depuis votre compte ou en écrivant à {email}.",
                "Kündigen Sie jederzeit in Ihrem Konto oder per E-Mail an {email}.",
            ),
        ),
    ),
)

SLOGANS: tuple[L, ...] = (
    L("Made for the long way round.", "Fait pour les chemins de traverse.", "Gemacht für den langen Weg."),
    L("Outside, every weekend.", "Dehors, chaque week-end.", "Draußen, jedes Wochenende."),
    L(
        "Clothes that come back from the trip.",
        "Des vêtements qui reviennent du voyage.",
        "Kleidung, die von der Reise zurückkommt.",
    ),
)
"""The seed picks one."""

PALETTES: tuple[tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]], ...] = (
    ((("#1f3a5f", "#ffffff"),), (("#e9e4d8", "#1f3a5f"), ("#c8553d", "#ffffff"))),
    ((("#2f4f3a", "#f6f3ea"),), (("#d9c7a7", "#2f4f3a"),)),
    ((("#222222", "#f2f2f2"), ("#b23a48", "#ffffff")), (("#f2efe9", "#222222"),)),
)
"""(primary, secondary) brand colours as (background, foreground) pairs; the seed picks one."""

SHOP_DESCRIPTIONS = {
    "Clothing and gear for everyday adventures.": L(
        "Clothing and gear for everyday adventures.",
        "Des vêtements et de l'équipement pour les aventures de tous les jours.",
        "Kleidung und Ausrüstung für Abenteuer im Alltag.",
    ),
}
"""Translations of the world's shop description (the brand's short description)."""

MENU_TITLES = {
    "main-menu": L("Main menu", "Menu principal", "Hauptmenü"),
    "footer": L("Footer menu", "Menu de pied de page", "Fußzeilenmenü"),
}

LABELS = {
    "Search": L("Search", "Recherche", "Suche"),
    "Shipping": L("Shipping", "Livraison", "Versand"),
    "Returns": L("Returns", "Retours", "Rücksendungen"),
    "Lookbook": L("Lookbook", "Lookbook", "Lookbook"),
    "All products": L("All products", "Tous les produits", "Alle Produkte"),
    "Collections": L("Collections", "Collections", "Kollektionen"),
    "Instagram": L("Instagram", "Instagram", "Instagram"),
}
"""Menu labels that name no resource (a resource's item is titled like the resource)."""

LOOKBOOKS = ("spring-2026", "autumn-2025", "coastal-weekend")
"""Handles of the lookbook metaobjects, each a page of the online store."""


__all__ = [
    "LABELS",
    "LOOKBOOKS",
    "MENU_TITLES",
    "PALETTES",
    "POLICIES",
    "SHOP_DESCRIPTIONS",
    "SLOGANS",
    "PolicyText",
]
