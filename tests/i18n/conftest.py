import pytest

from tests.i18napp.models import TestNetworkPage, TestStoryPage


@pytest.fixture
def network(root_page):
    page = TestNetworkPage(title="Swedish network", slug="sweden", intro="Cities of Sweden.", country="SE")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def story(network):
    page = TestStoryPage(
        title="Car-free Sundays",
        slug="car-free-sundays",
        body="<p>Streets for people.</p>",
        country="SE",
        network=network,
    )
    network.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def translated_home(root_page, locales):
    """The site's home page, with a live copy in every other locale (Wagtail's own copy: quicker than a
    wagtail-localize translation, and the same tree)."""
    for code, locale in locales.items():
        if code != "en":
            copy = root_page.copy_for_translation(locale)
            copy.save_revision().publish()
    return root_page
