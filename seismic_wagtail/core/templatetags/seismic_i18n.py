"""Language switcher, ``hreflang`` links and translation notices. Load with ``{% load seismic_i18n %}``.

``{% seismic_language_switcher page %}``
    One disclosure naming the page's language; inside, the site's languages, each linking to the page's
    translation or, when there is none, to the nearest translated ancestor (marked as such). Template:
    ``seismic_wagtail/core/includes/language_switcher.html``.
``{% seismic_hreflang_links page %}``
    ``<link rel="alternate" hreflang="...">`` for every live translation, plus ``x-default`` for the
    default locale's. ``seismic_wagtail/core/page.html`` emits them in ``<head>`` for every package page.
``{% seismic_translation_notices page %}``
    The fallback notice (the visitor's language is not the page's), the machine-translation notice and the
    partial-translation notice. Templates: ``includes/fallback_notice.html``,
    ``includes/machine_translation_notice.html`` and ``includes/partial_translation_notice.html``.
``{% seismic_language_versions page as versions %}``
    The :class:`~seismic_wagtail.core.i18n.LanguageVersion` list, to build your own markup.

All tags accept anything as ``page`` and render nothing unless it is a Wagtail page. They share one pair of
queries per page (cached on the page instance), whatever the number of locales.
"""

from django import template
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from seismic_wagtail.core import i18n
from seismic_wagtail.core.partial_translation import get_partial_translation

register = template.Library()


def _page(value):
    return value if isinstance(value, Page) and value.pk else None


@register.simple_tag(takes_context=True)
def seismic_language_versions(context, page):
    page = _page(page)
    if page is None:
        return []
    return i18n.get_language_versions(page, context.get("request"))


@register.inclusion_tag("seismic_wagtail/core/includes/language_switcher.html", takes_context=True)
def seismic_language_switcher(context, page):
    page = _page(page)
    versions = i18n.get_language_versions(page, context.get("request")) if page is not None else []
    versions = [version for version in versions if version.page is not None]
    return {
        "page": page,
        "versions": versions,
        "current": next((version for version in versions if version.is_current and version.is_translation), None),
        "request": context.get("request"),
    }


@register.inclusion_tag("seismic_wagtail/core/includes/hreflang_links.html", takes_context=True)
def seismic_hreflang_links(context, page):
    page = _page(page)
    request = context.get("request")
    links = []
    default_url = None
    if page is not None:
        versions = i18n.get_language_versions(page, request)
        for version in versions:
            if version.is_translation:
                links.append({"hreflang": version.language_code, "href": version.get_full_url(request)})
        default_code = _default_language_code()
        default_url = next((link["href"] for link in links if link["hreflang"] == default_code), None)
    return {"links": links, "x_default": default_url}


def _default_language_code():
    """The default content language, as ``Locale.get_default()`` has it, without a query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@register.inclusion_tag("seismic_wagtail/core/includes/translation_notices.html", takes_context=True)
def seismic_translation_notices(context, page):
    page = _page(page)
    request = context.get("request")
    if page is None:
        return {"page": None}
    return {
        "page": page,
        "request": request,
        "fallback": i18n.get_fallback_notice(page, request),
        # One query for both: the partial translation (cached on the page) knows of unreviewed machine text.
        "machine_translated": bool(getattr(get_partial_translation(page), "machine_translated", False)),
        "partial": i18n.get_partial_translation_notice(page),
    }
