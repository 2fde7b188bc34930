"""What a visitor sees of a page's languages: its translations, the fallback and machine-translation notices.

Three questions, each answered with a constant number of queries whatever the number of locales:

- :func:`get_language_versions`: for every content locale of the site, the page's live translation, or
  else its nearest live translated ancestor (the language switcher and ``<link rel="alternate">`` use it).
- :func:`get_fallback_notice`: the visitor prefers a language (``django_language`` cookie, else
  ``Accept-Language``) that the page is not in. Either the page exists in that language (the notice links
  to it) or it does not (the notice says so and lists the languages it exists in).
- :func:`has_unreviewed_machine_translation`: the page is a wagtail-localize translation whose current
  strings include machine translations that no person has edited since.
- :func:`get_partial_translation_notice`: the page is a wagtail-localize translation published with some
  strings still in the source language (:mod:`.partial_translation`); the notice names those parts.

Template tags in ``seismic_i18n`` wrap these; see ``docs/how-to/translate.md``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info, get_supported_language_variant, override
from django.utils.translation.trans_real import parse_accept_lang_header  # what LocaleMiddleware uses
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from .absolute_urls import absolute_url
from .formats import cldr_locale
from .partial_translation import get_partial_translation, read_partial_translation

__all__ = [
    "LanguageVersion",
    "content_locales",
    "get_fallback_notice",
    "get_language_versions",
    "get_partial_translation_notice",
    "has_unreviewed_machine_translation",
    "visitor_language",
]


def language_name(code, *, local=False, label=False):
    """The name of a language: the package's one rule for language names.

    - By default in the active language, for text read in the page's language: "Swedish" on an English page,
      "švédština" on a Czech one, "svenska" on a Swedish one.
    - ``local=True``: in the language itself ("svenska", "čeština", "norsk bokmål"), as a visitor looks for
      their own language.
    - ``label=True``: with a capital first letter, for a name that stands on its own (a table cell, an option,
      a switcher link): "Svenska", "Švédština". Mid-sentence names keep the language's own case ("from svenska"
      would be wrong in English, "från svenska" is right in Swedish).

    The names are CLDR's (Babel; :func:`seismic_wagtail.core.formats.cldr_locale`): Django's own translated
    names leave "Norwegian Bokmal" in English in every language and give Czech adverbs ("švédsky"). A code CLDR
    does not know falls back to Django's name, then the site's ``LANGUAGES`` entry, then the code.
    """
    language = code if local else None
    name = cldr_locale(language).languages.get(translation.to_locale(code)) or cldr_locale(language).languages.get(
        code.split("-")[0]
    )
    if not name:
        try:
            info = get_language_info(code)
            name = info["name_local"] if local else info["name_translated"]
        except KeyError:
            name = dict(settings.LANGUAGES).get(code, code)
    return capfirst(str(name)) if label else str(name)


@dataclass
class LanguageVersion:
    """One content locale of the site as seen from a page.

    ``page`` is the page's live translation in ``locale`` (``is_translation``), or its nearest live
    translated ancestor (``is_fallback``), or ``None`` when neither exists. ``is_current`` marks the
    locale of the page itself.
    """

    locale: Locale
    name: str
    page: Page | None = None
    url: str | None = None
    is_current: bool = False
    is_translation: bool = False
    is_fallback: bool = False

    @property
    def language_code(self):
        return self.locale.language_code

    def get_full_url(self, request=None):
        """The version's absolute URL by the package's rule (:mod:`.absolute_urls`: ``BASE_URL``, the request's
        host, the Site record), as every other absolute URL the package prints."""
        return absolute_url(self.page, request) if self.page is not None else None


def content_locales():
    """The site's content locales, in the order of ``WAGTAIL_CONTENT_LANGUAGES`` (one query)."""
    languages = list(get_content_languages())
    order = {code: index for index, code in enumerate(languages)}
    locales = [locale for locale in Locale.objects.all() if locale.language_code in order]
    return sorted(locales, key=lambda locale: order[locale.language_code])


def _ancestor_paths(page):
    steplen = page.steplen
    # Depth 1 is the tree's root, which no site serves; start below it.
    return [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]


