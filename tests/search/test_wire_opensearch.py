"""Wire tests of the OpenSearch path against osmem-server.

osmem-server (PyPI ``osmem-server``) is a **test double**: an in-memory, OpenSearch-compatible server (a Go
binary shipped in the wheel), not OpenSearch itself. It is started here on a free loopback port
(``127.0.0.1:0``) with a bounded start-up wait and stopped at teardown; the tests are skipped, with the
reason, only when it cannot start. What it does not implement is tested as a gap, not faked: it has no
Czech and no Dutch ``stemmer`` filter (see docs/reference/search.md). A real server is exercised by
``test_live_elasticsearch.py`` when ``ELASTICSEARCH_URL`` is set.
"""

import json
import logging
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.testapp.models import SimpleTestPage

pytestmark = pytest.mark.django_db(transaction=False)

BACKEND = "seismic_wagtail.search.backends.opensearch3"
LANGUAGES = ["en", "de", "sv", "tr"]


@pytest.fixture(scope="module")
def osmem_server_url():
    try:
        from osmem_server import OsmemError, OsmemServer
    except ImportError as error:  # pragma: no cover - the test extra installs it
        pytest.skip(f"osmem-server is not installed: {error}")
    try:
        server = OsmemServer.start(addr="127.0.0.1:0", japanese=False, startup_timeout=20)
    except (OsmemError, OSError) as error:
        pytest.skip(f"osmem-server could not start: {error}")
    try:
        yield server.url
    finally:
        server.close(grace=2)


@pytest.fixture
def opensearch(osmem_server_url):
    """WAGTAILSEARCH_BACKENDS pointing at osmem with a fresh index prefix for this test."""
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    config = {"BACKEND": BACKEND, "URLS": [osmem_server_url], "INDEX_PREFIX": prefix, "LANGUAGES": LANGUAGES}
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": config}):
        from wagtail.search.backends import get_search_backend

        yield get_search_backend()


def request(url, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def rebuild():
    call_command("update_index", verbosity=0)


def titles(response):
    """The titles in the visitor's-language results (not the "other languages" section)."""
    html = response.content.decode().split('id="seismic-search-other-heading"')[0]
    assert response.status_code == 200
    return [
        title for title in ("Staden", "Die Stadt", "Kent", "The city", "Städte und Dörfer") if f">{title}</a>" in html
    ]


def test_update_index_creates_one_index_per_language_with_its_analyser(opensearch, osmem_server_url, make_page):
    make_page("sv", "Staden", "Berättelsen om staden och dess invånare")
    rebuild()
    prefix = opensearch.index_prefix
    for code in LANGUAGES:
        status, body = request(f"{osmem_server_url}/{prefix}wagtailcore_page_{code}/_mapping")
        assert status == 200, body
        (mapping,) = body.values()  # the alias resolves to the atomic rebuild's index
        assert mapping["mappings"]["properties"]["_all_text"]["analyzer"] == "seismic_text"
    status, body = request(f"{osmem_server_url}/{prefix}wagtailcore_page_sv/_count")
    assert body["count"] == 2  # the Swedish copy of the site root and the story
    status, body = request(f"{osmem_server_url}/{prefix}wagtailcore_page_de/_count")
    assert body["count"] == 0  # the Swedish page went only to the Swedish index


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("sv", "städerna", ["stad"]),
        ("sv", "staden", ["stad"]),
        ("de", "Städte", ["stadt"]),
        ("de", "Stadt", ["stadt"]),
        ("tr", "kentlerde", ["kent"]),
        ("tr", "İstanbul'da ISPARTA", ["istanbul", "ıspar"]),
    ],
)
def test_language_analyser_stems_on_the_server(opensearch, osmem_server_url, make_page, code, text, expected):
    rebuild()
    status, body = request(
        f"{osmem_server_url}/{opensearch.index_prefix}wagtailcore_page_{code}/_analyze",
        "POST",
        {"analyzer": "seismic_text", "text": text},
    )
    assert status == 200, body
    assert [token["token"] for token in body["tokens"]] == expected


def test_swedish_plural_finds_the_story_about_the_city(opensearch, client, make_page, search_pages_by_locale):
    make_page("sv", "Staden", "Berättelsen om staden och dess invånare")
    make_page("de", "Die Stadt", "Bürger gestalten ihre Stadt")
    rebuild()
    response = client.get(search_pages_by_locale["sv"].url, {"q": "städerna"})
    assert titles(response) == ["Staden"]


