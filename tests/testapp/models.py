"""Page types used only by the tests of generic mechanisms (search, translation reports, notices).

The package's own page types are tested in their apps' test folders; these stand in where a test needs a
plain translatable, searchable page with a country.
"""

from django.db import models
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from seismic_wagtail.core.pages import SeismicPageMixin


class SimpleTestPage(SeismicPageMixin, Page):
    """A translatable page with a text body and a country."""

    body = models.TextField(blank=True)
    country = CountryField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("body"), FieldPanel("country")]
    search_fields = Page.search_fields + [index.SearchField("body"), index.FilterField("locale")]
    template = "testapp/simple_test_page.html"
