"""StoryPage behaviour: translation of inline rows, transfer links across locales, related stories, reading time."""

import pytest

from seismic_wagtail.stories.models import (
    NetworkChooserPanel,
    StoryPage,
    StoryRelatedStory,
    StoryTransfer,
    network_page_types,
)
from tests.factories.core import OrganisationFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory, story_body
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish(locales, index_page, themes, organisations):
    """The index and the snippets translated into Swedish."""
    for theme in themes.values():
        publish_translation(theme, locales["sv"], {theme.name: f"{theme.name} (sv)"})
    for organisation in organisations.values():
        publish_translation(organisation, locales["sv"])
    return publish_translation(index_page, locales["sv"], {"Stories": "Berättelser"})


def test_translation_maps_themes_and_organisations_to_the_target_locale(
    locales, index_page, themes, organisations, swedish
):
    story = StoryPageFactory(
        parent=index_page,
        title="Welcome neighbour",
        city="Stockholm",
        country="SE",
        themes=[themes["welfare"]],
        organisations=[organisations["ngo"]],
    )
    translated = publish_translation(story, locales["sv"], {"Welcome neighbour": "Välkommen granne"})
    assert translated.title == "Välkommen granne"
    assert translated.country.code == "SE" and translated.start_year == story.start_year
    theme = translated.story_themes.get().theme
    assert theme.locale == locales["sv"] and theme.slug == "welfare" and theme.name == "Welfare and finance (sv)"
    assert translated.story_organisations.get().organisation.locale == locales["sv"]
    # The Swedish index counts the theme under its language-independent slug, with the Swedish name.
    from django.test import Client

    response = Client().get(swedish.url + "?theme=welfare")
    facet = next(facet for facet in response.context["facets"] if facet.name == "theme")
    assert [(option.value, option.label, option.count) for option in facet.options] == [
        ("welfare", "Welfare and finance (sv)", 1)
    ]
    assert [story.title for story in response.context["stories"]] == ["Välkommen granne"]


def test_transfer_links_work_across_locales(client, locales, index_page, themes, organisations, swedish):
    source = StoryPageFactory(
        parent=index_page, title="Graz budget", city="Graz", country="AT", themes=[themes["governance"]]
    )
    adapting = StoryPageFactory(
        parent=index_page, title="Prague budget", city="Prague", country="CZ", themes=[themes["governance"]]
    )
    StoryTransfer.objects.create(page=adapting, source_story=source, status="adapted", note="Cost checks taken over")
    other = StoryPageFactory(
        parent=index_page, title="Brno budget", city="Brno", country="CZ", themes=[themes["governance"]]
    )
    StoryTransfer.objects.create(page=other, source_story=source, status="inspired")

    response = client.get(source.url)
    html = response.content.decode()
    assert [story.title for _link, story in response.context["adaptations"]] == ["Brno budget", "Prague budget"]
    assert "Adapted in" in html and "Prague budget" in html
    response = client.get(adapting.url)
    assert [(link.get_status_display(), story.title) for link, story in response.context["transfers"]] == [
        ("Adapted from", "Graz budget")
    ]

    # Translated into Swedish: the source lists the Swedish adaptation where there is one, else the original.
    swedish_source = publish_translation(source, locales["sv"], {"Graz budget": "Budget i Graz"})
    swedish_adapting = publish_translation(adapting, locales["sv"], {"Prague budget": "Budget i Prag"})
    assert swedish_adapting.transfers.get().source_story_id == source.pk  # synchronised, localised when shown
    response = client.get(swedish_source.url)
    adaptations = {story.title: story.locale.language_code for _link, story in response.context["adaptations"]}
    assert adaptations == {"Budget i Prag": "sv", "Brno budget": "en"}
    assert 'lang="en" hreflang="en">Brno budget</a>' in response.content.decode()
    response = client.get(swedish_adapting.url)
    assert [story.title for _link, story in response.context["transfers"]] == ["Budget i Graz"]
    # Each language version points at the others.
    html = response.content.decode()
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{adapting.url}">' in html
    assert f'<link rel="alternate" hreflang="sv" href="http://testserver{swedish_adapting.url}">' in html
    assert '<meta property="og:locale:alternate" content="en">' in html


def test_related_stories_chosen_by_the_editor_else_by_shared_themes(index_page, themes):
    env, gov, welfare = themes["environment"], themes["governance"], themes["welfare"]
    story = StoryPageFactory(parent=index_page, themes=[env, welfare])
    StoryPageFactory(parent=index_page, title="Both", themes=[env, welfare])
    one = StoryPageFactory(parent=index_page, title="One", themes=[welfare])
    StoryPageFactory(parent=index_page, title="None", themes=[gov])
    newer_one = StoryPageFactory(parent=index_page, title="Newer one", themes=[env])
    assert [s.title for s in story.get_related_stories()] == ["Both", "Newer one", "One"]
    StoryRelatedStory.objects.create(page=story, story=one)
    assert [s.title for s in story.get_related_stories()] == ["One"]
    assert newer_one not in story.get_related_stories()


def test_reading_time_and_period(index_page):
    short = StoryPageFactory(parent=index_page, start_year=2014, end_year=2016)
    assert short.reading_time == 1
    assert short.period == "2014–2016"
    long = StoryPageFactory(parent=index_page, body=story_body(words=1000), start_year=2015, end_year=None)
    # 1,000 filler words + the sections and summary, at 200 words a minute.
    assert 1000 < long.word_count < 1100
    assert long.reading_time == 6
    assert str(long.period) == "since 2015"


def test_network_chooser_offers_network_pages_only_when_the_app_provides_them(index_page):
    from django.apps import apps

    panel = NetworkChooserPanel("network").bind_to_model(StoryPage)
    try:
        apps.get_model("seismic_networks", "NetworkPage")
        expected = ["seismic_networks.NetworkPage"]
    except LookupError:
        expected = None
    assert network_page_types() == expected
    panel.get_form_options()
    assert panel.page_type == expected


def test_network_link_shows_the_network_in_the_storys_language(client, locales, index_page, root_page, themes, swedish):
    network = StoryIndexPageFactory(parent=root_page, title="Swedish network", slug="se-network")
    story = StoryPageFactory(parent=index_page, network=network, themes=[themes["welfare"]])
    assert story.localized_network() == network
    swedish_network = publish_translation(network, locales["sv"], {"Swedish network": "Svenska nätverket"})
    translated = publish_translation(story, locales["sv"])
    assert translated.network_id == network.pk  # synchronised
    assert translated.localized_network() == swedish_network
    assert "Svenska nätverket" in client.get(translated.url).content.decode()


def test_unpublished_and_private_stories_are_not_listed(client, index_page):
    from wagtail.models import PageViewRestriction

    StoryPageFactory(parent=index_page, title="Public")
    private = StoryPageFactory(parent=index_page, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    response = client.get(index_page.url)
    assert [story.title for story in response.context["stories"]] == ["Public"]


def test_organisation_without_website_in_json_ld(index_page):
    organisation = OrganisationFactory(name="Neighbours", website="")
    story = StoryPageFactory(parent=index_page, organisations=[organisation])
    assert story.get_json_ld()["author"] == [{"@type": "Organization", "name": "Neighbours"}]
    assert "image" not in story.get_json_ld()
