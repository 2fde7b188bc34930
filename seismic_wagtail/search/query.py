"""The search behind the search page: locale-limited, one result per translated item, facets by type, and
the items that exist only in other languages.

:func:`search_pages` works on any Wagtail search backend: the database backend (the default, no
configuration) and the per-language Elasticsearch/OpenSearch backends of :mod:`.backends`. It returns a
:class:`SearchOutcome`; a search server that cannot be reached gives ``unavailable=True`` (and a log entry)
instead of an exception.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from seismic_wagtail.core.conf import get_setting
from seismic_wagtail.core.swappable import get_models_by_label

logger = logging.getLogger("seismic_wagtail.search")

#: Longer queries are cut to this many characters (a search box is not a document upload).
MAX_QUERY_LENGTH = 200
#: At most this many hits are read from the backend per search; facets and pages are computed from them.
MAX_RESULTS = 500
#: At most this many items that exist only in other languages are listed (they are not paginated).
MAX_OTHER_LANGUAGE_RESULTS = 20

_WHITESPACE = re.compile(r"\s+")


def clean_query(raw):
    """Normalise what a visitor typed: Unicode NFC, no control characters, single spaces, at most
    :data:`MAX_QUERY_LENGTH` characters."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in text)
    text = _WHITESPACE.sub(" ", text).strip()
    return text[:MAX_QUERY_LENGTH].strip()


_INNER_JOINERS = re.compile(r"(?<=\w)['’-](?=\w)")


def search_terms(query):
    """The words of a cleaned query, as the text given to the backend.

    Punctuation and symbols become spaces (they are not words in any analyser, and the database backends
    would read quotes, brackets or operators as query syntax); apostrophes and hyphens inside a word stay,
    so "İstanbul'da" reaches the Turkish analyser whole.
    """
    kept = []
    joiners = {match.start() for match in _INNER_JOINERS.finditer(query)}
    for position, char in enumerate(query):
        category = unicodedata.category(char)
        if position in joiners or category[0] not in ("P", "S"):
            kept.append(char)
        else:
            kept.append(" ")
    words = "".join(kept).split()
    # Bare boolean operators would be syntax for some backends: AND/OR/NOT/NEAR as words are dropped.
    return " ".join(word for word in words if word not in ("AND", "OR", "NOT", "NEAR"))


def searchable_models():
    """The page models of ``SEISMIC_WAGTAIL["SEARCH_MODELS"]`` whose apps are installed."""
    return [model for model in get_models_by_label(get_setting("SEARCH_MODELS")) if issubclass(model, Page)]


def backend_errors():
    """Exceptions that mean "the search server failed", for the clients that are installed.

    The clients are optional dependencies, so each is imported here, inside ``try``, and skipped when absent.
    """
    errors = []
    try:
        from elastic_transport import TransportError

        errors.append(TransportError)
    except ImportError:
        pass
    try:
        from elasticsearch import ApiError

        errors.append(ApiError)
    except ImportError:
        pass
    try:
        from elasticsearch import TransportError as LegacyTransportError

        errors.append(LegacyTransportError)
    except ImportError:
        pass
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:
        pass
    return tuple(errors) or (ConnectionError,)


@dataclass
class Facet:
    """One content type among the results: ``value`` is the ``type`` request parameter."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class OtherLanguageResult:
    """An item found in another language that has no live page in the visitor's language."""

    #: The best hit (a base ``Page``), in its own language.
    page: Page
    #: The codes of the languages the item is live in (in the order the locales were created).
    language_codes: list


@dataclass
class SearchOutcome:
    query: str = ""
    #: Pages (base ``Page`` instances) in rank order, one per translated item.
    results: list = field(default_factory=list)
    #: :class:`OtherLanguageResult` in rank order (``other_languages=True`` only).
    other_languages: list = field(default_factory=list)
    #: True when more items than :data:`MAX_OTHER_LANGUAGE_RESULTS` were found in other languages.
    other_languages_truncated: bool = False
    facets: list = field(default_factory=list)
    unavailable: bool = False
    #: True when the backend had more than :data:`MAX_RESULTS` hits.
    truncated: bool = False
    total: int = 0


