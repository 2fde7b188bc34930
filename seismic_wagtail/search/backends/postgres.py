"""Wagtail's PostgreSQL database backend with one text search configuration per language.

Wagtail's own backend indexes and queries everything with one configuration (its ``SEARCH_CONFIG`` option,
else the server's ``default_text_search_config``, usually ``english``): a Turkish page is stemmed as English
and "deprem" misses "depreme". This backend keeps Wagtail's table (``IndexEntry``: ``title``/``body``
``tsvector`` columns and their GIN indexes) and its queries, and changes only the configuration:

- **indexing**: the ``tsvector`` of an object of a translatable model (pages, translatable snippets) is built
  with the configuration of its locale's language (:meth:`LanguageConfigBackendMixin.get_language_config`,
  from :func:`seismic_wagtail.search.analysis.get_postgres_config`); other models (images, documents) keep
  ``SEARCH_CONFIG``;
- **searching**: a search whose queryset is limited to one language (``.filter(locale=...)``, read by
  :func:`.locales.locale_constraints`, the same reading the Elasticsearch backends do) is analysed with that
  language's configuration; a search over several languages analyses the query once per configuration and
  matches each row with the query of its own language
  (``(locale IN (tr) AND vector @@ to_tsquery('turkish', ...)) OR (locale IN (de) AND ...)``), as the
  Elasticsearch backends query each language index with its own analyser;
- **prefix matching** for the languages whose configuration is marked so (Czech, which PostgreSQL has no
  configuration for and falls back to ``simple``; Turkish and Hungarian, whose stemmers miss forms): each
  query word of at least ``PREFIX_MIN_LENGTH`` characters also matches as a prefix of an indexed word.

Options in ``WAGTAILSEARCH_BACKENDS`` (besides Wagtail's: ``SEARCH_CONFIG``, ``ATOMIC_REBUILD``, ...):

- ``LANGUAGE_CONFIGS``: ``{"cs": "czech"}`` (a configuration the site installed; no prefix matching) or
  ``{"cs": ("czech", True)}`` (configuration and prefix matching), per language code;
- ``PREFIX_MIN_LENGTH``: default 3.

Used through :mod:`seismic_wagtail.search.backends.database`, which picks this class on PostgreSQL. Run
``manage.py update_index`` after switching to it: entries indexed before keep the configuration they were
built with.
"""

import copy
import re
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db.models import Case, F, FloatField, Q, Value, When
from wagtail.models import Locale, TranslatableMixin

try:  # Wagtail >= 7.1: the backends live in django-modelsearch
    from modelsearch.backends.base import get_model_root
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.query import MatchAll, Not, PlainText
except ImportError:  # Wagtail 7.0
    from wagtail.search.backends.base import get_model_root
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from wagtail.search.backends.database.postgres.query import Lexeme
    from wagtail.search.query import MatchAll, Not, PlainText

from ..analysis import PREFIX_MIN_LENGTH as DEFAULT_PREFIX_MIN_LENGTH
from ..analysis import get_postgres_config, normalise_language
from .locales import locale_constraints


def _is_translatable(model):
    return issubclass(get_model_root(model), TranslatableMixin)


@dataclass(frozen=True)
class LanguageConfig:
    """How one language is searched on PostgreSQL: its text search configuration and prefix matching."""

    config: str
    prefix: bool = False


class LanguageConfigIndexMixin:
    """Builds each object's ``tsvector`` with the configuration of its locale's language.

    Wagtail's index builds every row with ``backend.config``; this groups the objects by their language's
    configuration and lets Wagtail's own ``add_items`` index each group with a copy of the backend whose
    ``config`` is that configuration (:meth:`LanguageConfigBackendMixin.with_index_config`).
    """

    def add_items(self, model, objs):
        if self.backend.index_config_is_fixed or not _is_translatable(model):
            return super().add_items(model, objs)
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.get_config_for_locale_id(obj.locale_id)].append(obj)
        for config, group in groups.items():
            type(self)(self.backend.with_index_config(config)).add_items(model, group)


