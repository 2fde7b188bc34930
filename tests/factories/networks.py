"""Factories of ``seismic_wagtail.networks``: network index and pages, their inline rows, events, join requests."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from seismic_wagtail.networks.models import (
    EventPage,
    NetworkCoordinator,
    NetworkIndexPage,
    NetworkJoinRequest,
    NetworkMember,
    NetworkPage,
    NetworkTheme,
)
from tests.factories.core import OrganisationFactory, ThemeFactory


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
