"""Factories of ``seismic_wagtail.search`` and of the search test app's page type."""

import factory
import wagtail_factories

from seismic_wagtail.search.models import SearchPage
from tests.searchapp.models import SearchTestEventPage


class SearchPageFactory(wagtail_factories.PageFactory):
    title = "Search"
    slug = "search"

    class Meta:
        model = SearchPage


class SearchTestEventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test event {n}")
    summary = "An event of the network."

    class Meta:
        model = SearchTestEventPage
