"""What visitors see on the network index and network pages."""

import datetime

import pytest
from django.utils import timezone

from tests.factories.core import OrganisationFactory
from tests.factories.networks import (
    EventPageFactory,
    NetworkCoordinatorFactory,
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
)
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


def make_networks(index, count):
    for number in range(count):
        network = NetworkPageFactory(parent=index, title=f"Network {number:02d}", country="AT")
        NetworkCoordinatorFactory(page=network)
        NetworkCoordinatorFactory(page=network)
        NetworkMemberFactory(page=network)
        NetworkMemberFactory(page=network, show_publicly=False)


def test_index_lists_networks_with_country_coordinators_and_public_member_count(client, network_index):
    network = NetworkPageFactory(parent=network_index, title="SEiSMiC Italia", country="IT")
    NetworkCoordinatorFactory(page=network, organisation=OrganisationFactory(name="Cittalia", acronym="Cittalia"))
    NetworkMemberFactory.create_batch(3, page=network)
    NetworkMemberFactory(page=network, show_publicly=False)
    NetworkPageFactory(parent=network_index, title="Draft network", live=False)

    response = client.get(network_index.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "SEiSMiC Italia" in html and "Italy" in html and "Cittalia" in html
    assert "<dt>Members</dt><dd>3</dd>" in html
    assert "Draft network" not in html


def test_index_lists_only_networks_of_its_locale(client, network_index, locales):
    network = NetworkPageFactory(parent=network_index, title="SEiSMiC Sverige", country="SE")
    german_index = publish_translation(network_index, "de", {"Networks": "Netzwerke"})
    publish_translation(network, "de", {"SEiSMiC Sverige": "SEiSMiC Schweden"})

    german_networks = list(german_index.get_networks())
    assert [page.title for page in german_networks] == ["SEiSMiC Schweden"]
    assert all(page.locale == locales["de"] for page in german_networks)
    response = client.get(german_index.url)
    assert "SEiSMiC Schweden" in response.content.decode()
    assert "SEiSMiC Sverige" not in response.content.decode()


def test_index_queries_do_not_grow_with_the_number_of_networks(client, root_page, django_assert_num_queries):
    small = NetworkIndexPageFactory(parent=root_page, slug="small")
    large = NetworkIndexPageFactory(parent=root_page, slug="large")
    make_networks(small, 3)
    make_networks(large, 12)
    client.get(small.url)  # warm the site-root-paths cache, as a running site has it

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small_queries:
        response = client.get(small.url)
    assert response.content.decode().count('class="seismic-network-summary"') == 3
    with django_assert_num_queries(len(small_queries)):
        response = client.get(large.url)
    assert response.content.decode().count('class="seismic-network-summary"') == 12


def test_network_page_shows_only_public_members(client, network):
    NetworkMemberFactory(page=network, person_name="Listed Person", project_title="Green roofs")
    NetworkMemberFactory(page=network, person_name="Hidden Person", show_publicly=False)
    html = client.get(network.url).content.decode()
    assert "Listed Person" in html and "Green roofs" in html
    assert "Hidden Person" not in html


def test_network_page_lists_upcoming_and_past_events(client, network):
    now = timezone.now()
    EventPageFactory(parent=network, title="Next week", start=now + datetime.timedelta(days=7))
    EventPageFactory(parent=network, title="Tomorrow", start=now + datetime.timedelta(days=1))
    EventPageFactory(
        parent=network,
        title="Going on now",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    EventPageFactory(parent=network, title="Last year", start=now - datetime.timedelta(days=365))
    EventPageFactory(parent=network, title="Unpublished", live=False)

    assert [e.title for e in network.get_upcoming_events()] == ["Going on now", "Tomorrow", "Next week"]
    assert [e.title for e in network.get_past_events()] == ["Last year"]
    html = client.get(network.url).content.decode()
    upcoming, past = html.split('id="past-events"')
    assert "Tomorrow" in upcoming and "Last year" in past and "Unpublished" not in html


def test_network_page_without_events_says_so(client, network):
    html = client.get(network.url).content.decode()
    assert "No upcoming events at the moment." in html
    assert 'id="past-events"' not in html


def test_latest_stories_are_empty_until_the_stories_app_has_story_pages(network):
    # The stories app is installed in the test settings but (on this branch) has no StoryPage model yet.
    assert network.get_latest_stories() == []


def test_join_link_hidden_when_join_requests_are_closed(client, network):
    assert "/join/" in client.get(network.url).content.decode()
    network.join_requests_open = False
    network.save_revision().publish()
    assert "/join/" not in client.get(network.url).content.decode()
    response = client.get(network.url + "join/")
    assert response.status_code == 302 and response["Location"] == network.url


def test_translated_index_points_to_networks_not_yet_in_its_language(client, network_index, locales):
    austria = NetworkPageFactory(parent=network_index, title="SEiSMiC Austria", country="AT")
    NetworkPageFactory(parent=network_index, title="SEiSMiC Italy", slug="italy", country="IT")
    german_index = publish_translation(network_index, "de", {"Networks": "Netzwerke"})
    publish_translation(austria, "de", {"SEiSMiC Austria": "SEiSMiC Österreich"})

    assert [page.title for page in german_index.get_untranslated_networks()] == ["SEiSMiC Italy"]
    assert list(network_index.get_untranslated_networks()) == []
    html = client.get(german_index.url).content.decode()
    own, others = html.split('id="other-networks"')
    assert "SEiSMiC Österreich" in own and "SEiSMiC Italy" not in own
    assert '<h3 lang="en"><a href="/networks/italy/">SEiSMiC Italy</a></h3>' in others


def test_event_page_has_schema_org_event(client, network):
    import json
    import re

    event = EventPageFactory(
        parent=network,
        title="Hybrid workshop",
        start=datetime.datetime(2026, 10, 24, 9, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2026, 10, 24, 15, 0, tzinfo=datetime.UTC),
        time_zone="Europe/Brussels",
        venue="Bozar",
        address="Rue Ravenstein 23\n1000 Brussels",
        online_url="https://meet.example.org/hybrid",
        description="<p>Bring <i>your</i> project.</p>",
    )
    html = client.get(event.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == "Hybrid workshop"
    assert data["startDate"] == "2026-10-24T11:00:00+02:00"  # in the event's time zone
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["name"] == "Bozar" and data["location"][1]["url"] == "https://meet.example.org/hybrid"
    assert data["description"] == "Bring your project."
    assert data["organizer"]["name"] == network.title


def test_json_ld_escapes_html(network):
    event = EventPageFactory(parent=network, title="</script><script>alert(1)</script>")
    script = event.json_ld_script()
    assert script.count("</script>") == 1 and "\\u003C/script\\u003E" in script
