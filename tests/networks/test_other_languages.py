"""Nothing hidden by language on a network page (issue #16): the network's stories and events that exist only in
other languages are listed in labelled sections, one version of each, with their language."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.networks import EventPageFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


def event_times(days):
    start = timezone.now() + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=2)}


@pytest.fixture
def swedish_network(network, locales, root_page):
    """The Austrian network in English and Swedish, with events and stories in English only, in both, and in
    German only (about the network, in a German story index)."""
    upcoming = EventPageFactory(parent=network, title="Upcoming in English", **event_times(10))
    past = EventPageFactory(parent=network, title="Past in English", **event_times(-10))
    translated = EventPageFactory(parent=network, title="Translated event", **event_times(20))
    swedish = publish_translation(network, locales["sv"], {"SEiSMiC Austria": "SEiSMiC Österrike"})
    publish_translation(translated, locales["sv"], {"Translated event": "Översatt evenemang"})
    stories = StoryIndexPageFactory(parent=root_page, slug="stories")
    english_story = StoryPageFactory(parent=stories, title="Story in English", network=network)
    both = StoryPageFactory(parent=stories, title="Story in both", network=network)
    publish_translation(both, locales["sv"], {"Story in both": "Berättelse på båda"})
    german_stories = publish_translation(stories, locales["de"])
    german_story = StoryPageFactory(parent=german_stories, title="Geschichte", network=network)
    StoryPageFactory(parent=stories, title="Another network's story")
    return {
        "page": swedish,
        "upcoming": upcoming,
        "past": past,
        "english_story": english_story,
        "german_story": german_story,
    }


def test_a_swedish_visitor_sees_the_networks_events_and_stories_in_other_languages(client, swedish_network):
    response = client.get(swedish_network["page"].url)
    context = response.context
    assert [event.title for event in context["upcoming_events"]] == ["Översatt evenemang"]
    assert [event.title for event in context["other_language_upcoming_events"]] == ["Upcoming in English"]
    assert [event.title for event in context["other_language_past_events"]] == ["Past in English"]
    assert [story.title for story in context["latest_stories"]] == ["Berättelse på båda"]
    assert sorted(story.title for story in context["other_language_stories"]) == ["Geschichte", "Story in English"]
    html = response.content.decode()
    for heading in ("upcoming-events-other-languages", "past-events-other-languages", "latest-stories-other-languages"):
        assert f'id="{heading}"' in html
    assert re.search(r'<h4 lang="en"><a href="[^"]+" hreflang="en">Upcoming in English</a></h4>', html)
    assert re.search(r'<a href="[^"]+" lang="de" hreflang="de">Geschichte</a>', html)
    assert "Another network" not in html


def test_the_english_page_lists_the_german_only_story_and_nothing_twice(client, swedish_network, network):
    context = client.get(network.url).context
    assert [story.title for story in context["other_language_stories"]] == ["Geschichte"]
    assert list(context["other_language_upcoming_events"]) == []
    assert list(context["other_language_past_events"]) == []


def test_one_version_each_prefers_the_default_language(client, swedish_network, locales):
    """A story in English and German, not Swedish: the Swedish page lists its English version only."""
    publish_translation(swedish_network["english_story"], locales["de"], {"Story in English": "Auf Deutsch"})
    stories = client.get(swedish_network["page"].url).context["other_language_stories"]
    assert sorted(story.title for story in stories) == ["Geschichte", "Story in English"]


def test_the_other_languages_cost_a_constant_number_of_queries(client, swedish_network, network, locales):
    url = swedish_network["page"].url
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(5):
        EventPageFactory(parent=network, title=f"More {number}", **event_times(30 + number))
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["other_language_upcoming_events"]) == 6
    assert len(many.captured_queries) == len(few.captured_queries)
