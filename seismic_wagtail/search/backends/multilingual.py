"""One index per language on top of Wagtail's own Elasticsearch/OpenSearch backends.

Wagtail's Elasticsearch backends keep every model with the same root (all pages) in one index with one
analyser. The mixins here split the index of a *translatable* root model (``Page``, translatable snippets)
into one index per content language, ``<wagtail's index name>_<language code>``:

- each language index is created with that language's analysers (:mod:`seismic_wagtail.search.analysis`)
  and its text fields are mapped with them;
- documents go only to the index of their ``locale`` (``add``, ``add_bulk``, ``delete`` and
  ``update_index`` all route by ``locale_id``);
- a search whose queryset is filtered by locale (``.filter(locale=...)``,
  ``.filter(locale__language_code=...)``) goes only to that language's index, so the query is analysed
  with the same stemmer as the documents; a search without a locale filter goes to all language indexes
  at once (each analyses the query with its own analyser).

Models that are not translatable (images, documents) keep Wagtail's single index and analyser.

:func:`multilingual_backend` builds the concrete classes from one of Wagtail's backend classes; the
modules ``elasticsearch8``, ``elasticsearch9``, ``opensearch2`` and ``opensearch3`` beside this one apply
it to the backend of the same name. To change a language's analysis, subclass the backend and override
:meth:`MultilingualBackendMixin.get_language_analysis`.
"""

import datetime
import decimal
import logging
import uuid
from collections import defaultdict
from copy import deepcopy

from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, TranslatableMixin

try:  # Wagtail >= 7.1: the backends live in django-modelsearch
    from modelsearch.backends.base import get_model_root
    from modelsearch.utils import deep_update
except ImportError:  # Wagtail 7.0
    from wagtail.search.backends.base import get_model_root
    from wagtail.utils.utils import deep_update

from ..analysis import get_language_analysis, localise_mapping
from .locales import locale_constraints

logger = logging.getLogger("seismic_wagtail.search")


def _is_translatable(model):
    return issubclass(get_model_root(model), TranslatableMixin)


def index_suffix(language_code):
    """The suffix of a language's index name: ``"de"`` -> ``"de"``, ``"pt-BR"`` -> ``"pt_br"``."""
    return language_code.lower().replace("-", "_")


_JSON_TYPES = (str, int, float, bool, list, tuple, dict, datetime.date, datetime.datetime, decimal.Decimal, uuid.UUID)


class JSONSafeMappingMixin:
    """Makes filter values the client cannot serialise into strings.

    Wagtail's mapping passes field values through unchanged; a ``FilterField`` on a django-countries
    ``CountryField`` (``Organisation.country``, network pages) gives a ``Country`` object, which neither the
    Elasticsearch nor the OpenSearch client can serialise, so ``update_index`` failed. ``str()`` gives the
    country code, the value a filter compares with.
    """

    @staticmethod
    def json_safe(value):
        if value is None or isinstance(value, _JSON_TYPES):
            return value
        return str(value)

    def _clean_value(self, value):
        # Filter values in queries (Wagtail >= 7.1 passes them through this hook).
        return self.json_safe(super()._clean_value(value))

    def get_document(self, obj):
        # Document values (Wagtail 7.0 has no _clean_value hook for them).
        return {key: self.json_safe(value) for key, value in super().get_document(obj).items()}


class LanguageIndexMixin:
    """The index of one language: created with the language's analysers, text fields mapped with them.

    Mixed into the index class of the Wagtail backend; everything else (adding, deleting, aliases) is
    Wagtail's own code.
    """

    language = None

    def get_index_settings(self):
        return self.backend.get_index_settings(self.language)

    def _body_as_kwargs(self):
        # Elasticsearch clients >= 7.15 take the top-level keys of a body as keyword arguments;
        # OpenSearch clients and older Elasticsearch clients take ``body=``.
        return getattr(self.backend, "use_new_elasticsearch_api", True)

    def put(self):
        settings = self.get_index_settings()
        if self._body_as_kwargs():
            self.es.indices.create(index=self.name, **settings)
        else:
            self.es.indices.create(index=self.name, body=settings)

    def get_mapping(self, model):
        """The mapping of ``model`` in this index: Wagtail's, with the language analysers on text fields."""
        return localise_mapping(self.mapping_class(model).get_mapping())

    def add_model(self, model):
        mapping = self.get_mapping(model)
        if self._body_as_kwargs():
            self.es.indices.put_mapping(index=self.name, **mapping)
        else:
            self.es.indices.put_mapping(index=self.name, body=mapping)


