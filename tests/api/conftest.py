import pytest
from django.core.cache import cache

from tests.factories.core import ImageFactory, OrganisationFactory, ThemeFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory, NetworkThemeFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory

API = "/api/seismic/v2/"


@pytest.fixture(autouse=True)
def _api_urls(settings):
    """The test site with the read API mounted by its one include (tests/api/urls.py)."""
    settings.ROOT_URLCONF = "tests.api.urls"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def get_json(client):
    def get(path, status=200, **params):
        response = client.get(API + path, params)
        assert response.status_code == status, response.content[:500]
        assert response["Content-Type"].startswith("application/json")
        return response.json()

    return get


@pytest.fixture
def themes(locales):
    return {
        slug: ThemeFactory(slug=slug, name=name)
        for slug, name in [("mobility", "Urban mobility"), ("housing", "Housing")]
    }


@pytest.fixture
def network_index(root_page):
    return NetworkIndexPageFactory(parent=root_page, title="Networks", slug="networks")


@pytest.fixture
def austria(network_index, themes):
    network = NetworkPageFactory(parent=network_index, title="SEiSMiC Austria", slug="austria", country="AT")
    NetworkThemeFactory(page=network, theme=themes["mobility"])
    return network


@pytest.fixture
def story_index(root_page):
    return StoryIndexPageFactory(parent=root_page, slug="stories")


@pytest.fixture
def story(story_index, austria, themes):
    return StoryPageFactory(
        parent=story_index,
        title="Pop-up shops in Lend",
        slug="pop-up-shops",
        city="Graz",
        country="AT",
        start_year=2015,
        end_year=2017,
        network=austria,
        hero_image=ImageFactory(title="Shops", description="Shops on the main street"),
        themes=[themes["mobility"]],
        organisations=[OrganisationFactory(name="City of Graz", acronym="")],
    )
