"""The stories endpoint of the read API (``/api/seismic/v2/stories/``, see ``seismic_wagtail.core.api``).

Live, public stories of the request's site, newest first, with their ``api_fields``
(:attr:`StoryPage.api_fields <seismic_wagtail.stories.models.StoryPage.api_fields>`), their translations and
the facets ``?theme=<slug>`` and ``?country=AT``. A listing takes the same number of queries for 3 stories
as for 20: locale, network, themes, organisations and hero image renditions are fetched for the whole page.
Subclass :class:`StoriesAPIViewSet` and register it under ``"stories"`` to change it.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from seismic_wagtail.core.api import SeismicPagesAPIViewSet

from .models import API_IMAGE_FILTER, StoryPage, StoryPageOrganisation, StoryPageTheme


class StoriesAPIViewSet(SeismicPagesAPIViewSet):
    """Good-practice stories."""

    name = "stories"
    model = StoryPage
    facet_filters = {"theme": "story_themes__theme__slug"}
    listing_related = ("locale", "network", "syndication")
    #: The body (the portable StreamField, :mod:`seismic_wagtail.core.portable`) is in the detail only: the
    #: listing defers StreamFields, and a partner fetches the detail of a story it copies.
    detail_only_fields = [*SeismicPagesAPIViewSet.detail_only_fields, "body"]

    def get_listing_queryset(self, queryset):
        return (
            super()
            .get_listing_queryset(queryset)
            .defer_streamfields()
            .prefetch_related(
                Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(API_IMAGE_FILTER)),
                Prefetch(
                    "story_themes",
                    queryset=StoryPageTheme.objects.select_related("theme").order_by("sort_order", "pk"),
                ),
                Prefetch(
                    "story_organisations",
                    queryset=StoryPageOrganisation.objects.select_related("organisation").order_by("sort_order", "pk"),
                ),
            )
        )


def register_endpoints(router):
    router.register_endpoint("stories", StoriesAPIViewSet)
