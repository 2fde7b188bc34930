"""One URL pattern that lets the package's pages answer at file names: ``<page url>rss.xml``, ``atom.xml``,
``event.ics``, ``calendar.ics``, ``results.csv`` and ``results.json``.

Wagtail's page URL pattern only accepts path segments of letters, digits, ``-`` and ``_`` ending in ``/``,
so a URL with a dot never reaches a page. This pattern matches exactly the file names of
:data:`FILE_ROUTES` below a page and hands the request to Wagtail's own ``serve`` view: page routing, sites,
locales, privacy restrictions and ``before_serve_page`` hooks all apply, and the page's
``RoutablePageMixin`` route answers. Include it just before Wagtail's URLs, inside ``i18n_patterns`` when
the site has one::

    urlpatterns += i18n_patterns(
        path("", include("seismic_wagtail.core.urls")),
        path("", include(wagtail_urls)),
    )

Without it, story feeds are still served at ``<index url>rss/`` and ``atom/`` (see
:func:`file_routes_installed`); the iCal files need it.
"""

import re

from django.urls import NoReverseMatch, Resolver404, re_path, resolve, reverse
from django.utils import translation
from wagtail import views as wagtail_views

#: The file names a page of the package answers at. Only these are matched, so a site's own
#: ``/sitemap.xml`` or ``/feed.xml`` patterns are never shadowed.
FILE_ROUTES = ("rss.xml", "atom.xml", "event.ics", "calendar.ics", "results.csv", "results.json")

FILE_ROUTE_URL_NAME = "seismic_file_route"

urlpatterns = [
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+(?:" + "|".join(re.escape(name) for name in FILE_ROUTES) + "))$",
        wagtail_views.serve,
        name=FILE_ROUTE_URL_NAME,
    ),
]


def file_routes_installed():
    """Whether the site's URLconf includes this module (so ``rss.xml`` and ``event.ics`` URLs resolve)."""
    try:
        reverse(FILE_ROUTE_URL_NAME, kwargs={"path": f"page/{FILE_ROUTES[0]}"})
    except NoReverseMatch:
        return False
    return True


def resolve_in_language(path, language_code):
    """The ``ResolverMatch`` of ``path`` with ``language_code`` active (``i18n_patterns`` prefixes depend on
    it), or None when no pattern matches."""
    with translation.override(language_code):
        try:
            return resolve(path)
        except Resolver404:
            return None


def serves_pages(match):
    """Whether ``match`` is Wagtail's page view (the package's file route hands over to it too)."""
    return match.url_name in ("wagtail_serve", FILE_ROUTE_URL_NAME) or match.func is wagtail_views.serve
