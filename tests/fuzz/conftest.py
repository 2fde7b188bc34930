"""A small site with one page of every type the package serves, for the fuzz suite.

Each test gets the site built once (a function-scoped fixture shared by all of its Hypothesis examples);
rows stored by one example stay for the next, so the tests compare row counts before and after each request.
Rate limits are off: the suite sends far more POSTs than a visitor may, and the limits are tested elsewhere.
"""

import uuid
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache

from tests.factories.consultations import ConsultationPageFactory, ConsultationResponseFactory
from tests.factories.core import OrganisationFactory, ThemeFactory
from tests.factories.networks import (
    EventPageFactory,
    NetworkIndexPageFactory,
    NetworkJoinRequestFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
)
from tests.factories.search import SearchPageFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory


@dataclass
class FuzzSite:
    story_index: object
    story: object
    network_index: object
    network: object
    event: object
    consultation: object
    search: object
    response: object
    tokens: list = field(default_factory=list)


@pytest.fixture
def fuzz_site(root_page, settings, django_capture_on_commit_callbacks):
    settings.SEISMIC_WAGTAIL = {"CONSULTATION_RATE_LIMIT": 0, "JOIN_REQUEST_RATE_LIMIT": 0}
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        theme = ThemeFactory(name="Environment", slug="environment")
        organisation = OrganisationFactory(organisation_type="university")
        network_index = NetworkIndexPageFactory(parent=root_page, slug="networks")
        network = NetworkPageFactory(parent=network_index, title="SEiSMiC Austria", slug="austria")
        NetworkMemberFactory(page=network)
        NetworkJoinRequestFactory(network=network)
        event = EventPageFactory(parent=network, slug="workshop")
        story_index = StoryIndexPageFactory(parent=root_page, slug="stories")
        story = StoryPageFactory(
            parent=story_index, slug="solar", network=network, themes=[theme], organisations=[organisation]
        )
        StoryPageFactory(parent=story_index, slug="budget", city="Graz", start_year=2016)
        consultation = ConsultationPageFactory(
            parent=root_page, slug="agenda", require_confirmation=True, results_visibility="live"
        )
        response = ConsultationResponseFactory(page=consultation, email="ada@example.org", confirmed=False)
        search = SearchPageFactory(parent=root_page, slug="search")
    site = FuzzSite(story_index, story, network_index, network, event, consultation, search, response)
    site.tokens = [consultation.make_confirmation_token(response)]
    yield site
    cache.clear()


def fresh_token():
    return str(uuid.uuid4())