def test_german_plural_finds_the_singular(opensearch, client, make_page, search_pages_by_locale):
    make_page("de", "Die Stadt", "Bürger gestalten ihre Stadt")
    make_page("sv", "Staden", "Berättelsen om staden")
    rebuild()
    assert titles(client.get(search_pages_by_locale["de"].url, {"q": "Städte"})) == ["Die Stadt"]
    # The Swedish visitor's query is not analysed as German and does not reach the German index.
    assert titles(client.get(search_pages_by_locale["sv"].url, {"q": "Städte"})) == []


def test_turkish_suffixes_and_apostrophes(opensearch, client, make_page, search_pages_by_locale):
    make_page("tr", "Kent", "İstanbul'da kentsel dönüşüm ve kent konseyleri")
    rebuild()
    url = search_pages_by_locale["tr"].url
    assert titles(client.get(url, {"q": "kentlerde"})) == ["Kent"]
    assert titles(client.get(url, {"q": "istanbul"})) == ["Kent"]


def test_saving_a_page_indexes_it_in_its_language_only(opensearch, client, make_page, search_pages_by_locale):
    rebuild()
    make_page("sv", "Staden", "Berättelsen om staden")  # indexed by Wagtail's signal handler
    opensearch.refresh_indexes()
    assert titles(client.get(search_pages_by_locale["sv"].url, {"q": "städerna"})) == ["Staden"]
    assert titles(client.get(search_pages_by_locale["en"].url, {"q": "staden"})) == []


def test_all_languages_shows_each_item_once_in_the_visitors_language(
    opensearch, client, make_page, search_pages_by_locale
):
    english = make_page("en", "The city", "Stories of the city and Malmö")
    make_page("sv", "Staden", "Berättelser om staden och Malmö", translation_of=english)
    make_page("de", "Städte und Dörfer", "Geschichten aus Malmö")
    rebuild()
    url = search_pages_by_locale["sv"].url
    assert titles(client.get(url, {"q": "Malmö"})) == ["Staden"]
    all_languages = titles(client.get(url, {"q": "Malmö", "lang": "all"}))
    assert sorted(all_languages) == ["Staden", "Städte und Dörfer"]  # not "The city": one per item


def test_facet_counts_and_type_filter_on_the_server(opensearch, client, make_page, search_pages_by_locale):
    make_page("sv", "Staden", "Malmö")
    make_page("sv", "Kent", "Malmö möte", kind="event")
    rebuild()
    response = client.get(search_pages_by_locale["sv"].url, {"q": "Malmö", "type": "searchapp.searchtesteventpage"})
    html = response.content.decode()
    assert titles(response) == ["Kent"]
    assert "(1)" in html and 'aria-current="true">Test events' in html


def test_osmem_gap_no_czech_or_dutch_stemmer(opensearch, osmem_server_url):
    """osmem-server does not implement the Czech and Dutch stemmers; a real Elasticsearch/OpenSearch does.

    This test pins the documented gap: when it fails, osmem has caught up and the docs should say so.
    """
    rebuild()
    for code in ("cs", "nl"):
        backend_languages = opensearch.languages
        assert code not in backend_languages  # the wire tests leave these languages out on purpose
        status, body = request(
            f"{osmem_server_url}/_analyze",
            "POST",
            {
                "tokenizer": "standard",
                "filter": [{"type": "stemmer", "language": {"cs": "czech", "nl": "dutch"}[code]}],
                "text": "města",
            },
        )
        assert status == 400 and "not supported by osmem" in json.dumps(body)


