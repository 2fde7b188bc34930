"""iCal files: valid RFC 5545 that the icalendar library parses, times that survive a DST change, stable UIDs."""

import datetime
import zoneinfo

import icalendar
import pytest

from tests.factories.networks import EventPageFactory, NetworkPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")


def fetch_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    # Every TZID used has its VTIMEZONE (RFC 5545 3.2.19).
    assert calendar.get_missing_tzids() == set()
    return calendar


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_event_ics_is_valid_and_describes_the_event(client, network):
    event = EventPageFactory(
        parent=network,
        title="Kick-off meeting",
        slug="kick-off",
        start=datetime.datetime(2026, 6, 3, 9, 30, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 6, 3, 17, 0, tzinfo=BRUSSELS),
        venue="Palais des Académies",
        address="Rue Ducale 1\n1000 Bruxelles",
        online_url="https://meet.example.org/kick-off",
        registration_url="https://example.org/register",
        description="<p>Meet the <b>other</b> members.</p>",
    )
    response = client.get(event.url + "event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="kick-off.ics"'
    component = only_event(fetch_calendar(client, event.url + "event.ics"))
    assert component["SUMMARY"] == "Kick-off meeting"
    assert component["UID"] == f"{event.translation_key}@localhost"
    assert component.start == datetime.datetime(2026, 6, 3, 9, 30, tzinfo=BRUSSELS)
    assert component.end == datetime.datetime(2026, 6, 3, 17, 0, tzinfo=BRUSSELS)
    assert component["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert component["LOCATION"] == "Palais des Académies, Rue Ducale 1 1000 Bruxelles"
    assert "Meet the other members." in component["DESCRIPTION"]
    assert "https://meet.example.org/kick-off" in component["DESCRIPTION"]
    assert component["URL"] == "http://testserver/networks/austria/kick-off/"
    assert "DTSTAMP" in component


def test_times_round_trip_across_the_dst_change(client, network):
    """Europe/Brussels moves from CET to CEST on 2026-03-29 at 02:00."""
    before = EventPageFactory(
        parent=network,
        start=datetime.datetime(2026, 3, 28, 10, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 3, 28, 12, 0, tzinfo=BRUSSELS),
    )
    after = EventPageFactory(
        parent=network,
        start=datetime.datetime(2026, 3, 30, 10, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 3, 30, 12, 0, tzinfo=BRUSSELS),
    )
    spanning = EventPageFactory(
        parent=network,
        start=datetime.datetime(2026, 3, 28, 18, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 3, 29, 12, 0, tzinfo=BRUSSELS),
    )
    for event in (before, after, spanning):
        event.refresh_from_db()  # as stored: UTC in the database
        component = only_event(fetch_calendar(client, event.url + "event.ics"))
        assert component.start == event.start and component.end == event.end
        assert component.start.utcoffset() == event.start.astimezone(BRUSSELS).utcoffset()

    assert only_event(fetch_calendar(client, before.url + "event.ics")).start.utcoffset() == datetime.timedelta(hours=1)
    assert only_event(fetch_calendar(client, after.url + "event.ics")).start.utcoffset() == datetime.timedelta(hours=2)
    spanning_component = only_event(fetch_calendar(client, spanning.url + "event.ics"))
    # 18:00 CET to 12:00 CEST is 17 hours, not 18: the lost hour is kept. (Python subtracts wall-clock times
    # of the same tzinfo, so compare in UTC.)
    duration = spanning_component.end.astimezone(datetime.UTC) - spanning_component.start.astimezone(datetime.UTC)
    assert duration == datetime.timedelta(hours=17)
    assert spanning_component.end.astimezone(datetime.UTC) == datetime.datetime(2026, 3, 29, 10, 0, tzinfo=datetime.UTC)


def test_vtimezone_carries_the_dst_rule(client, network):
    event = EventPageFactory(
        parent=network,
        start=datetime.datetime(2026, 3, 28, 18, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 3, 29, 12, 0, tzinfo=BRUSSELS),
    )
    calendar = fetch_calendar(client, event.url + "event.ics")
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/Brussels"
    # The time zone as a calendar application rebuilds it from the VTIMEZONE: CET, then CEST from 02:00.
    tz = vtimezone.to_tz()
    assert datetime.datetime(2026, 3, 29, 1, 30, tzinfo=tz).utcoffset() == datetime.timedelta(hours=1)
    assert datetime.datetime(2026, 3, 29, 3, 30, tzinfo=tz).utcoffset() == datetime.timedelta(hours=2)


def test_event_in_another_time_zone_keeps_its_own_zone(client, network):
    event = EventPageFactory(
        parent=network,
        start=datetime.datetime(2026, 9, 10, 14, 0, tzinfo=ISTANBUL),
        end=datetime.datetime(2026, 9, 10, 16, 0, tzinfo=ISTANBUL),
        time_zone="Europe/Istanbul",
    )
    component = only_event(fetch_calendar(client, event.url + "event.ics"))
    assert component["DTSTART"].params["TZID"] == "Europe/Istanbul"
    assert component.start == datetime.datetime(2026, 9, 10, 14, 0, tzinfo=ISTANBUL)
    html = client.get(event.url).content.decode()
    assert 'datetime="2026-09-10T14:00:00+03:00"' in html  # shown in the event's time zone


def test_all_day_event_uses_dates_with_exclusive_end(client, network):
    event = EventPageFactory(
        parent=network,
        all_day=True,
        start=datetime.datetime(2026, 3, 28, 0, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 3, 29, 23, 59, tzinfo=BRUSSELS),
    )
    component = only_event(fetch_calendar(client, event.url + "event.ics"))
    assert component["DTSTART"].params.get("VALUE") == "DATE"
    assert component.start == datetime.date(2026, 3, 28)
    assert component.end == datetime.date(2026, 3, 30)
    assert calendar_has_no_timezone(fetch_calendar(client, event.url + "event.ics"))


def calendar_has_no_timezone(calendar):
    return calendar.walk("VTIMEZONE") == []


def test_uid_is_stable_across_edits_moves_and_translations(client, network, network_index, locales):
    event = EventPageFactory(parent=network, title="Workshop", slug="workshop")
    uid = only_event(fetch_calendar(client, event.url + "event.ics"))["UID"]

    event.title = "Workshop (new date)"
    event.slug = "workshop-new-date"
    event.start = event.start + datetime.timedelta(days=7)
    event.end = event.end + datetime.timedelta(days=7)
    event.save_revision().publish()
    event.refresh_from_db()
    assert only_event(fetch_calendar(client, event.url + "event.ics"))["UID"] == uid

    other_network = NetworkPageFactory(parent=network_index, slug="other")
    event.move(other_network, pos="last-child")
    event.refresh_from_db()
    assert only_event(fetch_calendar(client, event.url + "event.ics"))["UID"] == uid

    publish_translation(network_index, "de")
    publish_translation(other_network, "de")
    german = publish_translation(event, "de", {"Workshop (new date)": "Werkstatt"})
    german_component = only_event(fetch_calendar(client, german.url + "event.ics"))
    assert german.url.startswith("/de/")
    assert german_component["UID"] == uid
    assert german_component["SUMMARY"] == "Werkstatt"
    assert german_component.start == event.start  # start and end are synchronised, not translated


def test_network_calendar_feed_lists_the_networks_events(client, network, network_index):
    first = EventPageFactory(
        parent=network,
        title="First",
        start=datetime.datetime(2026, 2, 1, 10, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 2, 1, 12, 0, tzinfo=BRUSSELS),
    )
    second = EventPageFactory(
        parent=network,
        title="Second",
        start=datetime.datetime(2026, 7, 1, 10, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 7, 1, 12, 0, tzinfo=BRUSSELS),
    )
    EventPageFactory(parent=network, title="Draft", live=False)
    other = NetworkPageFactory(parent=network_index, slug="elsewhere")
    EventPageFactory(parent=other, title="Elsewhere")

    response = client.get(network.url + "calendar.ics")
    assert response["Content-Disposition"].startswith("inline;")
    calendar = fetch_calendar(client, network.url + "calendar.ics")
    assert str(calendar["X-WR-CALNAME"]) == network.title
    assert "REFRESH-INTERVAL" in calendar
    events = calendar.walk("VEVENT")
    assert [str(component["SUMMARY"]) for component in events] == ["First", "Second"]
    assert {str(component["UID"]) for component in events} == {
        f"{first.translation_key}@localhost",
        f"{second.translation_key}@localhost",
    }
    assert len(calendar.walk("VTIMEZONE")) == 1  # one VTIMEZONE for both events, winter and summer


def test_empty_network_calendar_is_still_valid(client, network):
    calendar = fetch_calendar(client, network.url + "calendar.ics")
    assert calendar.walk("VEVENT") == []


def test_ical_links_on_the_pages(client, network):
    event = EventPageFactory(parent=network, slug="talk")
    assert 'href="/networks/austria/calendar.ics"' in client.get(network.url).content.decode()
    assert 'href="/networks/austria/talk/event.ics"' in client.get(event.url).content.decode()


def test_unpublished_event_has_no_ics(client, network):
    event = EventPageFactory(parent=network, slug="secret", live=False)
    assert client.get("/networks/austria/secret/event.ics").status_code == 404
    assert event.pk