def get_language_versions(page, request=None):
    """Return a :class:`LanguageVersion` for every content locale of the site, for ``page``.

    Two queries (locales; the live translations of the page and of its ancestors), cached on the page
    instance so the switcher, the ``hreflang`` links and the notices share them. Aliases are not
    translations (they show the source content) and are left out, as are pages no site serves.

    The translations are found by the translation keys of the page's and its ancestors' paths (a semi-join
    on two of Wagtail's indexes: the page's path and ``(translation_key, locale)``). Writing it as "the
    page's key *or* the ancestors' keys" made PostgreSQL scan the whole page table: 48 ms per page at
    100,000 pages, against 0.2 ms.
    """
    cached = getattr(page, "_seismic_language_versions", None)
    if cached is not None:
        return cached

    locales = content_locales()
    ancestor_paths = _ancestor_paths(page)
    candidates = list(
        Page.objects.filter(
            translation_key__in=Page.objects.filter(path__in=[*ancestor_paths, page.path]).values("translation_key"),
            live=True,
            alias_of__isnull=True,
            locale_id__in=[locale.pk for locale in locales],
        ).only("id", "path", "depth", "url_path", "title", "slug", "locale_id", "translation_key", "live")
    )
    # How deep each ancestor is, by translation key (the ancestors themselves are among the candidates,
    # unless they are not live: then their translations still count, at the same depth).
    ancestor_depth = {}
    for candidate in candidates:
        if candidate.path in ancestor_paths:
            ancestor_depth[candidate.translation_key] = candidate.depth
    if len(ancestor_depth) < len(ancestor_paths):
        # An ancestor is not live (or is an alias): fall back to the depth of its translations.
        for candidate in candidates:
            if candidate.translation_key != page.translation_key:
                ancestor_depth.setdefault(candidate.translation_key, candidate.depth)

    versions = []
    for locale in locales:
        version = LanguageVersion(locale=locale, name=locale.get_display_name() or locale.language_code)
        version.is_current = locale.pk == page.locale_id
        in_locale = [candidate for candidate in candidates if candidate.locale_id == locale.pk]
        translation = page if version.is_current and page.live else None
        if translation is None:
            translation = next(
                (candidate for candidate in in_locale if candidate.translation_key == page.translation_key), None
            )
        if translation is not None:
            url = translation.get_url(request)
            if url is not None:
                version.page, version.url, version.is_translation = translation, url, True
        if version.page is None:
            ancestors = sorted(
                (c for c in in_locale if c.translation_key in ancestor_depth),
                key=lambda c: ancestor_depth[c.translation_key],
                reverse=True,
            )
            for ancestor in ancestors:
                url = ancestor.get_url(request)
                if url is not None:
                    version.page, version.url, version.is_fallback = ancestor, url, True
                    break
        versions.append(version)
    page._seismic_language_versions = versions
    return versions


def visitor_language(request):
    """The content language the visitor prefers, or ``None`` when they have not said.

    Read from the language cookie (``settings.LANGUAGE_COOKIE_NAME``, set by Django's ``set_language``
    view), then the ``Accept-Language`` header; the URL prefix is ignored, because the default language's
    unprefixed URLs always switch Django to the default language. Only languages in
    ``WAGTAIL_CONTENT_LANGUAGES`` count.
    """
    if request is None:
        return None
    content_languages = set(get_content_languages())

    def supported(code):
        try:
            variant = get_supported_language_variant(code)
        except LookupError:
            return None
        return variant if variant in content_languages else None

    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie and (code := supported(cookie)):
        return code
    for accept_code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if accept_code == "*":
            break
        if code := supported(accept_code):
            return code
    return None


def get_fallback_notice(page, request):
    """What to tell a visitor whose preferred language differs from the page's, or ``None``.

    Returns a dict with ``language`` (the preferred :class:`LanguageVersion`), ``available`` (the live
    translations, current one included) and ``kind``: ``"missing"`` when the page has no live translation
    in the preferred language, ``"available"`` when it has one (the visitor can switch to it).
    """
    code = visitor_language(request)
    if code is None or code == page.locale.language_code:
        return None
    versions = get_language_versions(page, request)
    preferred = next((version for version in versions if version.language_code == code), None)
    if preferred is None:  # the site has no locale for it yet
        return None
    available = [version for version in versions if version.is_translation]
    return {
        "kind": "available" if preferred.is_translation else "missing",
        "language": preferred,
        "available": available,
    }


def has_unreviewed_machine_translation(page):
    """True when ``page`` shows machine-translated text that no person has reviewed (one query).

    Precisely: ``page`` is the target of an enabled wagtail-localize ``Translation``, and among the
    ``StringTranslation`` rows for the current segments of its ``TranslationSource`` in the page's locale,
    at least one has ``translation_type == "machine"``. wagtail-localize's editor saves every string a
    person edits (even unchanged) as ``"manual"`` with ``last_translated_by`` set, and PO-file uploads are
    ``"manual"`` too, so a string stops counting as soon as a person has touched it.

    Read afresh, in the query of the page's partial translation
    (:func:`~seismic_wagtail.core.partial_translation.read_partial_translation`); the page's notices read the
    ``machine_translated`` of the instance's cached :func:`get_partial_translation` instead, so the two notices
    and the ``lang`` marks cost one query together.
    """
    partial = read_partial_translation(page)
    return partial is not None and partial.machine_translated


def get_partial_translation_notice(page):
    """What to tell a visitor about the parts of ``page`` still in the source language, or ``None``.

    Returns a dict with ``language`` (the page's language code), ``source_language`` (the code of the
    language the parts are shown in), ``source_language_name`` (its name in the page's language) and
    ``parts`` (:class:`~seismic_wagtail.core.partial_translation.Part` list: ``name`` is a lazy label, so
    it renders in the language the template is in). One query, shared with ``{% seismic_lang_attr %}``.
    """
    partial = get_partial_translation(page)
    if partial is None:
        return None
    parts = partial.parts()
    if not parts:
        return None
    language = page.locale.language_code
    with override(language):
        source_name = language_name(partial.source_language)
    return {
        "language": language,
        "source_language": partial.source_language,
        "source_language_name": source_name,
        "parts": parts,
    }
