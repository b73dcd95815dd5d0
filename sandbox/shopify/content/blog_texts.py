"""The shop's three blogs and the articles each may carry, in the three shop languages.

The builder takes a seeded number of each blog's articles, in this order; the next one stays a
draft. Comment lines are in their writer's language: comments are not translated on Shopify.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.seed import Localized as L


@dataclass(frozen=True, slots=True)
class ArticleText:
    handle: str
    title: L
    paragraphs: tuple[L, ...]
    excerpt: L
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BlogText:
    handle: str
    title: L
    seo_description: L
    articles: tuple[ArticleText, ...]


BLOGS: tuple[BlogText, ...] = (
    BlogText(
        "news",
        L("News", "Actualités", "Neuigkeiten"),
        L("What is new at the shop.", "Les nouveautés de la boutique.", "Neues aus dem Shop."),
        (
            ArticleText(
                "spring-collection-2026",
                L("Spring collection 2026", "Collection printemps 2026", "Frühjahrskollektion 2026"),
                (
                    L(
                        "Light layers in linen and organic cotton for the first warm days.",
                        "Des couches légères en lin et coton bio pour les premiers beaux jours.",
                        "Leichte Schichten aus Leinen und Bio-Baumwolle für die ersten warmen Tage.",
                    ),
                    L(
                        "The colours come from the coast: sand, stone and sea blue.",
                        "Les couleurs viennent de la côte : sable, pierre et bleu marine.",
                        "Die Farben kommen von der Küste: Sand, Stein und Meeresblau.",
                    ),
                ),
                L(
                    "Our new collection is here.",
                    "Notre nouvelle collection est arrivée.",
                    "Unsere neue Kollektion ist da.",
                ),
                ("collection", "spring"),
            ),
            ArticleText(
                "new-store-in-lyon",
                L("Our new store in Lyon", "Notre nouvelle boutique à Lyon", "Unser neues Geschäft in Lyon"),
                (
                    L(
                        "Our second store opens on the Presqu'île, with a repair corner.",
                        "Notre deuxième boutique ouvre sur la Presqu'île, avec un coin réparation.",
                        "Unser zweites Geschäft öffnet auf der Presqu'île, mit einer Reparaturecke.",
                    ),
                    L(
                        "Come by for the opening weekend: coffee is on us.",
                        "Passez pendant le week-end d'ouverture : le café est offert.",
                        "Kommen Sie zum Eröffnungswochenende vorbei: Der Kaffee geht auf uns.",
                    ),
                ),
                L("We are opening in Lyon.", "Nous ouvrons à Lyon.", "Wir eröffnen in Lyon."),
                ("stores",),
            ),
            ArticleText(
                "repair-service-launch",
                L(
                    "Free repairs for two years",
                    "Réparations gratuites pendant deux ans",
                    "Zwei Jahre kostenlose Reparaturen",
                ),
                (
                    L(
                        "Every piece we sell can now be repaired for free during two years.",
                        "Chaque pièce vendue peut désormais être réparée gratuitement pendant deux ans.",
                        "Jedes verkaufte Stück kann jetzt zwei Jahre lang kostenlos repariert werden.",
                    ),
                    L(
                        "Send it to us or bring it to a store.",
                        "Envoyez-la-nous ou apportez-la en boutique.",
                        "Schicken Sie es uns oder bringen Sie es in ein Geschäft.",
                    ),
                ),
                L(
                    "Repairs are now free.",
                    "Les réparations sont désormais gratuites.",
                    "Reparaturen sind jetzt kostenlos.",
                ),
                ("repair", "sustainability"),
            ),
            ArticleText(
                "winter-opening-hours",
                L("Winter opening hours", "Horaires d'hiver", "Öffnungszeiten im Winter"),
                (
                    L(
                        "From December our stores close at 18:00 on weekdays.",
                        "À partir de décembre, nos boutiques ferment à 18 h en semaine.",
                        "Ab Dezember schließen unsere Geschäfte werktags um 18 Uhr.",
                    ),
                ),
                L(
                    "Shorter days, shorter hours.",
                    "Jours plus courts, horaires réduits.",
                    "Kürzere Tage, kürzere Zeiten.",
                ),
                ("stores", "winter"),
            ),
            ArticleText(
                "recycled-packaging",
                L("Parcels without plastic", "Des colis sans plastique", "Pakete ohne Plastik"),
                (
                    L(
                        "Our parcels are now made of recycled cardboard and paper tape.",
                        "Nos colis sont désormais en carton recyclé avec du ruban en papier.",
                        "Unsere Pakete bestehen jetzt aus recyceltem Karton und Papierklebeband.",
                    ),
                ),
                L(
                    "No more plastic in our parcels.",
                    "Plus de plastique dans nos colis.",
                    "Kein Plastik mehr in unseren Paketen.",
                ),
                ("sustainability",),
            ),
        ),
    ),
    BlogText(
        "guides",
        L("Guides", "Guides", "Ratgeber"),
        L(
            "Advice for the outdoors and for your clothes.",
            "Conseils pour le plein air et pour vos vêtements.",
            "Tipps für draußen und für Ihre Kleidung.",
        ),
        (
            ArticleText(
                "how-to-layer-for-hiking",
                L(
                    "How to layer for a day hike",
                    "Bien superposer ses couches pour la randonnée",
                    "Richtig schichten für eine Tageswanderung",
                ),
                (
                    L(
                        "Start with a merino base layer, add a fleece, and keep a shell in your bag.",
                        "Commencez par une couche de base en mérinos, ajoutez une polaire et gardez une veste dans le sac.",
                        "Beginnen Sie mit einer Merino-Basisschicht, ergänzen Sie ein Fleece und haben Sie eine Jacke im Rucksack.",
                    ),
                    L(
                        "Take a layer off before you start sweating, not after.",
                        "Retirez une couche avant de transpirer, pas après.",
                        "Ziehen Sie eine Schicht aus, bevor Sie schwitzen, nicht danach.",
                    ),
                ),
                L(
                    "Three layers for every weather.",
                    "Trois couches pour tous les temps.",
                    "Drei Schichten für jedes Wetter.",
                ),
                ("hiking", "layering"),
            ),
            ArticleText(
                "caring-for-wool",
                L("Caring for wool", "Prendre soin de la laine", "Wolle richtig pflegen"),
                (
                    L(
                        "Air wool between wears: it rarely needs washing.",
                        "Aérez la laine entre deux ports : elle a rarement besoin d'être lavée.",
                        "Lüften Sie Wolle zwischen dem Tragen: Sie muss selten gewaschen werden.",
                    ),
                    L(
                        "When you do wash it, use cold water and dry it flat.",
                        "Quand vous la lavez, utilisez de l'eau froide et séchez-la à plat.",
                        "Wenn Sie sie waschen, nehmen Sie kaltes Wasser und trocknen Sie sie liegend.",
                    ),
                ),
                L(
                    "Wool lasts for decades with a little care.",
                    "Avec un peu de soin, la laine dure des décennies.",
                    "Mit etwas Pflege hält Wolle Jahrzehnte.",
                ),
                ("care", "wool"),
            ),
            ArticleText(
                "choosing-a-rain-jacket",
                L("Choosing a rain jacket", "Choisir une veste de pluie", "Die richtige Regenjacke finden"),
                (
                    L(
                        "Look for taped seams and a hood that turns with your head.",
                        "Cherchez des coutures étanchées et une capuche qui suit vos mouvements.",
                        "Achten Sie auf verklebte Nähte und eine Kapuze, die sich mit dem Kopf dreht.",
                    ),
                    L(
                        "Pit zips matter more than the membrane on long climbs.",
                        "Les aérations sous les bras comptent plus que la membrane dans les longues montées.",
                        "Bei langen Anstiegen sind Achselreißverschlüsse wichtiger als die Membran.",
                    ),
                ),
                L(
                    "What matters when it pours.",
                    "Ce qui compte sous l'averse.",
                    "Worauf es bei Regen ankommt.",
                ),
                ("jackets", "rain"),
            ),
            ArticleText(
                "packing-for-a-weekend",
                L(
                    "Packing for a weekend away",
                    "Préparer son sac pour un week-end",
                    "Packen fürs Wochenende",
                ),
                (
                    L(
                        "Two tops, one pair of trousers and a warm layer fit in a day pack.",
                        "Deux hauts, un pantalon et une couche chaude tiennent dans un sac à dos.",
                        "Zwei Oberteile, eine Hose und eine warme Schicht passen in einen Tagesrucksack.",
                    ),
                ),
                L("Travel light.", "Voyagez léger.", "Leicht reisen."),
                ("travel",),
            ),
            ArticleText(
                "waxing-cotton",
                L("Rewaxing a cotton jacket", "Recirer une veste en coton", "Eine Baumwolljacke nachwachsen"),
                (
                    L(
                        "Warm the wax, rub it in with a cloth and let the jacket rest overnight.",
                        "Chauffez la cire, étalez-la avec un chiffon et laissez reposer la veste une nuit.",
                        "Wachs erwärmen, mit einem Tuch einreiben und die Jacke über Nacht ruhen lassen.",
                    ),
                ),
                L(
                    "An afternoon's work for years of rain.",
                    "Un après-midi de travail pour des années de pluie.",
                    "Ein Nachmittag Arbeit für Jahre im Regen.",
                ),
                ("care", "jackets"),
            ),
        ),
    ),
    BlogText(
        "stories",
        L("Stories", "Histoires", "Geschichten"),
        L(
            "People and places behind our clothes.",
            "Les personnes et les lieux derrière nos vêtements.",
            "Menschen und Orte hinter unserer Kleidung.",
        ),
        (
            ArticleText(
                "a-week-on-the-coast",
                L("A week on the coast", "Une semaine sur la côte", "Eine Woche an der Küste"),
                (
                    L(
                        "We walked the coast path for seven days, from harbour to harbour.",
                        "Nous avons suivi le sentier côtier pendant sept jours, de port en port.",
                        "Wir sind sieben Tage lang den Küstenweg gelaufen, von Hafen zu Hafen.",
                    ),
                    L(
                        "Wind every day, rain on two of them, and not one cold night.",
                        "Du vent chaque jour, de la pluie deux jours, et pas une nuit froide.",
                        "Jeden Tag Wind, an zwei Tagen Regen und keine einzige kalte Nacht.",
                    ),
                ),
                L("Seven days, one path.", "Sept jours, un sentier.", "Sieben Tage, ein Weg."),
                ("travel", "coast"),
            ),
            ArticleText(
                "meet-the-mill",
                L("Meet the mill", "À la rencontre de la filature", "Zu Besuch in der Weberei"),
                (
                    L(
                        "Our wool is spun in a family mill that has worked since 1887.",
                        "Notre laine est filée dans une filature familiale en activité depuis 1887.",
                        "Unsere Wolle wird in einer Familienweberei gesponnen, die seit 1887 arbeitet.",
                    ),
                ),
                L("Where our wool comes from.", "D'où vient notre laine.", "Woher unsere Wolle kommt."),
                ("makers", "wool"),
            ),
            ArticleText(
                "cycling-the-alps",
                L("Cycling across the Alps", "Traverser les Alpes à vélo", "Mit dem Rad über die Alpen"),
                (
                    L(
                        "Five passes in four days, with everything we needed in two bags.",
                        "Cinq cols en quatre jours, avec tout le nécessaire dans deux sacoches.",
                        "Fünf Pässe in vier Tagen, mit allem Nötigen in zwei Taschen.",
                    ),
                    L(
                        "The descents were colder than the climbs were hard.",
                        "Les descentes étaient plus froides que les montées n'étaient dures.",
                        "Die Abfahrten waren kälter, als die Anstiege schwer waren.",
                    ),
                ),
                L("Five passes, four days.", "Cinq cols, quatre jours.", "Fünf Pässe, vier Tage."),
                ("cycling", "travel"),
            ),
            ArticleText(
                "winter-in-the-north",
                L("Winter in the north", "L'hiver dans le Nord", "Winter im Norden"),
                (
                    L(
                        "Four hours of daylight are plenty when the snow is this good.",
                        "Quatre heures de jour suffisent quand la neige est aussi belle.",
                        "Vier Stunden Tageslicht reichen, wenn der Schnee so gut ist.",
                    ),
                ),
                L("Short days, long nights.", "Jours courts, longues nuits.", "Kurze Tage, lange Nächte."),
                ("travel", "winter"),
            ),
            ArticleText(
                "the-workshop",
                L(
                    "A day in the repair workshop",
                    "Une journée à l'atelier de réparation",
                    "Ein Tag in der Reparaturwerkstatt",
                ),
                (
                    L(
                        "Zips, elbows and seams: forty repairs leave the workshop every day.",
                        "Fermetures, coudes et coutures : quarante réparations quittent l'atelier chaque jour.",
                        "Reißverschlüsse, Ellbogen und Nähte: Jeden Tag verlassen vierzig Reparaturen die Werkstatt.",
                    ),
                ),
                L("Forty repairs a day.", "Quarante réparations par jour.", "Vierzig Reparaturen am Tag."),
                ("repair", "makers"),
            ),
        ),
    ),
)

AUTHOR_BIOS: tuple[L | None, ...] = (
    L(
        "Writes about our collections and stores.",
        "Écrit sur nos collections et nos boutiques.",
        "Schreibt über unsere Kollektionen und Geschäfte.",
    ),
    L("Runs the repair workshop.", "Dirige l'atelier de réparation.", "Leitet die Reparaturwerkstatt."),
    L(
        "Hikes, cycles and tests our gear.",
        "Randonne, pédale et teste notre équipement.",
        "Wandert, fährt Rad und testet unsere Ausrüstung.",
    ),
    None,
)
"""The bio of each staff author, in the world's order of admins (the last one wrote none)."""

COMMENT_LINES: dict[str, tuple[str, ...]] = {
    "en_US": (
        "Lovely read, thank you!",
        "Where can I find the jacket in the photo?",
        "We did the same trip last summer.",
        "Great tips, I will try this.",
        "Is this available in larger sizes?",
    ),
    "fr_FR": (
        "Très bel article, merci !",
        "Où trouver la veste de la photo ?",
        "Nous avons fait le même voyage l'été dernier.",
        "Super conseils, je vais essayer.",
        "Existe-t-il en plus grandes tailles ?",
    ),
    "de_DE": (
        "Schöner Beitrag, danke!",
        "Wo finde ich die Jacke auf dem Foto?",
        "Wir haben die gleiche Reise letzten Sommer gemacht.",
        "Tolle Tipps, probiere ich aus.",
        "Gibt es das auch in größeren Größen?",
    ),
}
"""What readers write, by the locale of the customer who writes it."""


__all__ = ["AUTHOR_BIOS", "BLOGS", "COMMENT_LINES", "ArticleText", "BlogText"]
