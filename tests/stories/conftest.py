import pytest

from tests.factories.core import OrganisationFactory, ThemeFactory
from tests.factories.stories import StoryIndexPageFactory


@pytest.fixture
def index_page(root_page):
    return StoryIndexPageFactory(parent=root_page, slug="stories")


@pytest.fixture
def themes(locales):
    return {
        slug: ThemeFactory(slug=slug, name=name)
        for slug, name in [
            ("environment", "Environmental sustainability"),
            ("governance", "Concerted urban transformation"),
            ("welfare", "Welfare and finance"),
        ]
    }


@pytest.fixture
def organisations(locales):
    return {
        "uni": OrganisationFactory(name="Charles University", organisation_type="university", country="CZ"),
        "city": OrganisationFactory(name="City of Ghent", organisation_type="city", country="BE"),
        "ngo": OrganisationFactory(name="Repair Café Ghent", organisation_type="civil", country="BE"),
    }
