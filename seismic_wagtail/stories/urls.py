"""Optional URL pattern that serves a story index's feeds at ``<index url>rss.xml`` and ``<index url>atom.xml``.

Wagtail's page URL pattern only matches path segments of letters, digits, ``-`` and ``_`` ending in ``/``, so a
URL with a dot such as ``/stories/rss.xml`` never reaches a page. Include this before Wagtail's own URLs (inside
``i18n_patterns`` when the site uses it)::

    urlpatterns += i18n_patterns(
        path("", include("seismic_wagtail.stories.urls")),
        path("", include(wagtail_urls)),
    )

It hands the request to Wagtail's ``serve`` view, so page routing, privacy, sites and locales work as for any
page. Without it the feeds are still served, at ``<index url>rss/`` and ``<index url>atom/``.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

FEED_URL_NAME = "seismic_stories_feed"


def serve_feed(request, path, feed):
    """Serve ``<path><feed>.xml`` through Wagtail's page routing (``StoryIndexPage`` routes ``rss.xml/``)."""
    return wagtail_views.serve(request, f"{path}{feed}.xml/")


urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)*)(?P<feed>rss|atom)\.xml$", serve_feed, name=FEED_URL_NAME),
]