def test_unreachable_server_page_save_succeeds_and_is_logged(client, make_page, caplog):
    config = {"BACKEND": BACKEND, "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1, "OPTIONS": {"max_retries": 0}}
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": config}), caplog.at_level(logging.ERROR):
        page = make_page("sv", "Staden", "Berättelsen om staden")
        page.title = "Staden Malmö"
        page.save_revision().publish()
    assert SimpleTestPage.objects.get(pk=page.pk).title == "Staden Malmö"
    assert "search backend" in caplog.text


def test_unreachable_server_search_page_says_unavailable(client, search_pages_by_locale, caplog):
    config = {"BACKEND": BACKEND, "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1, "OPTIONS": {"max_retries": 0}}
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": config}), caplog.at_level(logging.ERROR):
        response = client.get(search_pages_by_locale["sv"].url, {"q": "städerna"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "Search is unavailable" in caplog.text


def test_country_filter_fields_index_and_filter(opensearch, make_page, locales):
    from tests.searchapp.models import SearchTestEventPage

    sweden = make_page("sv", "Nätverksmöte Malmö", "Möte", kind="event")
    sweden.country = "SE"
    sweden.save_revision().publish()
    norway = make_page("sv", "Nätverksmöte Oslo", "Möte", kind="event")
    norway.country = "NO"
    norway.save_revision().publish()
    rebuild()  # failed with "Unable to serialize Country" before the mapping made filter values JSON-safe
    found = opensearch.search("möte", SearchTestEventPage.objects.filter(locale=locales["sv"], country="SE"))
    assert [page.pk for page in found] == [sweden.pk]
    assert found.count() == 1


def test_odd_queries_never_give_a_server_error_on_the_server(opensearch, client, make_page, search_pages_by_locale):
    from tests.search.test_search_page import ODD_QUERIES

    make_page("tr", "Kent", "İstanbul'da kentsel dönüşüm")
    rebuild()
    for query in ODD_QUERIES:
        for extra in ({}, {"lang": "all"}):
            response = client.get(search_pages_by_locale["tr"].url, {"q": query, **extra})
            assert response.status_code == 200, query
            assert not response.context["search_outcome"].unavailable, query


def issue_stories(make_page):
    """The issue's done-when stories (tests/search/test_language_search.py has the same on the database)."""
    make_page("tr", "Mahalleler hazır", "Mahalleler depreme hazırlanıyor.")
    make_page("tr", "Kent ve afet", "Büyük depremler kenti değiştirdi.")
    make_page("tr", "Kentsel dönüşüm", "Yeni konutlar ve parklar.")
    make_page("de", "Grüne Höfe", "Die Gärten der Nachbarschaft.")
    make_page("de", "Am Rand", "Am Rand des Gartens wächst Gemüse.")
    make_page("en", "Green yards", "Community gardens in every district.")
    make_page("en", "Deprem drills in Izmir", "What the deprem drills taught the city.")


def result_titles(response):
    assert response.status_code == 200 and not response.context["search_outcome"].unavailable
    return sorted(page.title for page in response.context["search_results"])


def ranked_titles(response, count):
    """The titles of the first ``count`` visitor's-language results, sorted."""
    assert response.status_code == 200 and not response.context["search_outcome"].unavailable
    return sorted(page.title for page in response.context["search_results"][:count])


def test_issue_queries_on_the_server(opensearch, client, make_page, search_pages_by_locale):
    """The issue's queries over the wire. osmem-server 0.1.6 gap: for these single-word queries it answers
    Wagtail's correct ``bool.must.multi_match`` (operator "and") with the language index's other documents
    too, ranked below the matches; so this test checks the top-ranked results, and
    ``test_live_elasticsearch.py`` checks the exact result lists on a real server."""
    issue_stories(make_page)
    rebuild()
    urls = {code: page.url for code, page in search_pages_by_locale.items()}
    assert ranked_titles(client.get(urls["de"], {"q": "garten"}), 2) == ["Am Rand", "Grüne Höfe"]
    assert ranked_titles(client.get(urls["en"], {"q": "garden"}), 1) == ["Green yards"]
    response = client.get(urls["tr"], {"q": "deprem"})
    # Not done on Elasticsearch/OpenSearch: the Turkish Snowball stemmer gives "depre" for "deprem" and
    # "depreme" but "deprem" for "depremler", and these backends have no prefix matching (the database backend
    # has): "depreme" is found, "depremler" is not (docs/reference/search.md).
    assert ranked_titles(response, 1) == ["Mahalleler hazır"]
    html = response.content.decode()
    assert "<mark>depreme</mark>" in html
    # The English-only story in the "other languages" section, marked as English (osmem lists the other
    # languages' documents there too, see above).
    others = response.context["search_other_language_results"]
    english_only = next(page for page in others if page.title == "Deprem drills in Izmir")
    assert english_only.search_language_codes == ["en"]
    assert '<h3 lang="en"><a href="/deprem-drills-in-izmir/" hreflang="en">Deprem drills in Izmir</a></h3>' in html
