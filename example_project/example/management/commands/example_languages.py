"""``manage.py example_languages``: the example site's home page, live in every language the site lists.

A multilingual city site has its home page in each of its languages before the package's content goes
below it; ``seismic_demo`` then writes in those languages (it never publishes copies of a site's own pages).
Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Site

from seismic_wagtail.core.translation import translate


class Command(BaseCommand):
    help = "Translate the example site's home page into every configured content language and publish it."

    def handle(self, *args, **options):
        home = Site.objects.get(is_default_site=True).root_page.specific
        made = []
        for code in get_content_languages():
            locale, _created = Locale.objects.get_or_create(language_code=code)
            if locale.pk == home.locale_id or home.get_translation_or_none(locale) is not None:
                continue
            page = translate(home, locale)
            if not page.live:
                page.save_revision().publish()
            made.append(code)
        self.stdout.write(
            f"Home page live in: {', '.join(sorted(get_content_languages()))} (new: {', '.join(made) or 'none'})."
        )
