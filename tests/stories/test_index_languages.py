"""Nothing hidden by language (issue #16): a story index lists, after its own language's stories, the stories of
its translations that have no live version in its language, one version of each, in a labelled section; the
facets and the number of stories count them; ``?only_language=1`` leaves them out; the cost stays constant."""

import random
import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from seismic_wagtail.stories.filters import clear_facet_cache
from seismic_wagtail.stories.models import StoryIndexPage, StoryPage
from tests.factories.core import ThemeFactory
from tests.factories.stories import StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def languages(index_page, locales, themes):
    """An English index translated into Swedish and German, and stories in several languages:

    - ``english``: English only; ``both``: English and Swedish;
    - ``swedish``: Swedish only (written in the Swedish tree);
    - ``german``: English and German (not Swedish);
    - ``nordic``: German and Norwegian, no English (written in the German tree, translated into Norwegian).
    """
    ThemeFactory(slug="welfare", name="Välfärd", locale=locales["sv"])
    swedish_index = publish_translation(index_page, locales["sv"])
    german_index = publish_translation(index_page, locales["de"])
    norwegian_index = publish_translation(index_page, locales["nb"])
    english = StoryPageFactory(parent=index_page, title="English only", country="AT", themes=[themes["welfare"]])
    both = StoryPageFactory(parent=index_page, title="Both", country="BE", themes=[themes["welfare"]])
    swedish_both = publish_translation(both, locales["sv"], {"Both": "Båda"})
    swedish = StoryPageFactory(parent=swedish_index, title="Bara svenska", country="SE", city="Malmö")
    german = StoryPageFactory(parent=index_page, title="German too", country="DE", themes=[themes["environment"]])
    publish_translation(german, locales["de"], {"German too": "Auch deutsch"})
    nordic = StoryPageFactory(parent=german_index, title="Nordisch", country="NO", city="Oslo")
    publish_translation(nordic, locales["nb"], {"Nordisch": "Nordisk"})
    clear_facet_cache()
    return {
        "indexes": {"en": index_page, "sv": swedish_index, "de": german_index, "nb": norwegian_index},
        "english": english,
        "both": both,
        "swedish_both": swedish_both,
        "swedish": swedish,
        "german": german,
        "nordic": nordic,
    }


def titles(stories):
    return [story.title for story in stories]


def test_a_swedish_visitor_sees_every_story_once(client, languages):
    response = client.get(languages["indexes"]["sv"].url)
    context = response.context
    assert sorted(titles(context["local_stories"])) == ["Bara svenska", "Båda"]
    # One version each: the English one where there is one, else the first made (the German "Nordisch").
    assert sorted(titles(context["other_language_stories"])) == ["English only", "German too", "Nordisch"]
    assert context["paginator"].count == 5
    assert (context["listing"].local_count, context["listing"].other_count) == (2, 3)
    html = response.content.decode()
    assert 'id="seismic-other-languages-heading"' in html
    assert re.search(r'id="seismic-other-languages-heading">3 ', html)  # "3 more stories (not yet in this language)"
    # Each card in another language carries its language and the languages the story exists in.
    card = re.search(r'<article class="seismic-story-card" lang="de">.*?</article>', html, re.S)[0]
    assert "Nordisch" in card
    assert re.search(r'<a href="[^"]+" lang="de" hreflang="de">', card)
    assert re.search(r'<a href="[^"]+" lang="nb" hreflang="nb">', card)
    english_card = re.search(
        r'<article class="seismic-story-card" lang="en">(?:(?!</article>).)*German too.*?</article>', html, re.S
    )[0]
    assert 'lang="de"' in english_card and 'lang="en"' in english_card
    # The stories in Swedish come first and carry no lang of their own.
    assert html.index("Bara svenska") < html.index("seismic-other-languages-heading")
    assert '<article class="seismic-story-card">' in html


def test_the_english_index_lists_the_stories_written_in_other_languages(client, languages):
    context = client.get(languages["indexes"]["en"].url).context
    assert sorted(titles(context["local_stories"])) == ["Both", "English only", "German too"]
    assert sorted(titles(context["other_language_stories"])) == ["Bara svenska", "Nordisch"]


