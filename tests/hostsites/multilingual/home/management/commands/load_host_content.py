"""``manage.py load_host_content``: Beispielburg's pages in English, translated into German and Brazilian
Portuguese with wagtail-localize (as its editors do: a translation source, per-string translations, then
publish). Also a hero image and a redirect from an old address. Idempotent.
"""

import io

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import ContentPage, HomePage

HOME = {"title": "Welcome to Beispielburg", "slug": "home", "welcome": "<p>The city on the river.</p>"}
CHILDREN = [
    {"title": "Visiting Beispielburg", "slug": "visit", "summary": "Museums, the old bridge and the market."},
    {"title": "Contact the town hall", "slug": "contact", "summary": "Opening hours and addresses."},
]
#: The editors' translations of every English string.
STRINGS = {
    "de": {
        "Welcome to Beispielburg": "Willkommen in Beispielburg",
        "The city on the river.": "Die Stadt am Fluss.",
        "Visiting Beispielburg": "Beispielburg besuchen",
        "Museums, the old bridge and the market.": "Museen, die alte Brücke und der Markt.",
        "Contact the town hall": "Kontakt zum Rathaus",
        "Opening hours and addresses.": "Öffnungszeiten und Adressen.",
    },
    "pt-br": {
        "Welcome to Beispielburg": "Bem-vindo a Beispielburg",
        "The city on the river.": "A cidade à beira do rio.",
        "Visiting Beispielburg": "Visitar Beispielburg",
        "Museums, the old bridge and the market.": "Museus, a ponte velha e o mercado.",
        "Contact the town hall": "Fale com a prefeitura",
        "Opening hours and addresses.": "Horários e endereços.",
    },
}


class Command(BaseCommand):
    help = "Create Beispielburg's pages in English, German and Brazilian Portuguese (idempotent)."

    @transaction.atomic
    def handle(self, **options):
        english = Locale.objects.get_or_create(language_code="en")[0]
        home = HomePage.objects.filter(locale=english).first() or self.create_home(english)
        pages = [home] + [
            home.get_children().filter(slug=fields["slug"]).first() or self.add(home, ContentPage(**fields))
            for fields in CHILDREN
        ]
        for code, strings in STRINGS.items():
            locale = Locale.objects.get_or_create(language_code=code)[0]
            for page in pages:
                if page.get_translation_or_none(locale) is None:
                    self.translate(page.specific, locale, strings)
        old_path = Redirect.normalise_path("/besuch")
        Redirect.objects.get_or_create(old_path=old_path, defaults={"redirect_page": pages[1]})
        self.stdout.write(f"{len(pages)} pages in {1 + len(STRINGS)} languages.")

    def add(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def create_home(self, english):
        """Replace Wagtail's placeholder "Welcome" page (and the site on it) with the city's home page."""
        root = Page.get_first_root_node()
        for placeholder in root.get_children().filter(content_type__model="page"):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        root.refresh_from_db()
        picture = io.BytesIO()
        Image.new("RGB", (960, 320), "#14613a").save(picture, "PNG")
        hero = get_image_model().objects.create(
            title="The old bridge", file=ImageFile(picture, name="bridge.png"), licence="CC BY 4.0"
        )
        home = self.add(root, HomePage(locale=english, hero=hero, **HOME))
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Beispielburg")
        return home

    def translate(self, page, locale, strings):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            if segment.string.data in strings:
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": strings[segment.string.data]},
                )
        translation = Translation.objects.get_or_create(source=source, target_locale=locale)[0]
        # Save a draft and publish it here: wagtail-localize's own publish runs after the commit and would
        # write a stale child count on the parents translated in this same transaction.
        translation.save_target(publish=False)
        page.get_translation(locale).get_latest_revision().publish()
