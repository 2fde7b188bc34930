"""The story facet cache is cleared by changes to what the facets count or label, and by nothing else."""

import pytest
from wagtail.models import Page

from seismic_wagtail.stories.filters import _facet_cache_generation
from tests.factories.core import ThemeFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.stories import StoryPageFactory
from tests.factories.testapp import SimpleTestPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def generation(index_page):
    """A function returning the current cache generation (a change means every facet count was forgotten)."""
    _facet_cache_generation()
    return _facet_cache_generation


def test_saving_and_deleting_unrelated_pages_keeps_the_cache(root_page, generation):
    before = generation()
    page = SimpleTestPageFactory(parent=root_page, title="Opening hours")
    page.title = "Opening hours (summer)"
    page.save_revision().publish()
    plain = root_page.add_child(instance=Page(title="A plain Wagtail page", slug="plain"))
    plain.save()
    plain.delete()
    page.delete()
    assert generation() == before


def test_saving_a_story_clears_the_cache(index_page, generation):
    story = StoryPageFactory(parent=index_page, title="Vienna solar")
    after_create = generation()
    story.title = "Vienna solar roofs"
    story.save_revision().publish()
    after_publish = generation()
    story.delete()
    assert len({after_create, after_publish, generation()}) == 3


def test_labels_and_rows_clear_the_cache(root_page, index_page, generation):
    """Network pages and themes label the facets; moving a story changes which index counts it."""
    before = generation()
    network_index = NetworkIndexPageFactory(parent=root_page)
    assert generation() == before  # the network index labels nothing
    NetworkPageFactory(parent=network_index, title="Swedish network")
    after_network = generation()
    ThemeFactory(slug="energy", name="Energy")
    after_theme = generation()
    story = StoryPageFactory(parent=index_page)
    other_index = index_page.copy(to=root_page, update_attrs={"slug": "more-stories"}, copy_revisions=False)
    after_story = generation()
    story.move(other_index, pos="last-child")
    assert len({before, after_network, after_theme, after_story, generation()}) == 5
