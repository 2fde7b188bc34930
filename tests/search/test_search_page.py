"""The search page on Wagtail's database backend (the default: SQLite FTS5 here, PostgreSQL full text with
``DATABASE_URL``): locale limit, all languages with one result per item, facets, pagination, bad input."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from seismic_wagtail.search.models import SearchPage
from seismic_wagtail.search.query import MAX_QUERY_LENGTH, clean_query, searchable_models
from tests.searchapp.models import SearchTestEventPage
from tests.testapp.models import SimpleTestPage

pytestmark = pytest.mark.django_db


def result_titles(response):
    assert response.status_code == 200
    return [result.title for result in response.context["search_results"]]


def test_searchable_models_leave_out_apps_that_are_not_installed():
    assert searchable_models() == [SimpleTestPage, SearchTestEventPage]


def test_default_setting_names_the_package_page_types():
    from seismic_wagtail.core.conf import DEFAULTS

    assert DEFAULTS["SEARCH_MODELS"] == [
        "seismic_networks.NetworkPage",
        "seismic_networks.EventPage",
        "seismic_stories.StoryPage",
        "seismic_consultations.ConsultationPage",
    ]


def test_search_page_exists_per_locale_and_is_labelled(client, search_pages_by_locale):
    response = client.get("/sv/sok/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="seismic-search-q">' in html and 'id="seismic-search-q" name="q"' in html
    assert 'role="search"' in html and 'method="get"' in html
    assert '<label for="seismic-search-lang">' in html
    assert client.get("/de/suche/").status_code == 200


def test_results_are_limited_to_the_visitors_language(client, make_page, search_pages_by_locale):
    make_page("sv", "Staden Malmö", "Berättelsen om Malmö")
    make_page("de", "Malmö auf Deutsch", "Eine Geschichte aus Malmö")
    assert result_titles(client.get("/sv/sok/", {"q": "Malmö"})) == ["Staden Malmö"]
    assert result_titles(client.get("/de/suche/", {"q": "Malmö"})) == ["Malmö auf Deutsch"]


def test_all_languages_gives_one_result_per_item_in_the_visitors_language(client, make_page, search_pages_by_locale):
    english = make_page("en", "Malmö network", "The network of Malmö")
    swedish = make_page("sv", "Malmö nätverk", "Nätverket i Malmö", translation_of=english)
    german = make_page("de", "Malmö Netzwerk", "Das Netzwerk von Malmö", translation_of=english)
    only_german = make_page("de", "Malmö Bürgerhaushalt", "Bürgerhaushalt in Malmö")
    response = client.get("/sv/sok/", {"q": "Malmö", "lang": "all"})
    results = response.context["search_results"]
    assert sorted(page.pk for page in results) == sorted([swedish.pk, only_german.pk])
    assert german.pk not in [page.pk for page in results]
    html = response.content.decode()
    assert 'lang="de"' in html  # the German-only item is marked as German
    assert 'name="lang" value="mine">' in html  # "only this language" is not ticked
    assert response.context["search_other_language_results"] == []  # all languages: one list


def test_facets_count_types_and_filter(client, make_page, search_pages_by_locale):
    make_page("en", "Urban lab one", "Living lab")
    make_page("en", "Urban lab two", "Living lab")
    make_page("en", "Urban lab meeting", "Living lab", kind="event")
    response = client.get("/search/", {"q": "lab"})
    facets = {facet.value: facet.count for facet in response.context["search_facets"]}
    assert facets == {"testapp.simpletestpage": 2, "searchapp.searchtesteventpage": 1}
    response = client.get("/search/", {"q": "lab", "type": "searchapp.searchtesteventpage"})
    assert result_titles(response) == ["Urban lab meeting"]
    assert {facet.value: facet.count for facet in response.context["search_facets"]} == facets
    assert result_titles(client.get("/search/", {"q": "lab", "type": "nonsense"})).__len__() == 3


def test_pagination_survives_bad_page_numbers(client, make_page, search_pages_by_locale):
    page = search_pages_by_locale["en"]
    page.results_per_page = 2
    page.save_revision().publish()
    for number in range(5):
        make_page("en", f"Living lab {number}", "A living lab")
    numbers = {}
    for page_param in ["2", "999", "abc", "-1", "", "1e9", "٣"]:
        response = client.get("/search/", {"q": "lab", "page": page_param})
        assert response.status_code == 200
        numbers[page_param] = response.context["search_results_page"].number
        assert 'rel="next"' in response.content.decode() or 'rel="prev"' in response.content.decode()
    # Django's Paginator.get_page: a bad number is page 1, a number past the end is the last page.
    assert numbers == {"2": 2, "999": 3, "abc": 1, "-1": 3, "": 1, "1e9": 1, "٣": 3}


ODD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "städerna " * 1200,
    'AND OR NOT "unclosed',
    "title:foo -bar +baz (qux* OR ?) ~2 ^3 {} [] \\ / : ! & |",
    "NEAR(a b) a* \"a\" 'b' `c`",
    "'; DROP TABLE wagtailcore_page; --",
    "%_%",
    "\x00\x01\x1f nul",
    "\u202e\u200b\ufeff zero width",
    "😀🏙️ emoji",
    "İı ß Ǆ ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "ﷺ 文字 한국어 עברית العربية",
]


@pytest.mark.parametrize("all_languages", [False, True])
def test_odd_queries_never_give_a_server_error(client, make_page, search_pages_by_locale, all_languages):
    make_page("tr", "İstanbul'da kent", "Kentsel dönüşüm")
    for query in ODD_QUERIES:
        params = {"q": query}
        if all_languages:
            params["lang"] = "all"
        response = client.get("/tr/arama/", params)
        assert response.status_code == 200, query
        assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH


def test_long_query_is_cut_and_the_visitor_told(client, search_pages_by_locale):
    response = client.get("/search/", {"q": "city " * 2000})
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH
    assert "seismic-search-q-cut" in response.content.decode()


def test_clean_query():
    assert clean_query("  a\tb\x00c\n ") == "a b c"
    assert clean_query(None) == ""
    assert clean_query("e\u0301") == "é"


def test_no_per_result_queries(client, make_page, search_pages_by_locale, django_assert_num_queries):
    def count_queries(n):
        for number in range(n):
            make_page("en", f"Quiet street {number}", "A quiet street", kind="event" if number % 2 else "simple")
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get("/search/", {"q": "quiet", "lang": "all"})  # warm Wagtail's site and locale caches
        with CaptureQueriesContext(connection) as context:
            response = client.get("/search/", {"q": "quiet", "lang": "all"})
        assert response.status_code == 200
        return len(context.captured_queries)

    few = count_queries(2)
    Page.objects.filter(title__startswith="Quiet street").delete()
    many = count_queries(10)
    assert few == many


class TestSearchPageType(WagtailPageTestCase):
    def setUp(self):
        # The admin views activate the user's language; do not leak it into later tests.
        from django.utils import translation

        self.addCleanup(translation.activate, translation.get_language())

    def test_can_be_created_anywhere_but_has_no_children(self):
        self.assertCanCreateAt(Page, SearchPage)
        self.assertCanNotCreateAt(SearchPage, SimpleTestPage)

    def test_routable_and_renderable(self):
        root = Page.objects.get(depth=2)
        page = SearchPage(title="Search", slug="search")
        root.add_child(instance=page)
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(page, query_data={"q": "city"})
        self.assertPageIsEditable(page)


def test_search_terms_drop_syntax_but_keep_words():
    from seismic_wagtail.search.query import search_terms

    assert search_terms('AND OR "unclosed') == "unclosed"
    assert search_terms("İstanbul'da (kent*) -x") == "İstanbul'da kent x"
    assert search_terms("well-being's 'quoted'") == "well-being's quoted"
    assert search_terms("%_% ?!") == ""


def test_invalid_utf8_in_the_query_string(client, search_pages_by_locale):
    response = client.get("/tr/arama/?q=%ED%A0%80%FF%C3&page=%FF")
    assert response.status_code == 200
