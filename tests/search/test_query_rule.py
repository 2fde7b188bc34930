"""The search query follows the visitor-text rule (issue #15): control characters give an error naming the
field, and nothing is searched."""

import pytest

pytestmark = pytest.mark.django_db


def test_control_characters_in_the_query_give_an_error(client, search_pages_by_locale):
    response = client.get("/search/", {"q": "city\x1bplanning"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Remove the control characters from “Search for”" in html
    assert 'aria-invalid="true" aria-describedby="seismic-search-q-error"' in html
    assert response.context["search_results"] == []
    assert response.context["search_query"] == "city planning"  # the box keeps the text without them


def test_tab_and_newline_are_not_errors(client, search_pages_by_locale):
    response = client.get("/search/", {"q": "city\tplanning"})
    assert response.context["search_query_error"] == ""
