"""Page slugs that keep every letter of the ten languages: "Depreme hazır mahalleler" -> ``depreme-hazir-mahalleler``.

Django's ``slugify`` (without ``allow_unicode``) drops every letter that Unicode cannot decompose into an ASCII
letter and an accent: Turkish "ı", Norwegian "ø", Danish and Norwegian "æ", German "ß", Polish "ł"... So
"Depreme hazır mahalleler" became ``depreme-hazr-mahalleler``. Wagtail's server side uses it for a page saved
without a slug when ``WAGTAIL_ALLOW_UNICODE_SLUGS = False``, and wagtail-localize uses it for every translated
page's slug, whatever that setting says.

:func:`slugify` transliterates with anyascii (a dependency of Wagtail itself, the same table as the admin's
own title-to-slug JavaScript): ı->i, ş->s, ğ->g, ç->c, ř->r, č->c, ě->e, ů->u, ž->z, ő->o, ű->u, ø->o, å->a,
æ->ae, ß->ss, ä->a, ö->o, ü->u, é->e... It is used in one place for each way a slug is made:

- a package page saved without a slug (:class:`~seismic_wagtail.core.pages.SeismicPageMixin`);
- a translated slug, typed by a translator, machine-translated or set by the demo: the ``slug`` string of a
  wagtail-localize translation is transliterated when it is saved (:mod:`.signal_handlers`), before
  wagtail-localize's own ``slugify`` could drop letters;
- the demo's slugs (:mod:`.demo_context`) and syndicated stories' slugs.

``WAGTAIL_ALLOW_UNICODE_SLUGS`` (Wagtail's setting, default ``True``) decides between ASCII slugs (``False``:
recommended, what the example project uses; links stay readable when copied, no ``%C4%B1`` in them) and
slugs in the language's own letters (``True``): then :func:`slugify` keeps them as they are, and only the
translated slugs are ASCII, because wagtail-localize does not keep others. See ``docs/how-to/translate.md``.
"""

from anyascii import anyascii
from django.conf import settings
from django.utils.text import slugify as django_slugify

__all__ = ["allow_unicode_slugs", "slugify", "transliterate"]


def allow_unicode_slugs():
    """Wagtail's ``WAGTAIL_ALLOW_UNICODE_SLUGS`` (default ``True``)."""
    return getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)


def transliterate(value):
    """``value`` in ASCII letters, none dropped: "Kadıköy" -> "Kadikoy", "Tromsø" -> "Tromso", "Straße" ->
    "Strasse", "Příběh" -> "Pribeh"."""
    return anyascii(str(value))


def slugify(value, allow_unicode=None):
    """A slug of ``value``: ASCII with every letter transliterated, or, with ``allow_unicode`` (default
    :func:`allow_unicode_slugs`), the letters as they are (Django's ``slugify(allow_unicode=True)``)."""
    if allow_unicode is None:
        allow_unicode = allow_unicode_slugs()
    if allow_unicode:
        return django_slugify(value, allow_unicode=True)
    return django_slugify(transliterate(value))
