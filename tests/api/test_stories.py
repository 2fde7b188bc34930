"""The stories endpoint: shape, locale filter, translations, facets, flat queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from seismic_wagtail.core.api_fields import PageImageField
from tests.factories.core import ImageFactory, OrganisationFactory
from tests.factories.stories import StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


def test_a_story_in_the_listing_carries_its_language_independent_fields(get_json, story, austria):
    data = get_json("stories/")
    assert data["meta"]["total_count"] == 1
    [item] = data["items"]
    assert item["id"] == story.pk
    assert item["title"] == "Pop-up shops in Lend"
    assert item["meta"]["type"] == "seismic_stories.StoryPage"
    assert item["meta"]["locale"] == "en"
    assert item["meta"]["html_url"] == "http://testserver/stories/pop-up-shops/"
    assert item["meta"]["detail_url"] == f"http://testserver/api/seismic/v2/stories/{story.pk}/"
    assert item["meta"]["translations"] == []
    assert item["summary"] == story.summary
    assert (item["city"], item["country"], item["start_year"], item["end_year"]) == ("Graz", "AT", 2015, 2017)
    assert item["network_key"] == str(austria.translation_key)
    assert item["theme_slugs"] == ["mobility"]
    assert item["organisation_names"] == ["City of Graz"]
    image = item["hero_image"]
    assert image["url"].startswith("http://testserver/") and ".fill-1200x675" in image["url"]
    assert image["alt"] == "Shops on the main street"
    assert image["credit"] == ""
    assert image["width"] > 0 and image["height"] > 0
    assert "body" not in item


def test_the_detail_has_the_same_fields(get_json, story):
    data = get_json(f"stories/{story.pk}/")
    assert data["id"] == story.pk
    assert data["theme_slugs"] == ["mobility"]
    assert data["hero_image"]["alt"] == "Shops on the main street"
    assert data["meta"]["translations"] == []


def test_the_credit_of_an_image_model_with_a_credit_field_is_served(story):
    """A site's image model with a ``credit`` field (as the dark_rtl host site's ``CityImage``)."""
    field = PageImageField("original", image="hero_image", alt="hero_alt")
    field._context = {}  # no request: URLs stay as the storage gives them
    story.hero_image.credit = "Photo: City of Graz"
    data = field.to_representation(story)
    assert data["credit"] == "Photo: City of Graz"
    assert data["alt"] == "Shops on the main street"


def test_a_story_without_an_image_has_none(get_json, story_index):
    StoryPageFactory(parent=story_index, hero_image=None)
    [item] = get_json("stories/")["items"]
    assert item["hero_image"] is None
    assert item["network_key"] is None


def test_only_live_public_stories_are_listed(get_json, story, story_index):
    draft = StoryPageFactory(parent=story_index, title="Draft", live=False)
    private = StoryPageFactory(parent=story_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    ids = [item["id"] for item in get_json("stories/")["items"]]
    assert ids == [story.pk]
    get_json(f"stories/{draft.pk}/", status=404)
    get_json(f"stories/{private.pk}/", status=404)


def test_other_page_types_are_not_served_by_the_stories_endpoint(get_json, story, austria):
    get_json(f"stories/{austria.pk}/", status=404)
    assert "type" in get_json("stories/", status=400, type="seismic_networks.NetworkPage")["message"]


def test_locale_filter_and_translations(get_json, story, locales):
    swedish = publish_translation(story, "sv")
    english_items = get_json("stories/", locale="en")["items"]
    assert [item["id"] for item in english_items] == [story.pk]
    assert english_items[0]["meta"]["translations"] == [
        {"locale": "sv", "id": swedish.pk, "url": f"http://testserver/sv/stories/{swedish.slug}/"}
    ]
    swedish_items = get_json("stories/", locale="sv")["items"]
    assert [item["id"] for item in swedish_items] == [swedish.pk]
    assert swedish_items[0]["meta"]["locale"] == "sv"
    assert swedish_items[0]["meta"]["translations"] == [
        {"locale": "en", "id": story.pk, "url": "http://testserver/stories/pop-up-shops/"}
    ]
    # Synchronised fields mean the same in every language.
    assert swedish_items[0]["theme_slugs"] == ["mobility"]
    assert swedish_items[0]["network_key"] == english_items[0]["network_key"]
    assert get_json(f"stories/{swedish.pk}/")["meta"]["translations"][0]["id"] == story.pk
    get_json("stories/", locale="xx", status=404)


def test_facets_theme_and_country(get_json, story, story_index, themes):
    swedish_story = StoryPageFactory(parent=story_index, country="SE", themes=[themes["housing"]])
    both = StoryPageFactory(parent=story_index, country="SE", themes=[themes["housing"], themes["mobility"]])

    def ids(**params):
        return sorted(item["id"] for item in get_json("stories/", **params)["items"])

    assert ids(theme="mobility") == sorted([story.pk, both.pk])
    assert ids(theme="housing") == sorted([swedish_story.pk, both.pk])
    assert ids(theme="housing,mobility") == sorted([story.pk, swedish_story.pk, both.pk])
    assert ids(theme="nothing") == []
    assert ids(country="AT") == [story.pk]
    assert ids(country="SE", theme="mobility") == [both.pk]
    assert get_json("stories/", theme="housing")["meta"]["total_count"] == 2


def test_unknown_parameters_are_refused(get_json, story):
    assert "colour" in get_json("stories/", status=400, colour="red")["message"]


def count_queries(client, url):
    client.get(url)  # warm: renditions, content types, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()


def test_listing_queries_are_flat_in_the_number_of_stories(
    client, django_assert_num_queries, story_index, themes, locales
):
    def add(count):
        for _ in range(count):
            story = StoryPageFactory(
                parent=story_index,
                hero_image=ImageFactory(),
                themes=[themes["mobility"], themes["housing"]],
                organisations=[OrganisationFactory()],
            )
            publish_translation(story, "sv")

    url = "/api/seismic/v2/stories/?limit=20"
    add(3)
    three, data = count_queries(client, url)
    assert data["meta"]["total_count"] == 6 and all(item["meta"]["translations"] for item in data["items"])
    add(9)
    client.get(url)
    with django_assert_num_queries(three):
        data = client.get(url).json()
    assert len(data["items"]) == 20


def test_search_goes_through_wagtail_search(get_json, story, story_index):
    StoryPageFactory(parent=story_index, title="Community gardens")
    items = get_json("stories/", search="Lend")["items"]
    assert [item["id"] for item in items] == [story.pk]
    assert items[0]["theme_slugs"] == ["mobility"]
