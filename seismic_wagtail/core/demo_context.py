"""The object handed to each app's ``demo.create_demo(context)`` by ``manage.py seismic_demo``."""

from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.models import Locale, Page

from .translation import translate


@dataclass
class DemoContext:
    """Where demo content goes and what earlier apps already made.

    ``parent`` is the default-locale page the content goes under; ``locales`` are the site's content
    locales, default first; ``registry`` is shared between apps (``core`` puts ``"themes"`` and
    ``"organisations"`` there, ``networks`` puts ``"networks"`` by country code, ...).
    """

    parent: Page
    locales: list
    stdout: object = None
    registry: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    @property
    def default_locale(self):
        return self.locales[0]

    @property
    def other_locales(self):
        return self.locales[1:]

    def locale(self, language_code):
        """The site's locale for ``language_code``, or ``None`` when the site does not have it."""
        for locale in self.locales:
            if locale.language_code == language_code:
                return locale
        return None

    def created(self, instance, created=True):
        """Count what was made, for the summary the command prints."""
        if created:
            label = instance._meta.verbose_name_plural
            self.counts[str(label)] = self.counts.get(str(label), 0) + 1

    def child_page(self, parent, page_class, slug, **fields):
        """Return the child of ``parent`` with ``slug``, creating and publishing it with ``fields`` if missing."""
        slug = slugify(slug, allow_unicode=True)
        existing = parent.get_children().filter(slug=slug, locale=parent.locale).first()
        if existing is not None:
            return existing.specific
        page = page_class(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created(page)
        return page

    def ensure_translated(self, instance, locale, strings=None):
        """Return ``instance``'s translation into ``locale``, making it with wagtail-localize when missing."""
        existing = instance.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific if isinstance(existing, Page) else existing
        translated = translate(instance, locale, strings)
        self.created(translated)
        return translated.specific if isinstance(translated, Page) else translated


def site_locales():
    """The site's content locales, default first, creating ``Locale`` rows for configured languages."""
    from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
    from django.conf import settings

    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    codes = [default_code] + [code for code in get_content_languages() if code != default_code]
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        codes = [default_code]
    return [Locale.objects.get_or_create(language_code=code)[0] for code in codes]