class LocaleRoutedIndex:
    """The per-language indexes of one translatable root model, used where Wagtail expects one index.

    ``get_index_for_model`` returns this for translatable models; ``update_index`` and the signal handlers
    call its methods, which fan out to the language indexes or route objects by their ``locale_id``.
    """

    def __init__(self, backend, name, language_indexes):
        self.backend = backend
        self.base_name = name
        #: language code -> language index
        self.language_indexes = dict(language_indexes)

    @property
    def name(self):
        """All language indexes, comma-separated (the form Elasticsearch takes for a multi-index search)."""
        return ",".join(index.name for index in self.language_indexes.values())

    def get_key(self):
        return self.base_name

    def __str__(self):
        return f"{self.base_name} ({', '.join(self.language_indexes)})"

    def __repr__(self):
        return f"<LocaleRoutedIndex {self}>"

    # Fan-out operations ---------------------------------------------------------------------------------

    def put(self):
        for index in self.language_indexes.values():
            index.put()

    def delete(self):
        for index in self.language_indexes.values():
            index.delete()

    def refresh(self):
        for index in self.language_indexes.values():
            index.refresh()

    def reset(self):
        for index in self.language_indexes.values():
            index.reset()

    def exists(self):
        return all(index.exists() for index in self.language_indexes.values())

    def add_model(self, model):
        for index in self.language_indexes.values():
            index.add_model(model)

    # Routed operations ----------------------------------------------------------------------------------

    def index_for_object(self, obj):
        """The language index of ``obj``'s locale, or ``None`` (logged) when its language has no index."""
        language = self.backend.get_language_for_locale_id(getattr(obj, "locale_id", None))
        index = self.language_indexes.get(language)
        if index is None:
            logger.warning(
                "Not indexing %r: its language %r has no search index (languages: %s)",
                obj,
                language,
                ", ".join(self.language_indexes),
            )
        return index

    def add_item(self, item):
        index = self.index_for_object(item)
        if index is not None:
            index.add_item(item)

    def add_items(self, model, items):
        by_language = defaultdict(list)
        for item in items:
            by_language[self.backend.get_language_for_locale_id(item.locale_id)].append(item)
        for language, language_items in by_language.items():
            index = self.language_indexes.get(language)
            if index is None:
                logger.warning(
                    "Not indexing %d %s: language %r has no search index",
                    len(language_items),
                    model._meta.verbose_name_plural,
                    language,
                )
                continue
            index.add_items(model, language_items)

    def delete_item(self, item):
        index = self.index_for_object(item)
        if index is not None:
            index.delete_item(item)


class LocaleRoutedRebuilder:
    """Rebuilds every language index of a :class:`LocaleRoutedIndex` with the backend's own rebuilder.

    With ``ATOMIC_REBUILD`` (the default), each language gets a new index that replaces the old one through
    an alias when it is complete, as Wagtail does for its single index.
    """

    def __init__(self, index):
        self.backend = index.backend
        rebuilder_class = self.backend.language_rebuilder_class
        if not isinstance(index, LocaleRoutedIndex):
            self.rebuilders = None
            self.delegate = rebuilder_class(index)
            return
        self.delegate = None
        self.base_name = index.base_name
        self.rebuilders = {}
        for language, language_index in index.language_indexes.items():
            rebuilder = rebuilder_class(language_index)
            if rebuilder.index is not language_index:
                # The atomic rebuilder made a plain index with a random name: make it a language index.
                rebuilder.index = self.backend.make_language_index(rebuilder.index.name, language)
            self.rebuilders[language] = rebuilder

    def start(self):
        if self.delegate is not None:
            return self.delegate.start()
        started = {language: rebuilder.start() for language, rebuilder in self.rebuilders.items()}
        return LocaleRoutedIndex(self.backend, self.base_name, started)

    def reset_index(self):
        if self.delegate is not None:
            return self.delegate.reset_index()
        for rebuilder in self.rebuilders.values():
            rebuilder.reset_index()

    def finish(self):
        if self.delegate is not None:
            return self.delegate.finish()
        for rebuilder in self.rebuilders.values():
            rebuilder.finish()


class LanguageQueryCompilerMixin:
    """Reads the locale filters of a search's queryset (see :func:`locale_constraints`)."""

    def get_locale_constraints(self):
        """``(locale_ids, language_codes)`` the queryset is limited to; ``None`` where unconstrained."""
        if not _is_translatable(self.queryset.model):
            return None, None
        return locale_constraints(self.queryset.query.where)


class LanguageSearchResultsMixin:
    """Sends searches, counts and facets to the language indexes of the query's locale filter."""

    def get_language_codes(self):
        """The language codes this search is limited to, or ``None`` for all languages."""
        ids, codes = self.query_compiler.get_locale_constraints()
        languages = None
        if ids is not None:
            languages = {self.backend.get_language_for_locale_id(pk) for pk in ids} - {None}
        if codes is not None:
            languages = set(codes) if languages is None else languages & set(codes)
        return languages

    def _get_index_name(self):
        return self.backend.get_search_index_name(self.query_compiler.queryset.model, self.get_language_codes())

    def _backend_do_search(self, body, **kwargs):
        kwargs["index"] = self._get_index_name()
        return super()._backend_do_search(body, **kwargs)

    def _do_count(self):
        body = self._get_es_body(for_count=True)
        if getattr(self.backend, "use_new_elasticsearch_api", False):
            # Elasticsearch clients >= 7.15: the body's keys as keyword arguments.
            hit_count = self.backend.es.count(index=self._get_index_name(), **body)["count"]
        else:
            hit_count = self.backend.es.count(index=self._get_index_name(), body=body)["count"]
        hit_count -= self.start
        if self.stop is not None:
            hit_count = min(hit_count, self.stop - self.start)
        return max(hit_count, 0)