def test_a_story_whose_local_version_is_a_draft_is_shown_in_another_language(client, languages):
    languages["swedish_both"].unpublish()
    context = client.get(languages["indexes"]["sv"].url).context
    assert titles(context["local_stories"]) == ["Bara svenska"]
    assert "Both" in titles(context["other_language_stories"])


def test_only_language_lists_the_index_language_and_is_kept_everywhere(client, languages):
    url = languages["indexes"]["sv"].url
    response = client.get(url + "?only_language=1&country=SE&country=AT")
    context = response.context
    assert titles(context["stories"]) == ["Bara svenska"]
    assert context["other_language_stories"] == []
    assert context["paginator"].count == 1
    html = response.content.decode()
    assert re.search(
        r'<input type="checkbox" name="only_language" value="1" id="seismic-story-only-language" checked>', html
    )
    # The active filter's chip removes it and keeps the rest; the feeds and facet links keep it.
    chip = re.search(
        r'<a href="\?([^"]*)">[^<]*<span aria-hidden="true">×</span>', html.split("seismic-active-filters")[1]
    )
    assert "only_language" not in chip[1] and "country=SE" in chip[1]
    assert "only_language=1" in context["rss_url"]
    # Without it: the English story is listed too (country AT), in its own section.
    context = client.get(url + "?country=SE&country=AT").context
    assert titles(context["stories"]) == ["Bara svenska", "English only"]
    assert 'name="only_language" value="1" id="seismic-story-only-language">' in client.get(url).content.decode()


def test_only_language_has_its_own_cache_entry(client, languages):
    url = languages["indexes"]["sv"].url
    assert client.get(url).context["paginator"].count == 5
    assert client.get(url + "?only_language=1").context["paginator"].count == 2
    assert client.get(url).context["paginator"].count == 5  # warm: each from its own entry
    keys = {
        languages["indexes"]["sv"].get_filter(RequestFactory().get(url, data)).listing_cache_key()
        for data in ({}, {"only_language": "1"})
    }
    assert len(keys) == 2


def test_an_index_without_translations_offers_no_language_choice(client, index_page, themes):
    StoryPageFactory(parent=index_page, title="Alone")
    response = client.get(index_page.url)
    assert "only_language" not in response.content.decode()
    assert response.context["other_language_stories"] == []
    assert not index_page.get_filter(RequestFactory().get("/")).has_other_languages


def test_facet_counts_cover_the_other_languages_and_label_in_the_index_language(languages):
    index = languages["indexes"]["sv"]
    with translation.override("sv"):
        story_filter = index.get_filter(RequestFactory().get("/"))
        counts, total = story_filter.compute_counts()
        assert {name: sorted(rows) for name, rows in counts.items()} == {
            name: sorted(rows) for name, rows in story_filter.aggregate_counts().items()
        }
    assert total == 5 == story_filter.results().count()
    assert sorted((value, count) for value, _label, count in counts["country"]) == [
        ("AT", 1),
        ("BE", 1),
        ("DE", 1),
        ("NO", 1),
        ("SE", 1),
    ]
    # The English story's theme row points at the English theme: labelled with the Swedish one.
    assert ("welfare", "Välfärd", 2) in counts["theme"]
    # Only this language: the counts follow.
    story_filter = index.get_filter(RequestFactory().get("/", {"only_language": "1"}))
    counts, total = story_filter.compute_counts()
    assert total == 2 and {row[0] for row in counts["country"]} == {"BE", "SE"}


