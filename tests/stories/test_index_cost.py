"""What a story index page costs (issue #17): the facets, the filter form and the paginator count cached together,
cold facets counted in one pass (the same counts as one aggregate per facet), the card images in one query,
and cursor pages for the depths of the newest-first list."""

import datetime
import random
import re

import pytest
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from seismic_wagtail.stories import filters
from seismic_wagtail.stories.filters import StoryFilter, clear_facet_cache
from seismic_wagtail.stories.models import StoryIndexPage, StoryPage
from seismic_wagtail.stories.pagination import make_cursor, parse_cursor
from tests.factories.core import ImageFactory, OrganisationFactory, ThemeFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.stories import StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

FILTERED = "?theme=welfare&year=2015&year=2016&orgtype=university"


def make_stories(index_page, themes, organisations, count, images=True):
    for number in range(count):
        StoryPageFactory(
            parent=index_page,
            start_year=2015 + number % 2,
            country=["AT", "BE", "CZ"][number % 3],
            city=["Vienna", "Ghent", "Brno", "Graz"][number % 4],
            hero_image=ImageFactory() if images else None,
            themes=[themes["welfare"], themes["environment"]][: 1 + number % 2],
            organisations=[organisations["uni"]] if number % 3 else [organisations["city"]],
        )


def captured(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


def cost(client, url, cold=False):
    """``(warm or cold query count, response)``; renditions and Wagtail's own caches warmed first."""
    client.get(url)
    if cold:
        clear_facet_cache()
    response, queries = captured(client, url)
    return len(queries), response, queries


def test_warm_index_queries_neither_facets_nor_count_and_are_constant(client, index_page, themes, organisations):
    make_stories(index_page, themes, organisations, 3)
    small_warm, _response, warm_sql = cost(client, index_page.url + FILTERED)
    small_cold, _response, cold_sql = cost(client, index_page.url + FILTERED, cold=True)
    make_stories(index_page, themes, organisations, 27)
    large_warm, response, large_sql = cost(client, index_page.url + FILTERED)
    large_cold, _response, _sql = cost(client, index_page.url + FILTERED, cold=True)
    assert len(response.context["stories"]) == 12
    assert (small_warm, small_cold) == (large_warm, large_cold)
    # Warm: no COUNT, no GROUP BY; the counts and the paginator's count come from the cache.
    assert not [sql for sql in large_sql if "COUNT(" in sql.upper() or "GROUP BY" in sql.upper()]
    # Cold: the facets in one pass, no aggregate, no COUNT.
    assert not [sql for sql in cold_sql if "COUNT(" in sql.upper() or "GROUP BY" in sql.upper()]
    assert small_cold - small_warm == 5  # stories, theme rows, themes, organisation rows, organisations
    assert large_warm <= 16  # docs/reference/stories.md lists them


def test_card_images_come_in_one_query_whatever_the_number_of_cards(client, index_page, themes, organisations):
    make_stories(index_page, themes, organisations, 1)
    one_card, response, _sql = cost(client, index_page.url)
    assert len(response.context["stories"]) == 1
    make_stories(index_page, themes, organisations, 11)
    twelve_cards, response, queries = cost(client, index_page.url)
    assert len(response.context["stories"]) == 12
    assert all(story.hero_image for story in response.context["stories"])
    assert response.content.decode().count("<img ") >= 12
    assert twelve_cards == one_card
    assert len([sql for sql in queries if "wagtailimages_rendition" in sql]) == 1


def test_card_images_are_the_image_tags_html_without_a_cache_write_per_card(
    client, index_page, themes, organisations, monkeypatch
):
    """The cards' ``<img>`` come from the prefetched renditions: the HTML of ``{% image %}``, without the
    cache write Wagtail's tag makes for each rendition it renders."""
    from django.template import engines
    from wagtail.images import get_image_model

    make_stories(index_page, themes, organisations, 3)
    client.get(index_page.url)  # renditions made
    writes = []
    rendition_cache = get_image_model().get_rendition_model().cache_backend
    monkeypatch.setattr(rendition_cache, "set", lambda *args, **kwargs: writes.append(args[0]))
    html = client.get(index_page.url).content.decode()
    assert writes == []
    tag = engines["django"].from_string(
        '{% load wagtailimages_tags %}{% image story.hero_image fill-480x270 alt=story.hero_alt loading="lazy" %}'
    )
    for story in StoryPage.objects.child_of(index_page):
        expected = tag.render({"story": story})
        assert expected.startswith("<img ") and expected in html


def reference_fragments(index_page, querystring, language):
    """The filter form and active filters as the index rendered them before the cache: the counts from one
    aggregate query per facet, ``{% include %}`` of the templates in the page's context."""
    from django.template import engines

    request = RequestFactory().get(index_page.url + querystring)
    with translation.override(language):
        story_filter = index_page.get_filter(request)  # as the page builds it (its other languages included)
        counts = story_filter.aggregate_counts()
        facets = story_filter.build_facets(counts)
        template = engines["django"].from_string(
            '{% include "seismic_wagtail/stories/includes/filter_form.html" %}|'
            '{% include "seismic_wagtail/stories/includes/active_filters.html" %}'
        )
        html = template.render({"page": index_page, "story_filter": story_filter, "facets": facets}, request)
    return html.split("|")


@pytest.mark.parametrize(
    "querystring",
    ["", "?theme=welfare", "?country=AT&country=CZ&year=2016", "?q=solar&orgtype=university", "?theme=gone"],
)
def test_cached_filter_form_is_the_html_the_index_rendered_before(
    client, index_page, themes, organisations, locales, querystring
):
    make_stories(index_page, themes, organisations, 8, images=False)
    ThemeFactory(slug="welfare", name="Välfärd och finansiering", locale=locales["sv"])
    ThemeFactory(slug="environment", name="Miljö", locale=locales["sv"])
    swedish_index = publish_translation(index_page, locales["sv"])
    for story in StoryPage.objects.child_of(index_page):
        publish_translation(story, locales["sv"])
    forms = []
    for page, language in ((index_page, "en"), (swedish_index, "sv")):
        form, chips = reference_fragments(page, querystring, language)
        forms.append(form)
        assert 'name="theme"' in form or querystring == "?q=solar&orgtype=university"
        clear_facet_cache()
        for _request in ("cold", "warm"):
            html = client.get(page.url + querystring).content.decode()
            assert form in html
            assert chips in html
    assert forms[0] != forms[1]  # the Swedish form is in Swedish


def test_publish_unpublish_and_theme_rename_show_at_once(client, index_page, themes, organisations):
    make_stories(index_page, themes, organisations, 3, images=False)
    url = index_page.url + "?theme=welfare"
    response = client.get(url)
    assert response.context["paginator"].count == 3
    welfare = themes["welfare"]
    story = StoryPageFactory(parent=index_page, themes=[welfare], country="SE", city="Malmö")
    response = client.get(url)
    assert response.context["paginator"].count == 4
    assert "Malmö" in response.content.decode()
    story.unpublish()
    response = client.get(url)
    assert response.context["paginator"].count == 3
    assert "Malmö" not in response.content.decode()
    welfare.name = "Welfare, finance and housing"
    welfare.save()
    html = client.get(url).content.decode()
    assert escape("Welfare, finance and housing") in html
    assert "Welfare and finance" not in html


def test_pages_stay_tolerant_with_the_count_cached(client, index_page, themes, organisations):
    make_stories(index_page, themes, organisations, 5, images=False)
    StoryIndexPage.objects.filter(pk=index_page.pk).update(stories_per_page=2)
    client.get(index_page.url)  # the count cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(index_page.url + "?page=999")
    assert response.context["page_obj"].number == 3
    assert len(response.context["stories"]) == 1
    assert not [query for query in queries.captured_queries if "COUNT(" in query["sql"].upper()]
    assert client.get(index_page.url + "?page=abc").context["page_obj"].number == 1


class BrokenCache:
    """A cache whose server is down: every call raises."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache server down")

        return fail


def test_a_failing_cache_falls_back_to_counting(client, index_page, themes, organisations, monkeypatch):
    make_stories(index_page, themes, organisations, 3, images=False)
    expected = client.get(index_page.url + "?theme=welfare").content
    monkeypatch.setattr(filters, "cache", BrokenCache())
    response = client.get(index_page.url + "?theme=welfare")
    assert response.status_code == 200
    assert response.context["paginator"].count == 3
    assert response.content == expected


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_a_cache_every_request_counts(client, index_page, themes, organisations):
    make_stories(index_page, themes, organisations, 3, images=False)
    first = client.get(index_page.url + "?country=AT")
    assert first.context["paginator"].count == 1
    assert client.get(index_page.url + "?country=AT").content == first.content


# --- One pass ----------------------------------------------------------------------------------------------


def test_one_pass_counts_equal_one_aggregate_per_facet(index_page, root_page, themes, organisations, locales):
    """Random stories (networks or none, themes, organisations) and random filters: the
    one-pass counts, labels and number of stories equal the per-facet aggregates and ``COUNT``."""
    rng = random.Random(17)
    extra = OrganisationFactory(name="Ghent housing co-op", organisation_type="business", country="BE")
    networks_index = NetworkIndexPageFactory(parent=root_page, slug="networks")
    networks = [NetworkPageFactory(parent=networks_index, title=name) for name in ("Austria", "Belgium", "Czechia")]
    publish_translation(networks[0], locales["sv"], {"Austria": "Österrike"})
    theme_list, org_list = list(themes.values()), [*organisations.values(), extra]
    for _number in range(40):
        StoryPageFactory(
            parent=index_page,
            country=rng.choice(["AT", "BE", "CZ", "SE"]),
            city=rng.choice(["Vienna", "Ghent", "Brno"]),
            start_year=rng.choice([2014, 2015, 2016]),
            network=rng.choice([*networks, None]),
            themes=rng.sample(theme_list, rng.randrange(0, 3)),
            organisations=rng.sample(org_list, rng.randrange(0, 3)),
        )
    choices = {
        "theme": list(themes),
        "country": ["AT", "BE", "CZ", "SE", "NO"],
        "city": ["Vienna", "Ghent", "Brno", "Oslo"],
        "network": [str(network.translation_key) for network in networks] + [str(networks[1].pk)],
        "year": ["2014", "2015", "2016"],
        "orgtype": ["university", "city", "civil", "business"],
    }
    factory = RequestFactory()
    for _trial in range(30):
        params = [
            (name, value)
            for name in rng.sample(list(choices), rng.randrange(0, 4))
            for value in rng.sample(choices[name], rng.randrange(1, 3))
        ]
        if rng.random() < 0.2:
            params.append(("q", "Story"))
        request = factory.get("/", params)
        for language, index in (("en", index_page),):
            with translation.override(language):
                story_filter = StoryFilter(index, request.GET, stories=index.get_stories())
                counts, total = story_filter.compute_counts()
                expected = story_filter.aggregate_counts()
            assert {name: sorted(rows) for name, rows in counts.items()} == {
                name: sorted(rows) for name, rows in expected.items()
            }, params
            assert total == story_filter.results().count(), params


def test_the_network_label_in_the_index_language(index_page, root_page, locales):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=root_page), title="Austria")
    publish_translation(network, locales["sv"], {"Austria": "Österrike"})
    swedish_index = publish_translation(index_page, locales["sv"])
    StoryPageFactory(parent=index_page, network=network)
    for story in StoryPage.objects.child_of(index_page):
        publish_translation(story, locales["sv"])
    request = RequestFactory().get("/")
    story_filter = StoryFilter(swedish_index, request.GET, stories=swedish_index.get_stories())
    counts, total = story_filter.compute_counts()
    assert (
        counts["network"]
        == [(str(network.translation_key), "Österrike", 1)]
        == story_filter.aggregate_counts()["network"]
    )
    assert total == 1


def test_a_facet_without_one_pass_support_is_still_counted_with_its_own_query(index_page, themes, organisations):
    class SummaryFacet(filters.Facet):
        """A site's own facet that counts with an aggregate (no ``one_pass_values``)."""

        name = "summary"
        label = "Summary"

        def filter(self, stories, values, index):
            return stories.filter(summary__in=values)

        def counts(self, stories, index):
            from django.db.models import Count

            rows = stories.order_by().values("summary").annotate(count=Count("pk"))
            return [(row["summary"], row["summary"], row["count"]) for row in rows]

    class SiteFilter(StoryFilter):
        facet_classes = [*StoryFilter.facet_classes, SummaryFacet]

    make_stories(index_page, themes, organisations, 4, images=False)
    StoryPageFactory(parent=index_page, summary="Another summary", country="AT", themes=[themes["welfare"]])
    for query in ({}, {"summary": "Another summary", "country": "AT"}, {"theme": "welfare", "summary": "x"}):
        request = RequestFactory().get("/", query)
        story_filter = SiteFilter(index_page, request.GET, stories=index_page.get_stories())
        counts, total = story_filter.compute_counts()
        assert {name: sorted(rows) for name, rows in counts.items()} == {
            name: sorted(rows) for name, rows in story_filter.aggregate_counts().items()
        }
        assert total == story_filter.results().count()


# --- Cursor pages ------------------------------------------------------------------------------------------


def story_titles(response):
    return [story.title for story in response.context["stories"]]


def next_link(response):
    found = re.search(r'rel="next" href="\?([^"]+)">([^<]+)<', response.content.decode())
    return (found[1].replace("&amp;", "&"), found[2]) if found else (None, None)


def previous_link(response):
    found = re.search(r'rel="prev" href="\?([^"]+)">([^<]+)<', response.content.decode())
    return (found[1].replace("&amp;", "&"), found[2]) if found else (None, None)


@pytest.fixture
def paged_index(index_page, themes):
    """Eleven stories, two per page, numbered for the first two pages; two stories share a publication time."""
    StoryIndexPage.objects.filter(pk=index_page.pk).update(stories_per_page=2)
    for number in range(11):
        StoryPageFactory(parent=index_page, title=f"Story {number:02}", themes=[themes["welfare"]])
    same = StoryPage.objects.get(title="Story 05").first_published_at
    StoryPage.objects.filter(title="Story 04").update(first_published_at=same)
    clear_facet_cache()
    index_page.refresh_from_db()
    return index_page


@pytest.fixture
def two_numbered_pages(monkeypatch):
    monkeypatch.setattr(StoryIndexPage, "numbered_pages", 2)


def walk_older(client, url):
    response = client.get(url)
    pages = [story_titles(response)]
    texts = []
    while True:
        query, text = next_link(response)
        if query is None:
            return pages, texts
        texts.append(text)
        response = client.get(url.split("?")[0] + "?" + query)
        pages.append(story_titles(response))


def test_numbered_pages_then_older_stories_with_a_cursor(client, paged_index, two_numbered_pages):
    pages, texts = walk_older(client, paged_index.url)
    newest_first = [f"Story {number:02}" for number in (10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)]
    assert [title for page in pages for title in page] == newest_first  # ties broken by pk, none lost
    assert texts == ["Next", "Older stories", "Older stories", "Older stories", "Older stories"]
    response = client.get(paged_index.url + "?page=2")
    assert next_link(response)[0].startswith("after=")
    assert "Page 2 of 6" in response.content.decode()
    # The filter is kept on the cursor links.
    response = client.get(paged_index.url + "?theme=welfare&page=2")
    assert next_link(response)[0].startswith("theme=welfare&after=")


def test_newer_stories_goes_back_and_the_top_is_the_first_page(client, paged_index, two_numbered_pages):
    page_two = client.get(paged_index.url + "?page=2")
    page_three = client.get(paged_index.url + "?" + next_link(page_two)[0])
    page_four = client.get(paged_index.url + "?" + next_link(page_three)[0])
    query, text = previous_link(page_four)
    assert text == "Newer stories" and query.startswith("before=")
    assert story_titles(client.get(paged_index.url + "?" + query)) == story_titles(page_three)
    query, _text = previous_link(page_three)
    back = client.get(paged_index.url + "?" + query)
    assert story_titles(back) == story_titles(page_two)
    # Before the second story: fewer than a page of newer stories, so the first page.
    response = client.get(paged_index.url + "?before=" + make_cursor(client.get(paged_index.url).context["stories"][1]))
    assert response.context["page_obj"].number == 1
    assert story_titles(response) == ["Story 10", "Story 09"]


def test_a_story_published_between_requests_neither_repeats_nor_hides_a_story(client, paged_index, two_numbered_pages):
    page_two = client.get(paged_index.url + "?page=2")
    older_query = next_link(page_two)[0]
    StoryPageFactory(
        parent=paged_index, title="Breaking", first_published_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    )
    page_three = client.get(paged_index.url + "?" + older_query)
    assert story_titles(page_two) == ["Story 08", "Story 07"]
    assert story_titles(page_three) == ["Story 06", "Story 05"]  # the list continues where it was
    # A numbered page 3 shifts by the new story (the reason deep pages follow a cursor).
    assert story_titles(client.get(paged_index.url + "?page=3")) == ["Story 07", "Story 06"]


def test_cursor_pages_cost_the_same_at_any_depth(client, paged_index, two_numbered_pages):
    page_two = client.get(paged_index.url + "?page=2")
    page_three_url = paged_index.url + "?" + next_link(page_two)[0]
    client.get(page_three_url)
    _response, shallow = captured(client, page_three_url)
    last = client.get(paged_index.url + "?page=6").context["stories"]
    deep_url = paged_index.url + "?after=" + make_cursor(client.get(paged_index.url + "?page=5").context["stories"][-1])
    response, deep = captured(client, deep_url)
    assert story_titles(response) == [story.title for story in last]
    assert len(deep) == len(shallow)
    assert not [sql for sql in deep if "OFFSET" in sql.upper()]
    assert next_link(response) == (None, None)


@pytest.mark.parametrize(
    "value",
    ["abc", "20150101T000000.000000", "20151301T000000.000000_1", "２０15_1", "20150101T000000.000000_-1", "x" * 500],
)
def test_malformed_cursors_give_the_first_page(client, paged_index, value):
    assert parse_cursor(value) is None
    for param in ("after", "before"):
        response = client.get(paged_index.url + f"?{param}={value}")
        assert response.status_code == 200
        assert response.context["page_obj"].number == 1


def test_a_cursor_past_the_oldest_story_gives_the_first_page(client, paged_index):
    response = client.get(paged_index.url + "?after=19700101T000000.000000_1")
    assert response.context["page_obj"].number == 1
    assert story_titles(response) == ["Story 10", "Story 09"]


def test_cursor_pages_have_their_own_canonical_link(client, paged_index, two_numbered_pages):
    cursor = make_cursor(client.get(paged_index.url).context["stories"][-1])
    html = client.get(paged_index.url + "?after=" + cursor).content.decode()
    assert f'<link rel="canonical" href="http://localhost{paged_index.url}?after={cursor}">' in html or (
        f'{paged_index.url}?after={cursor}">' in html
    )
