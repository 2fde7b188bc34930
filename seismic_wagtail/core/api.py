"""The read API's shared parts, on Wagtail's own API framework (``wagtail.api.v2``).

:mod:`seismic_wagtail.core.api_urls` mounts one ``WagtailAPIRouter`` (namespace ``seismic_api``) and lets
every installed app of the package register its endpoints: an app's ``api`` module has a
``register_endpoints(router)`` function (:func:`api_apps` finds them, as ``core.roles.role_apps`` finds the
``roles`` modules), and its endpoints subclass :class:`SeismicPagesAPIViewSet`. Core names no domain app.

What an endpoint gets from :class:`SeismicPagesAPIViewSet`:

* one page type (:attr:`~SeismicPagesAPIViewSet.model`), live and public, of the request's site, in a
  fixed order (:attr:`~SeismicPagesAPIViewSet.ordering`);
* the page model's ``api_fields`` in the listing as well as the detail, and ``meta.translations`` (the
  item's other language versions, for a whole page of results in one query: :func:`attach_translations`);
* Wagtail's filters (``?locale=sv``, ``?translation_of=``, ``?search=``, ``?fields=``, ``?order=``, fields
  such as ``?country=AT``) and the facets of :attr:`~SeismicPagesAPIViewSet.facet_filters` (``?theme=``);
* absolute URLs from the request's host (``meta.html_url``), never from the ``Site`` record.

To change an endpoint, subclass it in your project and register yours under the same name in a module of
your own (``router.register_endpoint("stories", MyStoriesAPIViewSet)``), or override
:meth:`~SeismicPagesAPIViewSet.get_listing_queryset` to prefetch what your extra ``api_fields`` need.
"""

from importlib import import_module
from urllib.parse import urlsplit

from django.apps import apps
from django.utils.module_loading import module_has_submodule
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.serializers import DetailUrlField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from .api_fields import RequestHostPageUrlField, TranslationsField, absolute_url
from .apps import SeismicAppConfig


def api_apps():
    """The package's other installed apps that have an ``api`` module, in ``demo_order`` (core's is this one)."""
    configs = sorted(
        (config for config in apps.get_app_configs() if isinstance(config, SeismicAppConfig)),
        key=lambda config: config.demo_order,
    )
    return [
        config for config in configs if f"{config.name}.api" != __name__ and module_has_submodule(config.module, "api")
    ]


def register_endpoints(router):
    """Register every installed app's endpoints with ``router`` (each ``api`` module's ``register_endpoints``)."""
    for config in api_apps():
        module = import_module(f"{config.name}.api")
        register = getattr(module, "register_endpoints", None)
        if register is not None:
            register(router)
    return router


def attach_translations(pages, base_queryset):
    """Give each of ``pages`` its other live, public language versions (``_seismic_api_translations``, read by
    :class:`~.api_fields.TranslationsField`): one query for all of them, however many pages there are.

    ``base_queryset``: the pages the API may show (Wagtail's public pages of the request's site).
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return pages
    keys = {page.translation_key for page in pages}
    by_key = {}
    translations = (
        base_queryset.filter(translation_key__in=keys)
        .select_related("locale")
        .only("id", "translation_key", "url_path", "locale__language_code", "depth", "path")
        .order_by("locale__language_code", "pk")
    )
    for translation in translations:
        by_key.setdefault(translation.translation_key, []).append(translation)
    for page in pages:
        page._seismic_api_translations = [
            translation for translation in by_key.get(page.translation_key, []) if translation.pk != page.pk
        ]
    return pages


class RequestHostDetailUrlField(DetailUrlField):
    """Wagtail's ``detail_url`` with the request's host (or ``WAGTAILAPI_BASE_URL``), not the ``Site`` record's."""

    def to_representation(self, url):
        return absolute_url(self.context.get("request"), urlsplit(url).path)


class FacetFilter(BaseFilterBackend):
    """The facets of an endpoint as query parameters: ``view.facet_filters`` maps a parameter to the lookup
    of its value (``{"theme": "story_themes__theme__slug"}``); several values, comma-separated, match any.

    A subquery on the page ids, so a page with two matching rows is listed once and pagination stays exact.
    """

    def filter_queryset(self, request, queryset, view):
        for parameter, lookup in getattr(view, "facet_filters", {}).items():
            raw = request.GET.get(parameter)
            if raw is None:
                continue
            values = [value.strip() for value in raw.split(",") if value.strip()]
            matching = queryset.model.objects.filter(**{f"{lookup}__in": values}).values("pk")
            queryset = queryset.filter(pk__in=matching)
        return queryset


class SeismicPagesAPIViewSet(PagesAPIViewSet):
    """Base of the package's endpoints: one page type (:attr:`model`), its ``api_fields`` in listings,
    translations, facets and a flat number of queries. Subclasses set :attr:`model` and :attr:`name`, and
    may set :attr:`facet_filters`, :attr:`ordering`, :attr:`listing_related` / :attr:`listing_prefetch`."""

    model = Page
    #: Query parameter -> lookup (see :class:`FacetFilter`).
    facet_filters = {}
    #: The default order of the listing (``?order=`` overrides it).
    ordering = ("-first_published_at", "pk")
    #: ``select_related`` / ``prefetch_related`` of the listing, so it needs no query per item.
    listing_related = ("locale",)
    listing_prefetch = ()

    filter_backends = [FacetFilter, *PagesAPIViewSet.filter_backends]
    # ``?type=`` would swap the endpoint's page type for another one: each endpoint serves its own.
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"type"}).union(["theme"])
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translations"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "detail_url": RequestHostDetailUrlField(read_only=True),
            "html_url": RequestHostPageUrlField(read_only=True),
            "translations": TranslationsField(read_only=True),
        }

    @classmethod
    def get_listing_default_fields(cls, model):
        """Wagtail's listing fields plus the page model's own ``api_fields`` (the listing is what a partner site
        reads; ``?fields=`` still narrows it)."""
        fields = super().get_listing_default_fields(model)
        own = [field.name for field in cls._convert_api_fields(getattr(model, "api_fields", ()))]
        own += [field.name for field in cls._convert_api_fields(getattr(model, "api_meta_fields", ()))]
        return fields + [name for name in own if name not in fields and name not in cls.detail_only_fields]

    def get_base_queryset(self):
        """Wagtail's public pages of the request's site, computed once per request (it costs a few queries)."""
        if not hasattr(self, "_seismic_base_queryset"):
            self._seismic_base_queryset = super().get_base_queryset()
        return self._seismic_base_queryset

    def get_listing_queryset(self, queryset):
        """``queryset`` with what serialising an item needs. Override to add your own prefetches."""
        queryset = queryset.select_related(*self.listing_related)
        if self.listing_prefetch:
            queryset = queryset.prefetch_related(*self.listing_prefetch)
        return queryset

    def get_queryset(self):
        queryset = self.model.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        return self.get_listing_queryset(queryset).order_by(*self.ordering)

    def prepare_items(self, pages):
        """Called with the pages about to be serialised (a page of the listing, or the detail's one page):
        fetch for all of them at once what their fields read. Attaches the translations; extend with
        ``super()``."""
        return attach_translations(pages, self.get_base_queryset())

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        return self.prepare_items(list(page))  # a list: the serializer reads the same objects, no second query

    def get_object(self):
        instance = super().get_object()
        if not hasattr(instance, "_seismic_api_translations"):
            self.prepare_items([instance])
        return instance