def test_random_filters_count_the_same_in_one_pass_and_by_aggregate(languages, themes):
    rng = random.Random(16)
    index = languages["indexes"]["sv"]
    for _number in range(12):
        StoryPageFactory(
            parent=rng.choice(list(languages["indexes"].values())),
            country=rng.choice(["AT", "SE", "NO"]),
            city=rng.choice(["Graz", "Malmö"]),
            start_year=rng.choice([2014, 2015]),
            themes=rng.sample(list(themes.values()), rng.randrange(0, 3)),
        )
    choices = {
        "country": ["AT", "SE", "NO"],
        "city": ["Graz", "Malmö"],
        "year": ["2014", "2015"],
        "theme": list(themes),
    }
    for _trial in range(15):
        params = [
            (name, value)
            for name in rng.sample(list(choices), rng.randrange(0, 3))
            for value in rng.sample(choices[name], 1)
        ]
        if rng.random() < 0.3:
            params.append(("only_language", "1"))
        story_filter = index.get_filter(RequestFactory().get("/", params))
        counts, total = story_filter.compute_counts()
        assert {name: sorted(rows) for name, rows in counts.items()} == {
            name: sorted(rows) for name, rows in story_filter.aggregate_counts().items()
        }, params
        assert total == story_filter.results().count(), params


def test_search_finds_stories_in_other_languages(client, languages):
    context = client.get(languages["indexes"]["sv"].url + "?q=Nordisch").context
    assert titles(context["stories"]) == ["Nordisch"]
    assert client.get(languages["indexes"]["sv"].url + "?q=Nordisch&only_language=1").context["stories"] == []


def test_every_story_is_reached_once_across_the_pages(client, languages, two_per_page):
    url = languages["indexes"]["sv"].url
    seen, page = [], 1
    while True:
        context = client.get(f"{url}?page={page}").context
        seen += titles(context["stories"])
        if not context["page_obj"].has_next():
            break
        page += 1
    assert sorted(seen) == sorted(["Bara svenska", "Båda", "English only", "German too", "Nordisch"])
    assert sorted(seen[:2]) == ["Bara svenska", "Båda"]  # the index's language first (newest first within it)


@pytest.fixture
def two_per_page(languages):
    StoryIndexPage.objects.filter(pk=languages["indexes"]["sv"].pk).update(stories_per_page=2)


def test_the_feeds_carry_the_index_language_only(client, languages):
    feed = client.get(languages["indexes"]["sv"].url + "rss/").content.decode()
    assert "Bara svenska" in feed and "Båda" in feed
    assert "English only" not in feed and "Nordisch" not in feed


def cost(client, url, cold=False):
    client.get(url)
    if cold:
        clear_facet_cache()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_cost_does_not_grow_with_the_stories_in_other_languages(client, languages, themes):
    """A page of the Swedish index that spans both sections: the same number of queries with 3 or 13 stories in
    other languages, warm and cold. Against an index without translations it costs: the index's language
    versions (2, shared with the language switcher), the other section's view restrictions (1), its page of
    stories and their prefetches (the page spans both sections: each section's ids, then one query of both
    with the prefetches), the languages of its cards (1)."""
    url = languages["indexes"]["sv"].url
    small = cost(client, url), cost(client, url, cold=True)
    for _number in range(10):
        StoryPageFactory(parent=languages["indexes"]["de"], country="DE", themes=[themes["welfare"]])
    large = cost(client, url), cost(client, url, cold=True)
    assert small == large
    assert large[0] <= 20, large


def test_a_page_inside_one_section_reads_it_with_one_query(languages):
    """Slices of the sectioned list: within the other languages only, no id queries."""
    from seismic_wagtail.stories.pagination import SectionedStories

    index = languages["indexes"]["sv"]
    story_filter = index.get_filter(RequestFactory().get("/"))
    listing = story_filter.get_listing()
    stories = SectionedStories(
        [
            (story_filter.local_results(), listing.local_count),
            (story_filter.other_language_results(), listing.other_count),
        ]
    )
    assert len(stories) == 5
    with CaptureQueriesContext(connection) as inside:
        found = stories[2:5]
    assert sorted(titles(found)) == ["English only", "German too", "Nordisch"]
    with CaptureQueriesContext(connection) as across:
        found = stories[1:3]
    assert found[0].locale_id == index.locale_id and found[1].locale_id != index.locale_id
    # Across the sections: each section's ids first (two queries more), the stories and prefetches once.
    assert len(across.captured_queries) == len(inside.captured_queries) + 2
    assert StoryPage.objects.count() == 8