class MultilingualBackendMixin:
    """The backend: one index per language for translatable models.

    Extra option in ``WAGTAILSEARCH_BACKENDS``: ``LANGUAGES``, the language codes that get an index
    (default: the codes of ``WAGTAIL_CONTENT_LANGUAGES``).
    """

    language_index_mixin = LanguageIndexMixin
    language_results_mixin = LanguageSearchResultsMixin

    def __init__(self, params):
        params = dict(params)
        languages = params.pop("LANGUAGES", None)
        super().__init__(params)
        if languages is None:
            languages = list(get_content_languages())
        self.languages = list(languages)
        # Wagtail's choice between its basic and atomic rebuilder, used for each language index.
        self.language_rebuilder_class = self.rebuilder_class
        self.rebuilder_class = LocaleRoutedRebuilder
        self._locale_languages = None

    # Analysis -------------------------------------------------------------------------------------------

    def get_language_analysis(self, language_code):
        """The ``settings.analysis`` fragment for a language; override to change a language's analysis."""
        return get_language_analysis(language_code)

    def get_index_settings(self, language_code):
        """The full settings of a language index: Wagtail's (and ``INDEX_SETTINGS``) plus the language's."""
        settings = deepcopy(self.settings)
        return deep_update(settings, {"settings": {"analysis": self.get_language_analysis(language_code)}})

    # Indexes --------------------------------------------------------------------------------------------

    def make_language_index(self, name, language_code):
        index = self.language_index_class(self, name)
        index.language = language_code
        return index

    def get_index_for_model(self, model):
        index = super().get_index_for_model(model)
        if not _is_translatable(model):
            return index
        return LocaleRoutedIndex(
            self,
            index.name,
            {code: self.make_language_index(f"{index.name}_{index_suffix(code)}", code) for code in self.languages},
        )

    def get_index_for_object(self, obj):
        return self.get_index_for_model(obj._meta.model)

    def get_search_index_name(self, model, language_codes=None):
        """The index name(s) to search for ``model``: the given languages' indexes, or all of them."""
        index = self.get_index_for_model(model)
        if not isinstance(index, LocaleRoutedIndex):
            return index.name
        if language_codes is None:
            return index.name
        names = [index.language_indexes[code].name for code in self.languages if code in language_codes]
        if not names:
            # A locale without an index: search the first language index with a filter that matches nothing
            # of it (the locale filter of the query); better than a 404 from the server.
            names = [next(iter(index.language_indexes.values())).name]
        return ",".join(names)

    def get_language_for_locale_id(self, locale_id):
        """The language code of a locale id (one query per backend instance, cached)."""
        if locale_id is None:
            return None
        if self._locale_languages is None or locale_id not in self._locale_languages:
            self._locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
        return self._locale_languages.get(locale_id)


def multilingual_backend(backend_class, name=None):
    """Build the multilingual variant of one of Wagtail's Elasticsearch/OpenSearch backend classes."""
    prefix = name or backend_class.__name__.replace("SearchBackend", "")
    mapping_class = type(
        f"{prefix}MultilingualMapping", (JSONSafeMappingMixin, backend_class.mapping_class), {"__module__": __name__}
    )
    language_index_class = type(
        f"{prefix}LanguageIndex", (LanguageIndexMixin, backend_class.index_class), {"__module__": __name__}
    )
    query_compiler_class = type(
        f"{prefix}MultilingualSearchQueryCompiler",
        (LanguageQueryCompilerMixin, backend_class.query_compiler_class),
        {"__module__": __name__, "mapping_class": mapping_class},
    )
    autocomplete_query_compiler_class = type(
        f"{prefix}MultilingualAutocompleteQueryCompiler",
        (LanguageQueryCompilerMixin, backend_class.autocomplete_query_compiler_class),
        {"__module__": __name__, "mapping_class": mapping_class},
    )
    results_class = type(
        f"{prefix}MultilingualSearchResults",
        (LanguageSearchResultsMixin, backend_class.results_class),
        {"__module__": __name__},
    )
    return type(
        f"{prefix}MultilingualSearchBackend",
        (MultilingualBackendMixin, backend_class),
        {
            "__module__": __name__,
            "mapping_class": mapping_class,
            "language_index_class": language_index_class,
            "query_compiler_class": query_compiler_class,
            "autocomplete_query_compiler_class": autocomplete_query_compiler_class,
            "results_class": results_class,
        },
    )
