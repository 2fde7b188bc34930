"""A second searchable page type for the search tests (facets need two types), test-only.

The package's real page types (networks, stories, consultations) are searched through the
``SEARCH_MODELS`` setting; these tests use :class:`tests.testapp.models.SimpleTestPage` and this page.
"""

from django.db import models
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from seismic_wagtail.core.pages import SeismicPageMixin


class SearchTestEventPage(SeismicPageMixin, Page):
    """An event-like page with a summary, a venue and a country (a ``CountryField`` filter, like networks)."""

    summary = models.TextField(blank=True)
    venue = models.CharField(max_length=200, blank=True)
    country = CountryField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("venue"), FieldPanel("country")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue", boost=2),
        index.FilterField("country"),
    ]
    template = "searchapp/search_test_event_page.html"

    class Meta:
        verbose_name = "test event"
        verbose_name_plural = "test events"
