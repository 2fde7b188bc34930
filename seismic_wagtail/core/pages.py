"""What every page type of the package shares.

:class:`SeismicPageMixin` gives a page the context its templates need to extend the site's base template
(``SEISMIC_WAGTAIL["BASE_TEMPLATE"]``). Domain page types put it first in their bases::

    class StoryPage(SeismicPageMixin, Page):
        template = "seismic_wagtail/stories/story_page.html"
"""

from django.utils.cache import patch_vary_headers

from .conf import get_setting


def base_template_context():
    """The context keys that ``seismic_wagtail/core/page.html`` reads. Views outside pages add these too."""
    return {
        "seismic_base_template": get_setting("BASE_TEMPLATE"),
        "seismic_include_css": get_setting("INCLUDE_CSS"),
    }


class SeismicPageMixin:
    """Mixin for the package's page types. Override :meth:`get_context` as usual; call ``super()``."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(base_template_context())
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The language notice (seismic_wagtail/core/includes/fallback_notice.html) depends on the visitor's
        # language cookie and Accept-Language header: caches must keep one copy per preference.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
