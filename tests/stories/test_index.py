"""The story index: facets with counts, combined filters, search, pagination, feeds, query counts."""

import feedparser
import pytest

from seismic_wagtail.stories.models import StoryIndexPage, StoryPage
from tests.factories.core import ImageFactory, OrganisationFactory, ThemeFactory
from tests.factories.stories import StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture_stories(index_page, themes, organisations, django_capture_on_commit_callbacks):
    """Five stories with known facets (newest last)."""
    # Some Wagtail versions update the search index on commit: run those callbacks.
    with django_capture_on_commit_callbacks(execute=True):
        return make_fixture_stories(index_page, themes, organisations)


def make_fixture_stories(index_page, themes, organisations):
    env, gov, welfare = themes["environment"], themes["governance"], themes["welfare"]
    uni, city, ngo = organisations["uni"], organisations["city"], organisations["ngo"]
    return {
        "vienna": StoryPageFactory(
            parent=index_page,
            title="Vienna solar",
            city="Vienna",
            country="AT",
            start_year=2014,
            themes=[env, welfare],
            organisations=[uni],
        ),
        "graz": StoryPageFactory(
            parent=index_page,
            title="Graz budget",
            city="Graz",
            country="AT",
            start_year=2015,
            themes=[gov],
            organisations=[city],
        ),
        "ghent": StoryPageFactory(
            parent=index_page,
            title="Ghent repair",
            city="Ghent",
            country="BE",
            start_year=2014,
            themes=[env],
            organisations=[city, ngo],
            summary="Volunteers repair toasters with their neighbours.",
        ),
        "prague": StoryPageFactory(
            parent=index_page,
            title="Prague budget",
            city="Prague",
            country="CZ",
            start_year=2016,
            themes=[gov, welfare],
            organisations=[uni],
        ),
        "brno": StoryPageFactory(
            parent=index_page,
            title="Brno housing",
            city="Brno",
            country="CZ",
            start_year=2016,
            themes=[welfare],
            organisations=[],
        ),
    }


def facet_counts(response, name):
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}


def titles(response):
    return [story.title for story in response.context["stories"]]


def test_index_lists_live_stories_newest_first(client, index_page, fixture_stories):
    fixture_stories["graz"].unpublish()
    response = client.get(index_page.url)
    assert response.status_code == 200
    assert titles(response) == ["Brno housing", "Prague budget", "Ghent repair", "Vienna solar"]


def test_facet_counts_for_a_known_fixture(client, index_page, fixture_stories):
    response = client.get(index_page.url)
    assert facet_counts(response, "theme") == {"environment": 2, "governance": 2, "welfare": 3}
    assert facet_counts(response, "country") == {"AT": 2, "BE": 1, "CZ": 2}
    assert facet_counts(response, "city") == {"Vienna": 1, "Graz": 1, "Ghent": 1, "Prague": 1, "Brno": 1}
    assert facet_counts(response, "year") == {"2016": 2, "2015": 1, "2014": 2}
    assert facet_counts(response, "orgtype") == {"university": 2, "city": 2, "civil": 1}
    labels = {option.value: option.label for facet in response.context["facets"] for option in facet.options}
    assert labels["AT"] == "Austria" and labels["university"] == "University"
    html = response.content.decode()
    assert "<legend>Theme</legend>" in html
    assert 'name="theme" value="welfare"' in html


def test_filters_combine_and_counts_are_disjunctive(client, index_page, fixture_stories):
    response = client.get(index_page.url + "?theme=welfare&country=CZ")
    assert titles(response) == ["Brno housing", "Prague budget"]
    # Each facet's counts apply the other facets: countries of welfare stories, themes of Czech stories.
    assert facet_counts(response, "country") == {"AT": 1, "CZ": 2}
    assert facet_counts(response, "theme") == {"governance": 1, "welfare": 2}
    assert facet_counts(response, "orgtype") == {"university": 1}
    # Two values of one facet: either of them.
    response = client.get(index_page.url + "?country=AT&country=BE&year=2014")
    assert titles(response) == ["Ghent repair", "Vienna solar"]
    response = client.get(index_page.url + "?orgtype=city&theme=environment")
    assert titles(response) == ["Ghent repair"]
    # Selected values are checked and can be removed with one link.
    html = response.content.decode()
    assert 'value="city" id="seismic-facet-orgtype-1" checked' in html or 'value="city"' in html
    assert 'href="?theme=environment"' in html  # removing the organisation type keeps the theme


