"""Network story sections: a story index below the main index with a network. The main index lists, counts,
searches and feeds the stories of its whole subtree; a section lists its own; a new story in a section belongs
to its network."""

import feedparser
import pytest
from django.urls import reverse

from seismic_wagtail.stories.models import StoryIndexPage, StoryPage, StoryPageForm
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def networks(root_page):
    index = NetworkIndexPageFactory(parent=root_page, slug="networks")
    return {
        "at": NetworkPageFactory(parent=index, title="SEiSMiC Austria", slug="austria", country="AT"),
        "cz": NetworkPageFactory(parent=index, title="SEiSMiC Czech Republic", slug="czechia", country="CZ"),
    }


@pytest.fixture
def section(index_page, networks):
    return StoryIndexPageFactory(parent=index_page, title="Austria", slug="austria", network=networks["at"])


@pytest.fixture
def stories(index_page, section, themes, django_capture_on_commit_callbacks):
    # Some Wagtail versions update the search index on commit: run those callbacks.
    with django_capture_on_commit_callbacks(execute=True):
        return {
            "main": StoryPageFactory(
                parent=index_page, title="Ghent repair", city="Ghent", country="BE", themes=[themes["environment"]]
            ),
            "vienna": StoryPageFactory(
                parent=section,
                title="Vienna solar",
                city="Vienna",
                summary="Residents share rooftop solar panels.",
                themes=[themes["environment"]],
            ),
            "graz": StoryPageFactory(parent=section, title="Graz budget", city="Graz", themes=[themes["governance"]]),
        }


def titles(response):
    return [story.title for story in response.context["stories"]]


def facet_counts(response, name):
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}


def test_the_main_index_lists_the_stories_of_its_sections(client, index_page, stories):
    response = client.get(index_page.url)
    assert titles(response) == ["Graz budget", "Vienna solar", "Ghent repair"]
    assert facet_counts(response, "country") == {"AT": 2, "BE": 1}
    assert facet_counts(response, "theme") == {"environment": 2, "governance": 1}
    assert titles(client.get(index_page.url + "?q=rooftop")) == ["Vienna solar"]
    assert titles(client.get(index_page.url + "?q=rooftop&theme=governance")) == []


def test_a_section_lists_its_own_stories_and_names_its_network(client, section, networks, stories):
    response = client.get(section.url)
    assert response.status_code == 200
    assert titles(response) == ["Graz budget", "Vienna solar"]
    assert facet_counts(response, "country") == {"AT": 2}
    assert titles(client.get(section.url + "?q=repair")) == []
    html = response.content.decode()
    assert 'Stories of <a href="/networks/austria/">SEiSMiC Austria</a>' in html


def test_an_index_without_network_has_no_network_line(client, index_page, stories):
    assert "Stories of" not in client.get(index_page.url).content.decode()


def test_feeds_of_the_main_index_and_of_a_section(client, index_page, section, stories):
    whole = feedparser.parse(client.get(index_page.url + "rss.xml").content)
    assert [entry.title for entry in whole.entries] == ["Graz budget", "Vienna solar", "Ghent repair"]
    own = feedparser.parse(client.get(section.url + "atom.xml?theme=environment").content)
    assert [entry.title for entry in own.entries] == ["Vienna solar"]


def test_a_translated_section_links_the_network_in_its_language(client, index_page, section, networks, locales):
    publish_translation(networks["at"].get_parent(), locales["de"])
    publish_translation(
        networks["at"], locales["de"], {"SEiSMiC Austria": "SEiSMiC Österreich", "austria": "oesterreich"}
    )
    publish_translation(index_page, locales["de"], {"stories": "geschichten"})
    german = publish_translation(section, locales["de"], {"Austria": "Österreich", "austria": "oesterreich"})
    assert german.network_id == networks["at"].pk  # synchronised: the page chosen, localised when shown
    response = client.get(german.url)
    assert response.context["network_page"].title == "SEiSMiC Österreich"
    assert '<a href="/de/networks/oesterreich/">SEiSMiC Österreich</a>' in response.content.decode()


def test_the_index_query_count_does_not_grow_with_sections(client, index_page, networks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def render(url):
        client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for _ in range(3):
        StoryPageFactory(parent=index_page)
    flat = render(index_page.url)
    for key in ("at", "cz"):
        section = StoryIndexPageFactory(parent=index_page, title=key, slug=key, network=networks[key])
        for _ in range(4):
            StoryPageFactory(parent=section)
    assert render(index_page.url) == flat
    # A section: two more for Wagtail's routing of one more path level, one for the network page in its language.
    section = StoryIndexPage.objects.get(slug="at")
    assert render(section.url) == flat + 3


def test_a_new_story_in_a_section_starts_with_the_network(admin_client, index_page, section, networks):
    url = reverse("wagtailadmin_pages:add", args=("seismic_stories", "storypage", section.pk))
    form = admin_client.get(url).context["form"]
    assert form.initial["network"] == networks["at"].pk
    url = reverse("wagtailadmin_pages:add", args=("seismic_stories", "storypage", index_page.pk))
    assert not admin_client.get(url).context["form"].initial.get("network")


def test_the_story_form_keeps_a_chosen_network_and_an_existing_storys(section, networks):
    form_class = StoryPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, StoryPageForm)
    story = StoryPageFactory(parent=section, network=networks["cz"])
    assert form_class(instance=story, parent_page=section).initial["network"] == networks["cz"].pk
    new = form_class(instance=StoryPage(), parent_page=section, initial={"network": networks["cz"].pk})
    assert new.initial["network"] == networks["cz"].pk


def test_a_story_created_in_code_gets_the_sections_network(index_page, section, networks):
    live = StoryPageFactory(parent=section)
    assert live.network_id == networks["at"].pk
    draft = StoryPageFactory(parent=section, live=False)
    assert draft.network_id == networks["at"].pk
    chosen = StoryPageFactory(parent=section, network=networks["cz"])
    assert chosen.network_id == networks["cz"].pk
    assert StoryPageFactory(parent=index_page).network_id is None
    # An existing story whose network is removed keeps none.
    live.network = None
    live.save()
    live.refresh_from_db()
    assert live.network_id is None
