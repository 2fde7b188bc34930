"""``manage.py load_host_content``: the city's own pages in English, French and Arabic. Idempotent.

Replaces Wagtail's "Welcome" page with the city's home page (as every project's first migration does),
then creates each page in each language as a translation of the English one, a banner image and a
redirect.
"""

import io
from datetime import date

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, NewsIndexPage, NewsItemPage, StandardPage

#: (key, parent key, page class, fields per language). Slugs are per language; root-level ones must differ.
PAGES = [
    (
        "home",
        None,
        HomePage,
        {
            "en": {
                "slug": "home",
                "title": "City of Examplestad",
                "intro": "Services, news and life in the harbour city.",
            },
            "fr": {
                "slug": "accueil",
                "title": "Ville d'Examplestad",
                "intro": "Services, actualités et vie dans la ville du port.",
            },
            "ar": {
                "slug": "home-ar",
                "title": "مدينة إكزامبلشتاد",
                "intro": "الخدمات والأخبار والحياة في مدينة الميناء.",
            },
        },
    ),
    (
        "living",
        "home",
        StandardPage,
        {
            "en": {"slug": "living", "title": "Living in Examplestad", "intro": "Housing, schools and the harbour."},
            "fr": {"slug": "vivre", "title": "Vivre à Examplestad", "intro": "Logement, écoles et le port."},
            "ar": {"slug": "living", "title": "العيش في إكزامبلشتاد", "intro": "السكن والمدارس والميناء."},
        },
    ),
    (
        "waste",
        "home",
        StandardPage,
        {
            "en": {"slug": "waste", "title": "Waste and recycling", "intro": "Collection days for every district."},
            "fr": {"slug": "dechets", "title": "Déchets et recyclage", "intro": "Les jours de collecte par quartier."},
            "ar": {"slug": "waste", "title": "النفايات وإعادة التدوير", "intro": "أيام الجمع لكل حي."},
        },
    ),
    (
        "news",
        "home",
        NewsIndexPage,
        {
            "en": {"slug": "news", "title": "City news", "intro": "What the council decided."},
            "fr": {"slug": "actualites", "title": "Actualités", "intro": "Les décisions du conseil."},
            "ar": {"slug": "news", "title": "أخبار المدينة", "intro": "قرارات المجلس."},
        },
    ),
    (
        "tram",
        "news",
        NewsItemPage,
        {
            "en": {"slug": "new-tram-line", "title": "New tram line to the harbour", "date": date(2025, 3, 14)},
            "fr": {"slug": "nouveau-tram", "title": "Un nouveau tram vers le port", "date": date(2025, 3, 14)},
            "ar": {"slug": "new-tram-line", "title": "خط ترام جديد إلى الميناء", "date": date(2025, 3, 14)},
        },
    ),
]


class Command(BaseCommand):
    help = "Create the city's own pages in every language of LANGUAGES (idempotent)."

    @transaction.atomic
    def handle(self, **options):
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}
        made = {}
        for key, parent_key, model, versions in PAGES:
            english = None
            for code, fields in versions.items():
                parent = made[parent_key, code] if parent_key else self.root_for_home()
                page = parent.get_children().filter(slug=fields["slug"]).specific().first()
                if page is None:
                    page = model(locale=locales[code], **fields)
                    if english is not None:
                        page.translation_key = english.translation_key
                    if model is HomePage:
                        page.banner = self.banner()
                    parent.add_child(instance=page)
                    page.save_revision().publish()
                made[key, code] = page
                english = english or page
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": made["home", "en"], "site_name": "City of Examplestad"},
        )
        # The old town-hall address, kept alive when the site was rebuilt.
        Redirect.objects.get_or_create(
            old_path=Redirect.normalise_path("/rathaus"), defaults={"redirect_page": made["living", "en"]}
        )
        self.stdout.write(f"{len(made)} pages of the city in {len(locales)} languages.")

    def root_for_home(self):
        """The tree's root, once Wagtail's placeholder "Welcome" page (and the site on it) is gone."""
        root = Page.get_first_root_node()
        placeholder = root.get_children().filter(content_type__model="page", slug="home").first()
        if placeholder is not None:
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
            root.refresh_from_db()
        return root

    def banner(self):
        image_model = get_image_model()
        existing = image_model.objects.filter(title="The harbour at dusk").first()
        if existing is not None:
            return existing
        picture = Image.new("RGB", (960, 400), "#1d3557")
        draw = ImageDraw.Draw(picture)
        draw.rectangle((0, 280, 960, 400), fill="#457b9d")
        for x in range(40, 960, 120):
            draw.rectangle((x, 140 + x % 90, x + 70, 280), fill="#a8dadc")
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        return image_model.objects.create(
            title="The harbour at dusk",
            file=ImageFile(buffer, name="harbour.png"),
            credit="City photo service",
        )
