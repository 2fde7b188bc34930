"""The per-language backend without a server: index settings, mappings, routing and queries per language.

The client object is Wagtail's real one; nothing here opens a connection (the queries are compiled, not sent;
the index calls go to a recording stand-in for ``es.indices``).
"""

import json

import pytest
from wagtail.models import Page

from seismic_wagtail.search.analysis import LANGUAGES, TEXT_ANALYZER, get_language_analysis, normalise_language
from seismic_wagtail.search.backends.multilingual import LocaleRoutedIndex, LocaleRoutedRebuilder, locale_constraints
from tests.testapp.models import SimpleTestPage

pytestmark = pytest.mark.django_db


def _available(path):
    """Wagtail 7.0 has only the elasticsearch8 backend; 7.1+ (django-modelsearch) has all four."""
    import importlib

    try:
        importlib.import_module(path)
    except ImportError as error:
        return pytest.param(path, marks=pytest.mark.skip(reason=f"{path}: {error}"))
    return path


BACKENDS = [
    _available("seismic_wagtail.search.backends.elasticsearch8"),
    _available("seismic_wagtail.search.backends.elasticsearch9"),
    _available("seismic_wagtail.search.backends.opensearch2"),
    _available("seismic_wagtail.search.backends.opensearch3"),
]
CLOSED = "http://127.0.0.1:9"


def make_backend(path, **params):
    from wagtail.search.backends import get_search_backend

    return get_search_backend(path, URLS=[CLOSED], **params)


def base_name(backend):
    """Wagtail's own name of the page index: ``wagtailcore_page`` (7.1+) or ``wagtail__wagtailcore_page`` (7.0)."""
    from seismic_wagtail.search.backends.multilingual import MultilingualBackendMixin

    return super(MultilingualBackendMixin, backend).get_index_for_model(Page).name


class RecordingIndices:
    """Stands in for ``client.indices``: records create/put_mapping calls."""

    def __init__(self):
        self.calls = []

    def create(self, **kwargs):
        self.calls.append(("create", kwargs))

    def put_mapping(self, **kwargs):
        self.calls.append(("put_mapping", kwargs))


EXPECTED_STEMMERS = {
    "en": "english",
    "de": "light_german",
    "fr": "light_french",
    "nl": "dutch",
    "cs": "czech",
    "hu": "hungarian",
    "it": "light_italian",
    "nb": "norwegian",
    "sv": "swedish",
    "tr": "turkish",
}


@pytest.mark.parametrize("code", sorted(EXPECTED_STEMMERS))
def test_each_language_has_stemming_and_stop_words(code):
    analysis = get_language_analysis(code)
    chain = analysis["analyzer"][TEXT_ANALYZER]["filter"]
    filters = analysis["filter"]
    stemmer = filters["seismic_stemmer"]
    assert stemmer == {"type": "stemmer", "language": EXPECTED_STEMMERS[code]}
    assert filters["seismic_stop"]["stopwords"] == f"_{LANGUAGES[code]['builtin']}_"
    assert chain.index("seismic_stop") < chain.index("seismic_stemmer")
    for name in chain:
        assert name in filters or name in ("lowercase", "asciifolding", "apostrophe", "german_normalization")


def test_turkish_lowercases_the_turkish_way_and_drops_apostrophe_suffixes():
    analysis = get_language_analysis("tr")
    chain = analysis["analyzer"][TEXT_ANALYZER]["filter"]
    assert chain[:2] == ["apostrophe", "seismic_lowercase"]
    assert analysis["filter"]["seismic_lowercase"] == {"type": "lowercase", "language": "turkish"}
    assert "lowercase" not in chain
    # autocomplete too
    assert "seismic_lowercase" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert analysis["analyzer"]["seismic_autocomplete_search"]["filter"] == ["seismic_lowercase"]


def test_swedish_folds_after_stemming():
    chain = get_language_analysis("sv")["analyzer"][TEXT_ANALYZER]["filter"]
    assert chain[-2:] == ["seismic_stemmer", "asciifolding"]


def test_unknown_language_gets_standard_analysis_and_variants_normalise():
    assert get_language_analysis("pl")["analyzer"][TEXT_ANALYZER]["filter"] == ["lowercase"]
    assert normalise_language("de-AT") == "de"
    assert normalise_language("nn") == "nb"
    assert normalise_language("pt_BR") == "pt"


@pytest.mark.parametrize("path", BACKENDS)
def test_translatable_models_get_one_index_per_language(path, locales):
    backend = make_backend(path, INDEX_PREFIX="city_")
    index = backend.get_index_for_model(SimpleTestPage)
    assert isinstance(index, LocaleRoutedIndex)
    assert index.get_key() == base_name(backend)
    assert base_name(backend) in ("city_wagtailcore_page", "wagtail__wagtailcore_page")
    assert list(index.language_indexes) == ["en", "de", "fr", "nl", "cs", "hu", "it", "nb", "sv", "tr"]
    assert index.language_indexes["sv"].name == f"{base_name(backend)}_sv"
    # Images are not translatable: Wagtail's single index, unchanged.
    from wagtail.images.models import Image

    assert not isinstance(backend.get_index_for_model(Image), LocaleRoutedIndex)
    assert backend.get_index_for_model(Image).name.endswith("wagtailimages_image")


