"""What every page type of the package shares.

:class:`SeismicPageMixin` gives a page the context its templates need to sit in the site's own base template
(see :mod:`seismic_wagtail.core.templating`). Domain page types put it first in their bases::

    class StoryPage(SeismicPageMixin, Page):
        template = "seismic_wagtail/stories/story_page.html"
        stylesheets = ["seismic_wagtail/css/stories.css"]
        head_template = "seismic_wagtail/stories/includes/story_head.html"
"""

from django.utils.cache import patch_vary_headers

from .structured_data import json_ld_script
from .templating import base_template_context


class SeismicPageMixin:
    """Mixin for the package's page types. Override :meth:`get_context` as usual; call ``super()``.

    What the page puts in the site's ``<head>`` and at the end of its ``<body>`` (through the base
    template's blocks or the ``{% seismic_head %}`` / ``{% seismic_scripts %}`` tags) comes from
    :attr:`stylesheets`, :attr:`scripts` and :attr:`head_template`, or the ``get_*`` methods below for a
    choice per request. The package's own stylesheet ``seismic_wagtail/css/seismic.css`` comes first on
    every page (``SEISMIC_WAGTAIL["INCLUDE_CSS"] = False`` drops them all).
    """

    #: Static paths of the page type's own stylesheets, linked after the package's core stylesheet.
    stylesheets = ()
    #: Static paths of scripts loaded (``defer``) at the end of the body. The package's pages need none.
    scripts = ()
    #: A template included in ``<head>`` with the page's context: canonical link, feeds, JSON-LD...
    head_template = None

    def get_stylesheets(self, request=None):
        return self.stylesheets

    def get_scripts(self, request=None):
        return self.scripts

    def get_head_template(self, request=None):
        return self.head_template

    def get_json_ld(self, request=None):
        """The page's schema.org structured data as a dict (``None``: the page has none).

        Override to describe the page (``StoryPage`` gives an ``Article``, ``EventPage`` an ``Event``); the
        context then carries ``json_ld``, the ready ``<script>`` element, for the head template.
        """
        return None

    def json_ld_script(self, request=None):
        """:meth:`get_json_ld` as a ``<script type="application/ld+json">`` element (``""`` when there is none)."""
        return json_ld_script(self.get_json_ld(request))

    def get_sitemap_urls(self, request=None):
        """The page's ``sitemap.xml`` entry with its absolute URL and ``hreflang`` alternates (its live,
        public translations and ``x-default``); see :mod:`seismic_wagtail.core.sitemaps`. Return ``[]`` to
        leave a page type out of the sitemap."""
        from .sitemaps import sitemap_entry  # wagtail.contrib.sitemaps is only imported when a sitemap is served

        return [sitemap_entry(self, request)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(base_template_context(self, request))
        context["json_ld"] = self.json_ld_script(request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The language notice (seismic_wagtail/core/includes/fallback_notice.html) depends on the visitor's
        # language cookie and Accept-Language header: caches must keep one copy per preference.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