def model_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def search_pages(
    query, locale, *, all_languages=False, other_languages=False, content_type=None, models=None, backend=None
):
    """Search the live, public pages of ``models`` (default :func:`searchable_models`).

    - ``locale``: the visitor's locale; results are limited to it unless ``all_languages``.
    - ``all_languages``: search every locale; each translated item appears once, in ``locale`` when a live
      translation exists there, else in the language of its best hit.
    - ``other_languages`` (without ``all_languages``): also search the other locales and list, in
      ``outcome.other_languages``, the items that have no live page in ``locale`` (nothing is hidden because
      it is not translated yet). The backend analyses the query with each language's own analysis.
    - ``content_type``: a :func:`model_key` to narrow the results to (facet counts stay those of all types,
      and count the items of both lists).
    """
    outcome = SearchOutcome(query=clean_query(query))
    terms = search_terms(outcome.query)
    if not terms:
        return outcome
    models = searchable_models() if models is None else list(models)
    if not models:
        return outcome
    content_types = ContentType.objects.get_for_models(*models)
    pages = Page.objects.live().public().filter(content_type__in=list(content_types.values()))
    queryset = pages if all_languages else pages.filter(locale=locale)
    backend = backend or get_search_backend()
    other_hits = []
    try:
        hits = list(backend.search(PlainText(terms, operator="and"), queryset)[: MAX_RESULTS + 1])
        if other_languages and not all_languages:
            other_ids = list(Locale.objects.exclude(pk=locale.pk).values_list("pk", flat=True))
            if other_ids:
                other_queryset = pages.filter(locale__in=other_ids)
                other_hits = list(backend.search(PlainText(terms, operator="and"), other_queryset)[:MAX_RESULTS])
    except backend_errors():
        logger.exception("Search is unavailable: the search backend failed for the query %r", outcome.query)
        outcome.unavailable = True
        return outcome
    outcome.truncated = len(hits) > MAX_RESULTS
    hits = hits[:MAX_RESULTS]

    results = _one_per_translation(hits, locale) if all_languages else hits
    others = _untranslated(other_hits, locale) if other_hits else []
    key_by_ct = {content_types[model].pk: (model_key(model), model) for model in models}
    counts = {}
    for page in results + [other.page for other in others]:
        key = key_by_ct.get(page.content_type_id)
        if key:
            counts[key[0]] = counts.get(key[0], 0) + 1
    for key, model in sorted(key_by_ct.values(), key=lambda item: str(item[1]._meta.verbose_name_plural)):
        if key in counts:
            label = str(model._meta.verbose_name_plural).capitalize()
            outcome.facets.append(Facet(key, label, counts[key], selected=key == content_type))
    if content_type in counts:
        wanted = next(pk for pk, (key, _model) in key_by_ct.items() if key == content_type)
        results = [page for page in results if page.content_type_id == wanted]
        others = [other for other in others if other.page.content_type_id == wanted]
    outcome.results = results
    outcome.total = len(results)
    outcome.other_languages = others[:MAX_OTHER_LANGUAGE_RESULTS]
    outcome.other_languages_truncated = len(others) > MAX_OTHER_LANGUAGE_RESULTS
    return outcome


def _untranslated(hits, locale):
    """The best hit of each translation set that has no live, public page in ``locale``, with the languages
    the set is live in (one query)."""
    best = {}
    for page in hits:
        best.setdefault(page.translation_key, page)
    languages = {}
    rows = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=list(best))
        .order_by("locale_id")
        .values_list("translation_key", "locale_id", "locale__language_code")
    )
    for key, locale_id, code in rows:
        languages.setdefault(key, []).append((locale_id, code))
    return [
        OtherLanguageResult(page, [code for _locale_id, code in languages.get(key, [])])
        for key, page in best.items()
        if all(locale_id != locale.pk for locale_id, _code in languages.get(key, []))
    ]


def _one_per_translation(hits, locale):
    """Keep the best hit of each translation set, replaced by its live translation in ``locale`` if any."""
    best = {}
    for page in hits:
        best.setdefault(page.translation_key, page)
    in_locale = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=[key for key, page in best.items() if page.locale_id != locale.pk], locale=locale)
    }
    return [in_locale.get(key, page) for key, page in best.items()]


def specific_pages(pages):
    """The specific instances of ``pages`` (one query per page type), in the same order."""
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
    return [by_pk[page.pk] for page in pages if page.pk in by_pk]
