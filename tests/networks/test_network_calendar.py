"""The network-wide calendar: <network index url>calendar.ics, one feed of all the networks' events."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories.networks import EventPageFactory, NetworkPageFactory
from tests.translations import publish_translation

from .test_ical import BRUSSELS, ISTANBUL
from .test_ical import fetch_calendar as fetch_valid_calendar

pytestmark = pytest.mark.django_db


def fetch_calendar(client, url):
    """The network-wide calendar, checked as every calendar (:func:`.test_ical.fetch_calendar`), served inline."""
    response = client.get(url)
    assert response["Content-Disposition"] == 'inline; filename="networks.ics"'
    return fetch_valid_calendar(client, url)


def event(parent, title, day, zone=BRUSSELS, **kwargs):
    return EventPageFactory(
        parent=parent,
        title=title,
        start=datetime.datetime(*day, 10, 0, tzinfo=zone),
        end=datetime.datetime(*day, 12, 0, tzinfo=zone),
        time_zone=str(zone),
        **kwargs,
    )


@pytest.fixture
def turkey(network_index):
    return NetworkPageFactory(parent=network_index, title="SEiSMiC Turkey", slug="turkey", country="TR")


def test_lists_the_events_of_every_network(client, network_index, network, turkey):
    past = event(network, "Austrian kick-off", (2020, 3, 2))  # past events stay, as in each network's calendar
    future = event(turkey, "Istanbul workshop", (2099, 6, 3), zone=ISTANBUL)
    event(network, "Draft", (2099, 1, 1), live=False)
    private = event(turkey, "Members only", (2099, 2, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    calendar = fetch_calendar(client, network_index.url + "calendar.ics")
    assert str(calendar["X-WR-CALNAME"]) == network_index.title
    assert "REFRESH-INTERVAL" in calendar
    components = calendar.walk("VEVENT")
    assert [str(component["SUMMARY"]) for component in components] == ["Austrian kick-off", "Istanbul workshop"]
    assert {str(component["UID"]) for component in components} == {
        f"{past.translation_key}@localhost",
        f"{future.translation_key}@localhost",
    }
    assert components[1].start == datetime.datetime(2099, 6, 3, 10, 0, tzinfo=ISTANBUL)
    assert str(components[1]["URL"]) == "http://testserver/networks/turkey/istanbul-workshop/"
    assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == {"Europe/Brussels", "Europe/Istanbul"}
    # Each network's own calendar still has only its events.
    own = icalendar.Calendar.from_ical(client.get(network.url + "calendar.ics").content)
    assert [str(component["SUMMARY"]) for component in own.walk("VEVENT")] == ["Austrian kick-off"]


def test_translated_index_lists_its_language_and_the_untranslated_rest(client, locales, network_index, network, turkey):
    translated = event(network, "Workshop", (2099, 5, 1))
    untranslated = event(turkey, "Istanbul workshop", (2099, 6, 3))
    german_index = publish_translation(network_index, locales["de"], {"Networks": "Netzwerke"})
    publish_translation(network, locales["de"])
    publish_translation(translated, locales["de"], {"Workshop": "Werkstatt"})

    response = client.get(german_index.url + "calendar.ics")
    assert response.status_code == 200
    components = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    # The German translation of the Austrian event (one UID: the same event), the Turkish one in English.
    assert [str(component["SUMMARY"]) for component in components] == ["Werkstatt", "Istanbul workshop"]
    assert str(components[0]["UID"]) == f"{translated.translation_key}@localhost"
    assert str(components[1]["UID"]) == f"{untranslated.translation_key}@localhost"
    assert str(components[0]["URL"]).startswith("http://testserver/de/")


def test_empty_calendar_is_valid(client, network_index):
    assert fetch_calendar(client, network_index.url + "calendar.ics").walk("VEVENT") == []


def test_query_count_is_flat_in_the_number_of_events(client, network_index, network, turkey):
    url = network_index.url + "calendar.ics"
    event(network, "One", (2099, 1, 1))
    event(turkey, "Two", (2099, 1, 2))
    client.get(url)  # fills Wagtail's cache of the site root paths

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    for day in range(3, 9):
        event(network if day % 2 else turkey, f"Event {day}", (2099, 1, day))
    assert count() == before


def test_linked_from_the_network_index(client, network_index, network):
    html = client.get(network_index.url).content.decode()
    assert """<a href="/networks/calendar.ics">Subscribe to all networks' events (iCal)</a>""" in html
    assert (
        '<link rel="alternate" type="text/calendar" title="Events of all networks" href="/networks/calendar.ics">'
        in html
    )