def test_text_search_within_the_index(client, index_page, fixture_stories):
    response = client.get(index_page.url + "?q=toasters")
    assert titles(response) == ["Ghent repair"]
    response = client.get(index_page.url + "?q=budget&country=CZ")
    assert titles(response) == ["Prague budget"]
    assert facet_counts(response, "country") == {"AT": 1, "CZ": 1}


@pytest.mark.parametrize(
    "querystring",
    [
        "?page=abc",
        "?page=99999",
        "?page=-1",
        "?theme=no-such-theme",
        "?country=XX&country=at",
        "?year=abc&year=99999",
        "?orgtype=spaceship",
        "?network=not-a-uuid&network=123456",
        "?network=3f2c8f55-7d4a-4a7e-9f5e-1a2b3c4d5e6f",
        "?q=" + "x" * 500,
        "?theme=&city=%00",
    ],
)
def test_bad_query_strings_never_give_a_server_error(client, index_page, fixture_stories, querystring):
    assert client.get(index_page.url + querystring).status_code == 200
    assert client.get(index_page.url + "rss.xml" + querystring).status_code == 200


def test_unknown_values_are_ignored_or_match_nothing(client, index_page, fixture_stories):
    # Malformed values are dropped ...
    assert len(titles(client.get(index_page.url + "?year=abc"))) == 5
    # ... a lowercase country code is understood ...
    assert titles(client.get(index_page.url + "?country=be")) == ["Ghent repair"]
    # ... and a well-formed value that matches nothing gives an empty list, still offering to remove it.
    response = client.get(index_page.url + "?theme=no-such-theme")
    assert titles(response) == []
    assert "No stories match these filters." in response.content.decode()


def test_pagination_is_tolerant(client, index_page, fixture_stories):
    StoryIndexPage.objects.filter(pk=index_page.pk).update(stories_per_page=2)
    response = client.get(index_page.url + "?page=99999&theme=welfare")
    assert response.context["page_obj"].number == 2
    assert titles(response) == ["Vienna solar"]
    response = client.get(index_page.url + "?page=abc")
    assert response.context["page_obj"].number == 1
    html = response.content.decode()
    assert 'rel="next" href="?page=2"' in html


def test_feeds_parse_and_carry_the_filter(client, index_page, fixture_stories):
    response = client.get(index_page.url)
    html = response.content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    filtered = client.get(index_page.url + "?theme=welfare&country=CZ").content.decode()
    assert 'href="/stories/rss.xml?theme=welfare&amp;country=CZ"' in filtered
    assert 'href="/stories/atom.xml?theme=welfare&amp;country=CZ"' in filtered

    rss = client.get(index_page.url + "rss.xml?theme=welfare&country=CZ")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(rss.content)
    assert parsed.version == "rss20" and not parsed.bozo
    assert [entry.title for entry in parsed.entries] == ["Brno housing", "Prague budget"]
    assert parsed.entries[0].link == "http://testserver" + fixture_stories["brno"].url
    assert parsed.feed.link == "http://testserver/stories/?theme=welfare&country=CZ"

    atom = client.get(index_page.url + "atom.xml?country=AT")
    parsed = feedparser.parse(atom.content)
    assert parsed.version == "atom10" and not parsed.bozo
    assert [entry.title for entry in parsed.entries] == ["Graz budget", "Vienna solar"]
    assert {tag.term for tag in parsed.entries[1].tags} == {"Environmental sustainability", "Welfare and finance"}

    whole = feedparser.parse(client.get(index_page.url + "rss.xml").content)
    assert len(whole.entries) == 5


