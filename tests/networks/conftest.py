import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory


@pytest.fixture(autouse=True)
def clear_cache_and_language():
    """The rate limit counts in the cache: start every test with an empty one. Requests to /de/... leave
    German active in the thread (LocaleMiddleware does not reset it): reset it for the tests that follow."""
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()


@pytest.fixture
def network_index(root_page):
    return NetworkIndexPageFactory(parent=root_page, title="Networks", slug="networks")


@pytest.fixture
def network(network_index):
    return NetworkPageFactory(parent=network_index, title="SEiSMiC Austria", slug="austria", country="AT")