class LanguageConfigQueryCompilerMixin:
    """Queries with the configuration of the search's language(s); prefix terms for the prefix languages."""

    #: ``[(LanguageConfig, locale ids)]`` of this search, set by :meth:`get_config`.
    language_branches = None
    #: Whether the query being built matches its words as prefixes too.
    prefix_terms = False
    prefix_min_length = DEFAULT_PREFIX_MIN_LENGTH

    def get_config(self, backend):
        if not _is_translatable(self.queryset.model):
            return super().get_config(backend)
        self.prefix_min_length = backend.prefix_min_length
        self.language_branches = backend.get_language_branches(self.queryset)
        language, _locale_ids = self.language_branches[0]
        self.prefix_terms = language.prefix
        return language.config

    def build_tsquery_content(self, query, config=None, invert=False):
        if not (self.prefix_terms and isinstance(query, PlainText)):
            return super().build_tsquery_content(query, config=config, invert=invert)
        # Wagtail's PlainText, with every long enough word a prefix ('deprem':*), not only the last one.
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if not terms:
            return None
        lexemes = None
        for term in terms:
            lexeme = Lexeme(term, invert=invert, prefix=len(term) >= self.prefix_min_length)
            if lexemes is None:
                lexemes = lexeme
            elif query.operator == "and":
                lexemes &= lexeme
            else:
                lexemes |= lexeme
        return SearchQuery(lexemes, search_type="raw", config=config)

    def search(self, config, start, stop, score_field=None, **kwargs):
        branches = self.language_branches
        if (
            not branches
            or len(branches) < 2
            or isinstance(self.query, MatchAll)
            or (isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll))
            or type(self.query).__name__ == "Fuzzy"  # trigram search on plain text: no configuration
        ):
            return super().search(config, start, stop, score_field=score_field, **kwargs)
        return self.search_languages(branches, start, stop, score_field)

    def search_languages(self, branches, start, stop, score_field=None):
        """A search over several languages: each row matched and ranked with its own language's query."""
        annotations = {}
        matches = Q()
        ranks = []
        for number, (language, locale_ids) in enumerate(branches):
            self.prefix_terms = language.prefix
            search_query = self.build_tsquery(self.query, config=language.config)
            vectors = self.get_search_vectors(search_query)
            combined_vector = vectors[0][0]
            for vector, _boost in vectors[1:]:
                combined_vector = combined_vector._combine(vector, "||", False)
            # Index vectors (the usual case) are the same for every language: one annotation, so every
            # branch tests the same expression, the one Wagtail's GIN index on ``title || body`` covers.
            name = "_vector_" if self.fields is None else f"_vector_{number}"
            annotations[name] = combined_vector
            matches |= Q(**{"locale_id__in": locale_ids, name: search_query})
            ranks.append(When(locale_id__in=locale_ids, then=self._build_rank_expression(vectors, language.config)))
        self.prefix_terms = False
        queryset = self.queryset.annotate(**annotations).filter(matches)
        rank_expression = Case(*ranks, default=Value(0.0), output_field=FloatField())
        if self.order_by_relevance:
            queryset = queryset.order_by(rank_expression.desc(), "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # stable pages (Wagtail's issue #3729)
            rank_expression = F("pk")
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank_expression})
        return queryset[start:stop]


class LanguageConfigBackendMixin:
    """The backend: a text search configuration per language (see the module docstring for the options)."""

    #: True on the copies :meth:`with_index_config` makes: their index builds every row with ``config``.
    index_config_is_fixed = False

    def __init__(self, params):
        params = dict(params)
        language_configs = params.pop("LANGUAGE_CONFIGS", None) or {}
        self.prefix_min_length = params.pop("PREFIX_MIN_LENGTH", DEFAULT_PREFIX_MIN_LENGTH)
        super().__init__(params)
        self.language_configs = {normalise_language(code): value for code, value in language_configs.items()}
        self._locale_configs = None

    def get_language_config(self, language_code):
        """The :class:`LanguageConfig` of a language: ``LANGUAGE_CONFIGS``, else the package's table.

        Override to choose configurations in code (e.g. by checking ``pg_ts_config`` for a dictionary the site
        installed)."""
        override = self.language_configs.get(normalise_language(language_code))
        if isinstance(override, str):
            return LanguageConfig(override, False)
        if override:
            config, prefix = override
            return LanguageConfig(config, bool(prefix))
        return LanguageConfig(*get_postgres_config(language_code))

    def get_locale_configs(self):
        """``{locale id: (language code, LanguageConfig)}`` of every locale (one query per backend instance)."""
        if self._locale_configs is None:
            self._locale_configs = {
                pk: (code, self.get_language_config(code))
                for pk, code in Locale.objects.values_list("pk", "language_code")
            }
        return self._locale_configs

    def get_config_for_locale_id(self, locale_id):
        """The configuration an object of this locale is indexed with (``SEARCH_CONFIG`` without a locale)."""
        found = self.get_locale_configs().get(locale_id)
        if found is None and locale_id is not None:
            self._locale_configs = None  # a locale created since: read them again
            found = self.get_locale_configs().get(locale_id)
        return found[1].config if found is not None else self.config

    def get_language_branches(self, queryset):
        """``[(LanguageConfig, [locale ids])]``: the configurations a search of ``queryset`` queries with.

        One entry when the queryset is limited to locales of one configuration (the usual search in the
        visitor's language); one per configuration otherwise.
        """
        ids, codes = locale_constraints(queryset.query.where)
        groups = defaultdict(list)
        for pk, (code, language) in self.get_locale_configs().items():
            if ids is not None and pk not in ids:
                continue
            if codes is not None and code not in codes:
                continue
            groups[language].append(pk)
        if not groups:
            fallback = LanguageConfig(*get_postgres_config(next(iter(codes), "") if codes else ""))
            return [(fallback, [])]
        return sorted(groups.items(), key=lambda item: min(item[1]))

    def with_index_config(self, config):
        """A copy of this backend whose index builds every row with ``config``."""
        clone = copy.copy(self)
        clone.config = config
        clone.index_config_is_fixed = True
        return clone


class PostgresLanguageIndex(LanguageConfigIndexMixin, PostgresIndex):
    pass


class PostgresLanguageSearchQueryCompiler(LanguageConfigQueryCompilerMixin, PostgresSearchQueryCompiler):
    pass


class PostgresLanguageSearchBackend(LanguageConfigBackendMixin, PostgresSearchBackend):
    index_class = PostgresLanguageIndex
    query_compiler_class = PostgresLanguageSearchQueryCompiler


SearchBackend = PostgresLanguageSearchBackend
