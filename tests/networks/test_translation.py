"""wagtail-localize: what is translated and what is synchronised."""

import pytest
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import StringSegment, TranslationSource

from seismic_wagtail.networks.models import EventPage, NetworkMember, NetworkPage
from tests.factories.core import OrganisationFactory, ThemeFactory
from tests.factories.networks import (
    EventPageFactory,
    NetworkCoordinatorFactory,
    NetworkMemberFactory,
    NetworkThemeFactory,
)
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


def field_kinds(model):
    """Field name -> True when wagtail-localize synchronises it, False when it offers it for translation."""
    return {field.field_name: isinstance(field, SynchronizedField) for field in get_translatable_fields(model)}


def test_language_independent_fields_are_synchronised():
    network = field_kinds(NetworkPage)
    assert all(
        network[name] for name in ("country", "contact_email", "join_requests_open", "notify_contact_of_join_requests")
    )
    assert not any(network[name] for name in ("title", "intro", "body", "join_intro", "privacy_text"))
    event = field_kinds(EventPage)
    assert all(event[name] for name in ("start", "end", "all_day", "time_zone", "online_url", "registration_url"))
    assert not any(event[name] for name in ("title", "venue", "address", "description"))
    member = field_kinds(NetworkMember)
    assert member["show_publicly"] and member["person_name"]
    assert not any(member[name] for name in ("role", "project_title", "project_description", "city", "organisation"))


def test_segments_offered_for_translation(network):
    NetworkMemberFactory(page=network, role="Project lead", project_description="Urban gardens.", show_publicly=True)
    source, _created = TranslationSource.get_or_create_from_instance(network)
    strings = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Project lead", "Urban gardens.", network.title, network.intro} <= strings
    assert "network@example.org" not in strings and "AT" not in strings


@pytest.fixture
def translated_setup(network, network_index, locales):
    organisation = OrganisationFactory(name="Austrian Institute of Technology", acronym="AIT")
    theme = ThemeFactory(name="Urban mobility", slug="mobility")
    NetworkCoordinatorFactory(page=network, organisation=organisation)
    NetworkThemeFactory(page=network, theme=theme)
    NetworkMemberFactory(
        page=network,
        organisation=organisation,
        person_name="",
        role="Project lead",
        project_title="Car-free Sundays",
        project_description="Streets without cars once a month.",
        city="Vienna",
        show_publicly=True,
    )
    german_organisation = publish_translation(
        organisation, "de", {"Austrian Institute of Technology": "Österreichisches Institut für Technologie"}
    )
    german_theme = publish_translation(theme, "de", {"Urban mobility": "Urbane Mobilität"})
    publish_translation(network_index, "de")
    german = publish_translation(
        network,
        "de",
        {
            "SEiSMiC Austria": "SEiSMiC Österreich",
            "Project lead": "Projektleitung",
            "Car-free Sundays": "Autofreie Sonntage",
            "Streets without cars once a month.": "Einmal im Monat Straßen ohne Autos.",
            "Vienna": "Wien",
        },
    )
    return german, german_organisation, german_theme


def test_translation_points_rows_at_translated_snippets_and_translates_members(client, translated_setup, network):
    german, german_organisation, german_theme = translated_setup
    assert german.title == "SEiSMiC Österreich"
    assert german.country.code == "AT" and german.contact_email == network.contact_email
    assert german.get_coordinators() == [german_organisation]
    assert german.get_themes() == [german_theme]
    member = german.members.get()
    assert member.organisation == german_organisation
    assert (member.role, member.project_title, member.city) == ("Projektleitung", "Autofreie Sonntage", "Wien")
    assert member.project_description == "Einmal im Monat Straßen ohne Autos."
    assert member.show_publicly is True and member.locale.language_code == "de"

    html = client.get(german.url).content.decode()
    assert '<html lang="de">' in html
    assert "Österreichisches Institut für Technologie" in html and "Projektleitung" in html


def test_synchronised_fields_follow_the_source_on_update(translated_setup, network):
    german, _organisation, _theme = translated_setup
    member = network.members.get()
    member.show_publicly = False
    member.save()
    network.country = "DE"
    network.contact_email = "new@example.org"
    network.save_revision().publish()
    german = publish_translation(network, "de")
    assert german.country.code == "DE" and german.contact_email == "new@example.org"
    german_member = german.members.get()
    assert german_member.show_publicly is False
    assert german_member.role == "Projektleitung"  # the translation is kept


def test_event_translation_keeps_times_and_translates_venue(network, network_index, locales):
    event = EventPageFactory(
        parent=network, title="Workshop", venue="City Hall", online_url="https://meet.example.org/x"
    )
    publish_translation(network_index, "it")
    publish_translation(network, "it")
    italian = publish_translation(event, "it", {"Workshop": "Laboratorio", "City Hall": "Municipio"})
    assert (italian.title, italian.venue) == ("Laboratorio", "Municipio")
    assert (italian.start, italian.end, italian.time_zone) == (event.start, event.end, event.time_zone)
    assert italian.online_url == event.online_url
    assert italian.get_parent().locale.language_code == "it"
