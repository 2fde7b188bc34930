"""Integer query parameters of the story index read with core.querystring.parse_int (issue #15): Unicode
digits, signs and huge numbers are ignored like any malformed value, on the index and in its feeds."""

import pytest

from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.stories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(index_page, root_page):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=root_page, slug="networks"), slug="austria")
    return {
        "2015": StoryPageFactory(parent=index_page, start_year=2015, network=network),
        "2016": StoryPageFactory(parent=index_page, start_year=2016),
        "network": network,
    }


@pytest.mark.parametrize("suffix", ["", "rss.xml", "atom.xml"])
@pytest.mark.parametrize(
    "query",
    ["year=²²²²", "year=٢٠١٥", "network=²", "network=٣", "year=-201", "network=99999999999999999999999", "year=0999"],
)
def test_unicode_digits_and_out_of_range_numbers_are_ignored(client, index_page, stories, suffix, query):
    response = client.get(f"{index_page.url}{suffix}?{query}")
    assert response.status_code == 200
    if not suffix:
        assert len(response.context["stories"]) == 2  # the malformed value filters nothing


def test_ascii_year_and_network_id_still_filter(client, index_page, stories):
    response = client.get(index_page.url + "?year=2015")
    assert [story.pk for story in response.context["stories"]] == [stories["2015"].pk]
    response = client.get(index_page.url + f"?network={stories['network'].pk}")
    assert [story.pk for story in response.context["stories"]] == [stories["2015"].pk]
    response = client.get(index_page.url + "?year=2015&year=2015&year=%202015%20")
    year = next(facet for facet in response.context["facets"] if facet.name == "year")
    assert [option.value for option in year.selected] == ["2015"]
