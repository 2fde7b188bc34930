"""``{% seismic_search_box %}``: the search form a site puts in its own header."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

pytestmark = pytest.mark.django_db

BOX = Template("{% load seismic_search %}{% seismic_search_box %}")


def _render(path, language):
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    with translation.override(language):
        return BOX.render(Context({"request": request}))


def test_box_points_at_the_search_page_of_the_visitors_language(search_pages_by_locale):
    english, swedish = search_pages_by_locale["en"], search_pages_by_locale["sv"]
    html = _render("/sv/", "sv")
    assert f'action="{swedish.url}"' in html and 'name="q"' in html and 'role="search"' in html
    with translation.override("sv"):
        assert f'aria-label="{translation.gettext("Search for")}"' in html
    assert f'action="{english.url}"' in _render("/", "en")


def test_box_falls_back_to_the_default_language_and_hides_without_a_search_page(search_pages_by_locale, locales):
    search_pages_by_locale["sv"].unpublish()
    assert f'action="{search_pages_by_locale["en"].url}"' in _render("/sv/", "sv")
    for page in search_pages_by_locale.values():
        page.unpublish()
    assert _render("/", "en").strip() == ""


def test_box_looks_up_the_search_page_once_per_request(
    search_pages_by_locale, django_assert_max_num_queries, django_assert_num_queries
):
    request = RequestFactory().get("/sv/", HTTP_HOST="localhost")
    with translation.override("sv"):
        with django_assert_max_num_queries(7):
            BOX.render(Context({"request": request}))
        with django_assert_num_queries(0):
            BOX.render(Context({"request": request}))