@pytest.mark.parametrize("path", BACKENDS)
@pytest.mark.parametrize("code", ["sv", "de", "tr", "en"])
def test_language_index_is_created_with_its_analysers_and_mapping(path, code, locales):
    backend = make_backend(path, LANGUAGES=["en", "de", "sv", "tr"])
    language_index = backend.get_index_for_model(SimpleTestPage).language_indexes[code]
    recorder = RecordingIndices()
    language_index.es = type("Client", (), {"indices": recorder})()
    language_index.put()
    language_index.add_model(SimpleTestPage)
    (create, create_kwargs), (put_mapping, mapping_kwargs) = recorder.calls
    settings = create_kwargs if "settings" in create_kwargs else create_kwargs["body"]
    mapping = mapping_kwargs if "properties" in mapping_kwargs else mapping_kwargs["body"]
    assert create_kwargs["index"] == mapping_kwargs["index"] == f"{base_name(backend)}_{code}"
    analysis = settings["settings"]["analysis"]
    assert analysis["analyzer"][TEXT_ANALYZER] == get_language_analysis(code)["analyzer"][TEXT_ANALYZER]
    # Wagtail's own analysis settings are kept (ngram filters for autocomplete)
    assert "edgengram" in analysis["filter"] and "ngram_analyzer" in analysis["analyzer"]
    properties = mapping["properties"]
    assert properties["_all_text"]["analyzer"] == TEXT_ANALYZER
    assert properties["title"]["analyzer"] == TEXT_ANALYZER
    assert properties["testapp_simpletestpage__body"]["analyzer"] == TEXT_ANALYZER
    assert properties["_all_text_boost_2_0"]["analyzer"] == TEXT_ANALYZER
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["_edgengrams"]["search_analyzer"] == "seismic_autocomplete_search"
    assert "analyzer" not in properties["locale_id_filter"]  # filters stay keyword/numeric
    uses_kwargs = path.startswith("seismic_wagtail.search.backends.elasticsearch")
    assert ("settings" in create_kwargs) is uses_kwargs


def test_index_settings_keep_site_index_settings(locales):
    backend = make_backend(
        "seismic_wagtail.search.backends.elasticsearch8",
        INDEX_SETTINGS={"settings": {"index": {"number_of_shards": 1}}},
    )
    settings = backend.get_index_settings("de")
    assert settings["settings"]["index"]["number_of_shards"] == 1
    assert settings["settings"]["analysis"]["analyzer"][TEXT_ANALYZER]["filter"][-1] == "seismic_stemmer"


@pytest.mark.parametrize("path", BACKENDS)
def test_documents_are_routed_by_locale(path, locales, make_page):
    backend = make_backend(path)
    index = backend.get_index_for_model(SimpleTestPage)
    added = {}
    for code, language_index in index.language_indexes.items():
        language_index.add_items = lambda model, items, code=code: added.setdefault(code, []).extend(items)
        language_index.add_item = lambda item, code=code: added.setdefault(code, []).append(item)
        language_index.delete_item = lambda item, code=code: added.setdefault(f"-{code}", []).append(item)
    sv = make_page("sv", "Staden", "Om staden")
    de = make_page("de", "Die Stadt", "Über die Stadt")
    en = make_page("en", "The city", "About the city")
    index.add_items(SimpleTestPage, [sv, de, en])
    index.add_item(sv)
    index.delete_item(de)
    assert added == {"sv": [sv, sv], "de": [de], "en": [en], "-de": [de]}


def test_items_of_a_language_without_index_are_skipped_and_logged(locales, make_page, caplog):
    backend = make_backend("seismic_wagtail.search.backends.elasticsearch8", LANGUAGES=["en", "sv"])
    index = backend.get_index_for_model(SimpleTestPage)
    index.language_indexes["en"].add_items = lambda model, items: pytest.fail("nothing English to add")
    de = make_page("de", "Die Stadt", "Über die Stadt")
    index.add_items(SimpleTestPage, [de])
    assert "language 'de' has no search index" in caplog.text


def compiled(path, queryset, query="städerna"):
    backend = make_backend(path)
    results = backend.search(query, queryset)
    return backend, results


