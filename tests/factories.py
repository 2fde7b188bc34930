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

import datetime  # noqa: E402 (imports of this section kept in it, to keep the sections apart)

from django.utils import timezone  # noqa: E402

from seismic_wagtail.networks.models import (  # noqa: E402
    EventPage,
    NetworkCoordinator,
    NetworkIndexPage,
    NetworkJoinRequest,
    NetworkMember,
    NetworkPage,
    NetworkTheme,
)


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Networks"
    intro = "<p>The national networks of SEiSMiC.</p>"

    class Meta:
        model = NetworkIndexPage


class NetworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Network {n}")
    country = "AT"
    intro = "Urban actors who run innovative projects in their cities."
    contact_name = "Network office"
    contact_email = "network@example.org"

    class Meta:
        model = NetworkPage


class NetworkCoordinatorFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NetworkPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = NetworkCoordinator


class NetworkThemeFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NetworkPageFactory)
    theme = factory.SubFactory(ThemeFactory)

    class Meta:
        model = NetworkTheme


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NetworkPageFactory)
    person_name = factory.Sequence(lambda n: f"Member {n}")
    role = "Project lead"
    project_title = factory.Sequence(lambda n: f"Project {n}")
    project_description = "A neighbourhood project that brings residents and the city together."
    city = "Vienna"
    show_publicly = True

    class Meta:
        model = NetworkMember


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    time_zone = "Europe/Brussels"
    venue = "City Hall"
    address = "Grand-Place 1\n1000 Brussels"
    description = "<p>A workshop of the network.</p>"

    class Meta:
        model = EventPage


class NetworkJoinRequestFactory(factory.django.DjangoModelFactory):
    network = factory.SubFactory(NetworkPageFactory)
    name = factory.Sequence(lambda n: f"Applicant {n}")
    organisation = "Neighbourhood association"
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    city = "Graz"
    project_description = "Community gardens on vacant lots."
    consent = True
    language = "en"

    class Meta:
        model = NetworkJoinRequest

# --- stories -----------------------------------------------------------------------------------------

# --- consultations -----------------------------------------------------------------------------------


# --- test app ----------------------------------------------------------------------------------------


class SimpleTestPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test page {n}")
    body = "A page body."

    class Meta:
        model = "testapp.SimpleTestPage"
