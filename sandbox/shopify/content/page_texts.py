"""The shop's pages in its three languages: title, paragraphs and search-engine description.

Paragraphs hold `str.format` fields the builder fills from the world and its seed: `{shop}`,
`{email}`, `{threshold}` (free shipping from), `{days}` (return window) and `{cities}`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.seed import Localized as L


@dataclass(frozen=True, slots=True)
class PageText:
    handle: str
    title: L
    paragraphs: tuple[L, ...]
    seo_description: L
    seo_title: L | None = None
    published: bool = True


PAGES: tuple[PageText, ...] = (
    PageText(
        "about-us",
        L("About us", "À propos", "Über uns"),
        (
            L(
                "{shop} makes clothing and gear for people who spend their weekends outside.",
                "{shop} conçoit des vêtements et de l'équipement pour celles et ceux qui passent leurs week-ends dehors.",
                "{shop} macht Kleidung und Ausrüstung für Menschen, die ihre Wochenenden draußen verbringen.",
            ),
            L(
                "We work with a small number of mills and workshops we visit every year.",
                "Nous travaillons avec quelques filatures et ateliers que nous visitons chaque année.",
                "Wir arbeiten mit wenigen Webereien und Werkstätten, die wir jedes Jahr besuchen.",
            ),
        ),
        L(
            "Who we are and how we make our clothes.",
            "Qui nous sommes et comment nous fabriquons nos vêtements.",
            "Wer wir sind und wie wir unsere Kleidung machen.",
        ),
        seo_title=L("About {shop}", "À propos de {shop}", "Über {shop}"),
    ),
    PageText(
        "contact",
        L("Contact", "Contact", "Kontakt"),
        (
            L(
                "Write to us at {email}: we answer every message within one working day.",
                "Écrivez-nous à {email} : nous répondons à chaque message sous un jour ouvré.",
                "Schreiben Sie uns an {email}: Wir beantworten jede Nachricht innerhalb eines Werktags.",
            ),
            L(
                "You can also use the chat on every page from 9:00 to 18:00.",
                "Vous pouvez aussi utiliser le chat sur chaque page de 9 h à 18 h.",
                "Sie können auch den Chat auf jeder Seite von 9 bis 18 Uhr nutzen.",
            ),
        ),
        L(
            "How to reach our customer service.",
            "Comment joindre notre service client.",
            "So erreichen Sie unseren Kundenservice.",
        ),
    ),
    PageText(
        "faq",
        L("FAQ", "Questions fréquentes", "Häufige Fragen"),
        (
            L(
                "Orders placed before 14:00 leave our warehouse the same day.",
                "Les commandes passées avant 14 h quittent notre entrepôt le jour même.",
                "Bestellungen bis 14 Uhr verlassen unser Lager noch am selben Tag.",
            ),
            L(
                "You can return any unworn item within {days} days.",
                "Vous pouvez retourner tout article non porté sous {days} jours.",
                "Sie können jeden ungetragenen Artikel innerhalb von {days} Tagen zurückgeben.",
            ),
        ),
        L(
            "Answers to the questions we hear most.",
            "Les réponses aux questions les plus fréquentes.",
            "Antworten auf die häufigsten Fragen.",
        ),
    ),
    PageText(
        "shipping-information",
        L("Shipping", "Livraison", "Versand"),
        (
            L(
                "Shipping is free on orders over {threshold}.",
                "La livraison est offerte dès {threshold} d'achat.",
                "Ab einem Bestellwert von {threshold} ist der Versand kostenlos.",
            ),
            L(
                "We ship from {cities}, so most parcels arrive within three days.",
                "Nous expédions depuis {cities} : la plupart des colis arrivent en trois jours.",
                "Wir versenden aus {cities}, daher kommen die meisten Pakete innerhalb von drei Tagen an.",
            ),
        ),
        L("Delivery times and costs.", "Délais et frais de livraison.", "Lieferzeiten und Versandkosten."),
    ),
    PageText(
        "returns-and-exchanges",
        L("Returns & exchanges", "Retours et échanges", "Rückgabe und Umtausch"),
        (
            L(
                "Returns are free within {days} days of delivery.",
                "Les retours sont gratuits sous {days} jours après la livraison.",
                "Rücksendungen sind innerhalb von {days} Tagen nach Lieferung kostenlos.",
            ),
            L(
                "Exchanges for another size ship as soon as your return is scanned.",
                "Les échanges de taille partent dès que votre retour est scanné.",
                "Ein Umtausch in eine andere Größe wird verschickt, sobald Ihre Rücksendung gescannt ist.",
            ),
        ),
        L(
            "How to return or exchange an item.",
            "Comment retourner ou échanger un article.",
            "So geben Sie einen Artikel zurück oder tauschen ihn um.",
        ),
    ),
    PageText(
        "size-guide",
        L("Size guide", "Guide des tailles", "Größentabelle"),
        (
            L(
                "Our tops are cut true to size; take one size up for a relaxed fit.",
                "Nos hauts taillent normalement ; prenez une taille au-dessus pour une coupe ample.",
                "Unsere Oberteile fallen normal aus; für eine lockere Passform eine Größe größer wählen.",
            ),
            L(
                "Trousers are measured at the waist and inside leg, in centimetres.",
                "Les pantalons sont mesurés à la taille et à l'entrejambe, en centimètres.",
                "Hosen werden an Bund und Innenbein in Zentimetern gemessen.",
            ),
        ),
        L("Find the right size.", "Trouvez la bonne taille.", "Finden Sie die richtige Größe."),
    ),
    PageText(
        "care-instructions",
        L("Care instructions", "Conseils d'entretien", "Pflegehinweise"),
        (
            L(
                "Wash wool by hand in cold water and dry it flat.",
                "Lavez la laine à la main à l'eau froide et séchez-la à plat.",
                "Wolle von Hand kalt waschen und liegend trocknen.",
            ),
            L(
                "Reproof waxed cotton once a year to keep it waterproof.",
                "Recirez le coton ciré une fois par an pour qu'il reste imperméable.",
                "Gewachste Baumwolle einmal im Jahr nachwachsen, damit sie wasserdicht bleibt.",
            ),
        ),
        L(
            "Make your clothes last longer.",
            "Faites durer vos vêtements.",
            "So halten Ihre Kleidungsstücke länger.",
        ),
    ),
    PageText(
        "sustainability",
        L("Sustainability", "Développement durable", "Nachhaltigkeit"),
        (
            L(
                "Most of our fabrics are organic, recycled or traceable to the farm.",
                "La plupart de nos tissus sont biologiques, recyclés ou traçables jusqu'à la ferme.",
                "Die meisten unserer Stoffe sind biologisch, recycelt oder bis zum Hof rückverfolgbar.",
            ),
            L(
                "We repair what we sell, for free during the first two years.",
                "Nous réparons ce que nous vendons, gratuitement pendant les deux premières années.",
                "Wir reparieren, was wir verkaufen, in den ersten zwei Jahren kostenlos.",
            ),
        ),
        L(
            "What we do to reduce our footprint.",
            "Ce que nous faisons pour réduire notre empreinte.",
            "Was wir tun, um unseren Fußabdruck zu verkleinern.",
        ),
    ),
    PageText(
        "our-stores",
        L("Our stores", "Nos boutiques", "Unsere Geschäfte"),
        (
            L(
                "Visit us in {cities}: every store has a repair corner.",
                "Retrouvez-nous à {cities} : chaque boutique a un coin réparation.",
                "Besuchen Sie uns in {cities}: Jedes Geschäft hat eine Reparaturecke.",
            ),
            L(
                "Stores are open Monday to Saturday from 10:00 to 19:00.",
                "Les boutiques sont ouvertes du lundi au samedi de 10 h à 19 h.",
                "Die Geschäfte sind montags bis samstags von 10 bis 19 Uhr geöffnet.",
            ),
        ),
        L("Where to find us.", "Où nous trouver.", "Wo Sie uns finden."),
    ),
    PageText(
        "careers",
        L("Careers", "Carrières", "Karriere"),
        (
            L(
                "We are a team of forty in design, stores, warehouses and customer care.",
                "Nous sommes une équipe de quarante personnes entre design, boutiques, entrepôts et service client.",
                "Wir sind ein Team von vierzig Leuten in Design, Geschäften, Lagern und Kundenservice.",
            ),
            L(
                "Send your application to {email}.",
                "Envoyez votre candidature à {email}.",
                "Senden Sie Ihre Bewerbung an {email}.",
            ),
        ),
        L("Work with us.", "Travaillez avec nous.", "Arbeiten Sie mit uns."),
    ),
    PageText(
        "gift-cards",
        L("Gift cards", "Cartes cadeaux", "Geschenkkarten"),
        (
            L(
                "Gift cards are sent by email and never expire.",
                "Les cartes cadeaux sont envoyées par e-mail et n'expirent jamais.",
                "Geschenkkarten werden per E-Mail verschickt und verfallen nie.",
            ),
            L(
                "They can be used online and in every store.",
                "Elles sont utilisables en ligne et dans toutes nos boutiques.",
                "Sie können online und in jedem Geschäft eingelöst werden.",
            ),
        ),
        L(
            "A present that always fits.",
            "Un cadeau toujours à la bonne taille.",
            "Ein Geschenk, das immer passt.",
        ),
    ),
    PageText(
        "wholesale",
        L("Wholesale", "Vente en gros", "Großhandel"),
        (
            L(
                "Independent shops can carry {shop}: orders start at twenty pieces.",
                "Les boutiques indépendantes peuvent vendre {shop} : les commandes commencent à vingt pièces.",
                "Unabhängige Läden können {shop} führen: Bestellungen ab zwanzig Stück.",
            ),
            L(
                "Ask for our line sheet at {email}.",
                "Demandez notre catalogue professionnel à {email}.",
                "Fragen Sie unseren Händlerkatalog unter {email} an.",
            ),
        ),
        L(
            "Stock our products in your shop.",
            "Vendez nos produits dans votre boutique.",
            "Führen Sie unsere Produkte in Ihrem Laden.",
        ),
    ),
    PageText(
        "summer-sale-preview",
        L("Summer sale preview", "Avant-première des soldes d'été", "Vorschau auf den Sommerschlussverkauf"),
        (L("Coming soon.", "Bientôt disponible.", "Demnächst verfügbar."),),
        L("Not published yet.", "Pas encore publiée.", "Noch nicht veröffentlicht."),
        published=False,
    ),
)


__all__ = ["PAGES", "PageText"]
