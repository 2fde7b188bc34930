"""Demo content of the search app: the search page, under ``context.parent``, in every locale of the site.

Runs last (``demo_order`` 40), after the content it searches. The English page is the source; the others
are its wagtail-localize translations with a title, introduction and slug in their own language
(``/sv/sok/``, ``/de/suche/``).
"""

from .models import SearchPage

#: language code -> (title, slug, introduction)
SEARCH_PAGES = {
    "en": ("Search", "search", "Find networks, events, good-practice stories and consultations of SEiSMiC."),
    "de": ("Suche", "suche", "Finden Sie Netzwerke, Veranstaltungen, Praxisbeispiele und Konsultationen von SEiSMiC."),
    "fr": ("Recherche", "recherche", "Trouvez les réseaux, événements, bonnes pratiques et consultations de SEiSMiC."),
    "nl": ("Zoeken", "zoeken", "Vind netwerken, evenementen, praktijkverhalen en consultaties van SEiSMiC."),
    "cs": ("Hledat", "hledat", "Najděte sítě, akce, příklady dobré praxe a konzultace projektu SEiSMiC."),
    "hu": ("Keresés", "kereses", "Keressen a SEiSMiC hálózatai, eseményei, jó gyakorlatai és konzultációi között."),
    "it": ("Cerca", "cerca", "Trova reti, eventi, buone pratiche e consultazioni di SEiSMiC."),
    "nb": ("Søk", "sok", "Finn nettverk, arrangementer, gode eksempler og høringer i SEiSMiC."),
    "sv": ("Sök", "sok", "Hitta nätverk, evenemang, goda exempel och samråd inom SEiSMiC."),
    "tr": ("Arama", "arama", "SEiSMiC ağlarını, etkinliklerini, iyi uygulama örneklerini ve istişarelerini bulun."),
}


def create_demo(context):
    """Create (or find) the search page and its translations."""
    title, slug, intro = SEARCH_PAGES["en"]
    page = context.child_page(context.parent, SearchPage, slug, title=title, intro=intro)
    for locale in context.other_locales:
        local = SEARCH_PAGES.get(locale.language_code)
        # wagtail-localize translates the slug as one of the page's strings.
        strings = {title: local[0], intro: local[2], slug: local[1]} if local else None
        context.ensure_translated(page, locale, strings)
    context.registry["search_page"] = page