@pytest.mark.parametrize("path", BACKENDS)
def test_query_with_a_locale_filter_goes_to_that_language_index(path, locales):
    queryset = Page.objects.live().filter(locale=locales["sv"])
    backend, results = compiled(path, queryset)
    assert results._get_index_name() == f"{base_name(backend)}_sv"
    body = results._get_es_body()
    assert json.dumps({"term": {"locale_id_filter": locales["sv"].pk}}) in json.dumps(body)
    assert body["query"]["bool"]["must"] == {
        "multi_match": {"query": "städerna", "fields": ["_all_text", "_all_text_boost_2_0^2.0"]}
    }


@pytest.mark.parametrize("path", BACKENDS)
def test_query_by_several_locales(path, locales):
    _backend, results = compiled(path, Page.objects.filter(locale_id=locales["tr"].pk))
    assert results._get_index_name() == f"{base_name(_backend)}_tr"
    _backend, results = compiled(path, Page.objects.filter(locale__in=[locales["de"], locales["sv"]]))
    assert results._get_index_name() == f"{base_name(_backend)}_de,{base_name(_backend)}_sv"


@pytest.mark.parametrize("path", BACKENDS)
def test_query_without_locale_filter_searches_every_language_index(path, locales):
    _backend, results = compiled(path, Page.objects.live())
    names = results._get_index_name().split(",")
    assert len(names) == 10 and f"{base_name(_backend)}_tr" in names


def test_negated_or_alternative_locale_filters_do_not_narrow_the_indexes(locales):
    from django.db.models import Q

    assert locale_constraints(Page.objects.exclude(locale=locales["sv"]).query.where) == (None, None)
    either = Page.objects.filter(Q(locale=locales["sv"]) | Q(title="x"))
    assert locale_constraints(either.query.where) == (None, None)
    both = Page.objects.filter(locale=locales["sv"]).filter(locale__language_code="sv")
    assert locale_constraints(both.query.where) == ({locales["sv"].pk}, {"sv"})


@pytest.mark.parametrize("path", BACKENDS)
def test_search_page_queryset_compiles_for_every_backend(path, locales):
    from wagtail.search.query import PlainText

    queryset = Page.objects.live().public().filter(locale=locales["de"]).type(SimpleTestPage)
    backend = make_backend(path)
    results = backend.search(PlainText('Städte AND "Stadt" -(x) OR *', operator="and"), queryset)
    body = results._get_es_body()
    assert body["query"]["bool"]["must"]["multi_match"]["operator"] == "and"
    assert results._get_index_name() == f"{base_name(backend)}_de"


@pytest.mark.parametrize("path", BACKENDS)
def test_rebuilder_rebuilds_each_language_index_atomically(path, locales):
    backend = make_backend(path, LANGUAGES=["en", "sv"], ATOMIC_REBUILD=True)
    index = backend.get_index_for_model(SimpleTestPage)
    rebuilder = backend.rebuilder_class(index)
    assert isinstance(rebuilder, LocaleRoutedRebuilder)
    new_sv = rebuilder.rebuilders["sv"].index
    assert new_sv.name.startswith(f"{base_name(backend)}_sv_") and new_sv.language == "sv"
    assert rebuilder.rebuilders["sv"].alias.name == f"{base_name(backend)}_sv"
    basic_backend = make_backend(path, LANGUAGES=["sv"], ATOMIC_REBUILD=False)
    basic = basic_backend.rebuilder_class(basic_backend.get_index_for_model(SimpleTestPage))
    assert basic.rebuilders["sv"].index.name == f"{base_name(backend)}_sv"


@pytest.mark.parametrize("path", BACKENDS)
def test_country_filter_values_are_serialisable(path, locales, make_page):
    from tests.searchapp.models import SearchTestEventPage

    backend = make_backend(path)
    event = make_page("sv", "Möte", "Nätverksmöte", kind="event")
    event.country = "SE"
    document = backend.mapping_class(SearchTestEventPage).get_document(event)
    country = document["searchapp_searchtesteventpage__country_filter"]
    assert country == "SE" and type(country) is str  # not django-countries' Country, which clients reject
    results = backend.search("möte", SearchTestEventPage.objects.filter(locale=locales["sv"], country="SE"))
    assert json.dumps({"term": {"searchapp_searchtesteventpage__country_filter": "SE"}}) in json.dumps(
        results._get_es_body()
    )


@pytest.mark.parametrize("path", BACKENDS)
def test_count_and_search_go_to_the_locale_index(path, locales):
    backend = make_backend(path)
    calls = []

    class Client:
        def count(self, **kwargs):
            calls.append(("count", kwargs))
            return {"count": 3}

        def search(self, **kwargs):
            calls.append(("search", kwargs))
            return {"hits": {"hits": []}}

    backend.es = Client()
    results = backend.search("städerna", Page.objects.filter(locale=locales["sv"]))
    assert results.count() == 3
    assert list(results[:10]) == []
    (count, count_kwargs), (search, search_kwargs) = calls
    assert count_kwargs["index"] == search_kwargs["index"] == f"{base_name(backend)}_sv"
    assert "query" in count_kwargs or "query" in count_kwargs["body"]
