"""The networks and events endpoints: shape, facets, translations, no members or join requests, flat queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.core import OrganisationFactory
from tests.factories.networks import (
    EventPageFactory,
    NetworkCoordinatorFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
    NetworkThemeFactory,
)
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


def test_a_network_carries_its_public_fields(get_json, austria):
    NetworkCoordinatorFactory(page=austria, organisation=OrganisationFactory(name="Austrian Institute", acronym="AIT"))
    [item] = get_json("networks/")["items"]
    assert item["id"] == austria.pk
    assert item["title"] == "SEiSMiC Austria"
    assert item["country"] == "AT"
    assert item["intro"] == austria.intro
    # The page shows its contact publicly (network_page.html).
    assert (item["contact_name"], item["contact_email"]) == ("Network office", "network@example.org")
    assert item["theme_slugs"] == ["mobility"]
    assert item["coordinator_names"] == ["Austrian Institute (AIT)"]
    assert item["meta"]["html_url"] == "http://testserver/networks/austria/"
    assert "members" not in item and "join_requests_open" not in item and "body" not in item


def test_network_facets(get_json, austria, network_index, themes):
    sweden = NetworkPageFactory(parent=network_index, slug="sweden", country="SE")
    NetworkThemeFactory(page=sweden, theme=themes["housing"])

    def ids(**params):
        return [item["id"] for item in get_json("networks/", **params)["items"]]

    assert ids() == [austria.pk, sweden.pk]
    assert ids(country="SE") == [sweden.pk]
    assert ids(theme="mobility") == [austria.pk]
    assert ids(theme="housing", country="AT") == []


def test_network_translations_and_locale(get_json, austria, locales):
    german = publish_translation(austria, "de")
    [item] = get_json("networks/", locale="de")["items"]
    assert item["id"] == german.pk
    assert item["meta"]["translations"] == [
        {"locale": "en", "id": austria.pk, "url": "http://testserver/networks/austria/"}
    ]


def test_events_soonest_first_with_their_network(get_json, austria):
    later = EventPageFactory(parent=austria, title="Later", online_url="https://meet.example/later")
    sooner = EventPageFactory(
        parent=austria,
        title="Sooner",
        start=timezone.now() + datetime.timedelta(days=2),
        end=timezone.now() + datetime.timedelta(days=3),
        all_day=True,
        registration_url="https://register.example/",
    )
    items = get_json("events/")["items"]
    assert [item["id"] for item in items] == [sooner.pk, later.pk]
    first = items[0]
    assert first["all_day"] is True
    assert first["time_zone"] == "Europe/Brussels"
    assert first["venue"] == "City Hall"
    assert first["registration_url"] == "https://register.example/"
    assert first["network_key"] == str(austria.translation_key)
    assert datetime.datetime.fromisoformat(first["start"]) == sooner.start
    assert datetime.datetime.fromisoformat(items[1]["end"]) == later.end
    assert items[1]["online_url"] == "https://meet.example/later"
    assert "address" not in first and "description" not in first
    detail = get_json(f"events/{sooner.pk}/")
    assert detail["network_key"] == str(austria.translation_key)
    assert [item["id"] for item in get_json("events/", order="-start")["items"]] == [later.pk, sooner.pk]


def flat(client, django_assert_num_queries, url, add, total):
    add(3)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    three = len(queries)  # now: the log keeps the last 9000 queries, and adding pages makes many
    add(9)
    client.get(url)
    with django_assert_num_queries(three):
        data = client.get(url).json()
    assert data["meta"]["total_count"] == total


def test_network_listing_queries_are_flat(client, django_assert_num_queries, network_index, themes, locales):
    def add(count):
        for _ in range(count):
            network = NetworkPageFactory(parent=network_index)
            NetworkThemeFactory(page=network, theme=themes["mobility"])
            NetworkCoordinatorFactory(page=network)
            NetworkMemberFactory(page=network)
            publish_translation(network, "de")

    flat(client, django_assert_num_queries, "/api/seismic/v2/networks/?limit=20", add, 24)


def test_event_listing_queries_are_flat(client, django_assert_num_queries, network_index, locales):
    def add(count):
        network = NetworkPageFactory(parent=network_index)
        for _ in range(count):
            publish_translation(EventPageFactory(parent=network), "de")

    flat(client, django_assert_num_queries, "/api/seismic/v2/events/?limit=20", add, 24)
