"""``sitemap.xml`` entries with ``hreflang`` alternates, for ``wagtail.contrib.sitemaps``.

Every page type of the package (:class:`~seismic_wagtail.core.pages.SeismicPageMixin`) answers
``get_sitemap_urls(request)`` with its absolute URL (:func:`~seismic_wagtail.core.absolute_urls.absolute_url`:
``BASE_URL``, else the request's host) and, when it exists in more than one language, ``alternates``: its
live, public translations in every locale plus ``x-default`` for the default locale's. Django's
``sitemap.xml`` template prints them as ``<xhtml:link rel="alternate" hreflang="..." href="...">``.

The translations of all the pages of a sitemap come from one query per request (cached on the request),
whatever the number of pages and locales.

Wagtail's own sitemap lists the pages below the site's root page, which is in the default language; the
other languages' trees (the root page's translations) are siblings of it and only show up as alternates.
:class:`Sitemap` lists every language's tree, so that each language version has its own ``<url>``::

    from wagtail.contrib.sitemaps.views import sitemap
    from seismic_wagtail.core.sitemaps import Sitemap

    urlpatterns = [
        path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),  # before i18n_patterns
        ...
    ]
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

from .absolute_urls import absolute_url

__all__ = ["Sitemap", "sitemap_alternates", "sitemap_entry"]

_REQUEST_CACHE = "_seismic_sitemap_translations"


def _site_for(request):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site


def _site_trees(site):
    """A ``Q`` of the pages in the trees of ``site``'s root page and of its translations (one query)."""
    from wagtail.models import Page

    roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
    query = Q(pk__in=[])
    for path in roots:
        query |= Q(path__startswith=path)
    return query


def _translations_by_key(pages):
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, []).append(page)
    return by_key


def _translations(page, request):
    """The live, public translations of ``page`` (itself included), in the site's trees."""
    from wagtail.models import Page

    def live_pages():  # .public() queries the view restrictions when called: only call it when needed
        return Page.objects.live().public().filter(alias_of__isnull=True).select_related("locale")

    if request is None:
        return list(live_pages().filter(translation_key=page.translation_key))
    by_key = getattr(request, _REQUEST_CACHE, None)
    if by_key is None:
        site = _site_for(request)
        pages = live_pages().filter(_site_trees(site)) if site is not None else []
        by_key = _translations_by_key(pages)
        setattr(request, _REQUEST_CACHE, by_key)
    return by_key.get(page.translation_key, [page])


def sitemap_alternates(page, request=None):
    """``[{"lang_code": ..., "location": ...}]`` for the live, public translations of ``page`` in the order of
    ``WAGTAIL_CONTENT_LANGUAGES``, then ``x-default``; ``[]`` when the page exists in one language only."""
    order = {code: index for index, code in enumerate(get_content_languages())}
    versions = []
    for translation in _translations(page, request):
        location = absolute_url(translation, request)
        if location:
            versions.append((translation.locale.language_code, location))
    if len(versions) < 2:
        return []
    versions.sort(key=lambda version: order.get(version[0], len(order)))
    alternates = [{"lang_code": code, "location": location} for code, location in versions]
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    default = next((location for code, location in versions if code == default_code), None)
    if default:
        alternates.append({"lang_code": "x-default", "location": default})
    return alternates


def sitemap_entry(page, request=None):
    """The sitemap entry of ``page``: ``location``, ``lastmod`` and ``alternates``."""
    return {
        "location": absolute_url(page, request),
        "lastmod": page.last_published_at or page.latest_revision_created_at,
        "alternates": sitemap_alternates(page, request),
    }


def prepared_pages(pages, batch_size=500):
    """``pages`` in batches, each batch first passed to its page classes' ``prepare_sitemap_pages(pages)``
    classmethod when they have one: a page type whose ``get_sitemap_urls`` reads related rows fetches them for
    a whole batch in one query (``StoryPage`` leaves out copies of partner stories this way)."""
    batch = []
    for page in pages:
        batch.append(page)
        if len(batch) >= batch_size:
            yield from prepare_batch(batch)
            batch = []
    yield from prepare_batch(batch)


def prepare_batch(batch):
    by_class = {}
    for page in batch:
        by_class.setdefault(type(page), []).append(page)
    for page_class, pages in by_class.items():
        prepare = getattr(page_class, "prepare_sitemap_pages", None)
        if prepare is not None:
            prepare(pages)
    return batch


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap over every language of the site: the root page's tree and its translations' trees.

    Pages of the site's own types that keep Wagtail's default ``get_sitemap_urls`` (a home page...) get the
    same entry as the package's pages: absolute URL from ``BASE_URL`` or the request's host, alternates.
    """

    def _urls(self, page, protocol, domain):
        from wagtail.models import Page

        urls = []
        last_mods = set()
        for item in prepared_pages(self.paginator.page(page).object_list.iterator()):
            if type(item).get_sitemap_urls is Page.get_sitemap_urls:
                url_info_items = [sitemap_entry(item, self.request)]
            else:
                url_info_items = item.get_sitemap_urls(self.request)
            for url_info in url_info_items:
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def items(self):
        from wagtail.models import Page

        return (
            Page.objects.filter(_site_trees(self.get_wagtail_site()))
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
