"""factory-boy / wagtail-factories factories for every model of the package.

Translatable models default to the default locale (English); pass ``locale=`` for another.
Sections are kept per app; add a model's factory in its app's section when the model is added.
"""

import factory
import wagtail_factories
from wagtail.models import Locale

from seismic_wagtail.core.models import Organisation, OrganisationType, Theme


class LocaleDefaultMixin(factory.django.DjangoModelFactory):
    """Sets ``locale`` to the site's default locale unless one is given."""

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


# --- core --------------------------------------------------------------------------------------------


class ThemeFactory(LocaleDefaultMixin):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "An urban challenge of the agenda."

    class Meta:
        model = Theme


class OrganisationFactory(LocaleDefaultMixin):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    organisation_type = OrganisationType.RESEARCH_INSTITUTE
    country = "AT"
    city = "Vienna"
    website = "https://example.org/"

    class Meta:
        model = Organisation


class ImageFactory(wagtail_factories.ImageFactory):
    """A real (tiny) image file in the in-memory storage of the test settings."""


# --- networks ----------------------------------------------------------------------------------------

# --- stories -----------------------------------------------------------------------------------------

# --- consultations -----------------------------------------------------------------------------------


# --- search ------------------------------------------------------------------------------------------


class SearchPageFactory(wagtail_factories.PageFactory):
    title = "Search"
    slug = "search"

    class Meta:
        model = "seismic_search.SearchPage"


class SearchTestEventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test event {n}")
    summary = "An event of the network."

    class Meta:
        model = "searchapp.SearchTestEventPage"


# --- test app ----------------------------------------------------------------------------------------


class SimpleTestPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test page {n}")
    body = "A page body."

    class Meta:
        model = "testapp.SimpleTestPage"