def test_feeds_are_also_served_without_the_optional_url_pattern(client, index_page, fixture_stories):
    parsed = feedparser.parse(client.get(index_page.url + "rss/?country=BE").content)
    assert parsed.version == "rss20"
    assert [entry.title for entry in parsed.entries] == ["Ghent repair"]
    assert feedparser.parse(client.get(index_page.url + "atom/").content).version == "atom10"


def _render_index_queries(client, index_page, django_assert_num_queries, count):
    url = index_page.url + "?theme=welfare&year=2015&year=2016&orgtype=university"
    client.get(url)  # warm caches (site root paths, renditions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["stories"]) == min(count, 12)
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_stories(
    client, index_page, themes, organisations, django_assert_num_queries
):
    def make(n):
        for i in range(n):
            StoryPageFactory(
                parent=index_page,
                start_year=2015 + i % 2,
                hero_image=ImageFactory() if i % 2 else None,
                themes=[themes["welfare"], themes["environment"]],
                organisations=[organisations["uni"]],
            )

    make(5)
    small = _render_index_queries(client, index_page, django_assert_num_queries, 5)
    make(20)  # more than a page (12) of stories, half of them with a hero image
    large = _render_index_queries(client, index_page, django_assert_num_queries, 25)
    assert small == large
    assert large <= 22  # 22 with Wagtail 8 (documented in docs/reference/stories.md)


def test_network_facet_groups_by_translation_key_and_shows_the_local_title(client, index_page, root_page, locales):
    theme = ThemeFactory(slug="environment")
    network = StoryIndexPage(title="Austrian network", slug="at-network")
    root_page.add_child(instance=network)  # any page type can stand in for a NetworkPage
    other = StoryIndexPage(title="Belgian network", slug="be-network")
    root_page.add_child(instance=other)
    StoryPageFactory(parent=index_page, network=network, themes=[theme])
    StoryPageFactory(parent=index_page, network=network, themes=[theme])
    StoryPageFactory(parent=index_page, network=other, themes=[theme])
    StoryPageFactory(parent=index_page, themes=[theme])
    response = client.get(index_page.url)
    key = str(network.translation_key)
    assert facet_counts(response, "network") == {key: 2, str(other.translation_key): 1}
    assert len(titles(client.get(index_page.url + f"?network={key}"))) == 2
    assert len(titles(client.get(index_page.url + f"?network={network.pk}"))) == 2

    # In Swedish, the facet shows the network's Swedish title.
    ThemeFactory(slug="environment", name="Miljö", locale=locales["sv"])
    publish_translation(network, locales["sv"], {"Austrian network": "Österrikiskt nätverk"})
    swedish_index = publish_translation(index_page, locales["sv"])
    for story in StoryPage.objects.child_of(index_page):
        publish_translation(story, locales["sv"])
    response = client.get(swedish_index.url)
    network_facet = next(facet for facet in response.context["facets"] if facet.name == "network")
    assert {option.value: option.label for option in network_facet.options}[key] == "Österrikiskt nätverk"
    assert facet_counts(response, "network")[key] == 2


def test_another_organisation_facet_value_in_the_fixture(client, index_page, fixture_stories):
    OrganisationFactory(organisation_type="business")  # an organisation in no story adds no facet value
    assert "business" not in facet_counts(client.get(index_page.url), "orgtype")


def test_a_selected_network_without_stories_keeps_its_label(client, index_page, root_page, fixture_stories):
    network = StoryIndexPage(title="Czech network", slug="cz-network")
    root_page.add_child(instance=network)
    response = client.get(index_page.url + f"?network={network.translation_key}")
    assert titles(response) == []
    facet = next(facet for facet in response.context["facets"] if facet.name == "network")
    assert [(option.label, option.count, option.selected) for option in facet.options] == [("Czech network", 0, True)]
