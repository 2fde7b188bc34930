"""The networks and events endpoints of the read API (``/api/seismic/v2/networks/``, ``events/``; see
``seismic_wagtail.core.api``).

Networks in the editors' order (the page tree), with ``?theme=<slug>`` and ``?country=AT``; events soonest
first, each with its network's translation key. Members and join requests are never served: they are not in
the pages' ``api_fields``, and the endpoints serve only page types. Subclass :class:`NetworksAPIViewSet` or
:class:`EventsAPIViewSet` and register yours under ``"networks"`` / ``"events"`` to change them.
"""

from django.db.models import Prefetch

from seismic_wagtail.core.api import SeismicPagesAPIViewSet

from .models import EventPage, NetworkCoordinator, NetworkPage, NetworkTheme


class NetworksAPIViewSet(SeismicPagesAPIViewSet):
    """National networks."""

    name = "networks"
    model = NetworkPage
    facet_filters = {"theme": "network_themes__theme__slug"}
    ordering = ("path",)

    def get_listing_queryset(self, queryset):
        return (
            super()
            .get_listing_queryset(queryset)
            .defer_streamfields()
            .prefetch_related(
                Prefetch(
                    "network_themes",
                    queryset=NetworkTheme.objects.select_related("theme").order_by("sort_order", "pk"),
                ),
                Prefetch(
                    "coordinators",
                    queryset=NetworkCoordinator.objects.select_related("organisation").order_by("sort_order", "pk"),
                ),
            )
        )


class EventsAPIViewSet(SeismicPagesAPIViewSet):
    """Events of the networks, soonest first (``?order=-start`` for the latest first)."""

    name = "events"
    model = EventPage
    ordering = ("start", "pk")

    def get_listing_queryset(self, queryset):
        return super().get_listing_queryset(queryset).defer_streamfields()

    def prepare_items(self, pages):
        """Also give each event its network page (``EventPage.network``), for all of them in one query."""
        pages = super().prepare_items(pages)
        parent_paths = {page.path[: -page.steplen] for page in pages}
        networks = {network.path: network for network in NetworkPage.objects.filter(path__in=parent_paths)}
        for page in pages:
            page.network = networks.get(page.path[: -page.steplen])
        return pages


def register_endpoints(router):
    router.register_endpoint("networks", NetworksAPIViewSet)
    router.register_endpoint("events", EventsAPIViewSet)
