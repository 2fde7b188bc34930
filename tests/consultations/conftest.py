import uuid

import pytest
from django.core.cache import cache

from tests.factories.consultations import ConsultationPageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation(root_page):
    return ConsultationPageFactory(parent=root_page, title="Urban agenda", slug="urban-agenda")


def answer_data(**overrides):
    """A valid POST body for the factory's questions."""
    data = {
        "q_q-rating": "4",
        "q_q-single": "city",
        "q_q-multiple": ["citizens", "researchers"],
        "q_q-ranking_0": "energy",
        "q_q-ranking_1": "housing",
        "q_q-text": "More money for <b>parks</b>.",
        "respondent_type": "citizen",
        "country": "SE",
        "city": "Malmö",
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "consent": "anonymous",
        "privacy": "on",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
