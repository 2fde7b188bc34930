"""Wagtail's SQLite database backend (FTS5) with prefix matching of every query word.

SQLite's FTS5 tokeniser (``unicode61``: lower-casing, accents removed) has no stemmer, so Wagtail's own
backend finds "gardens" for "gardens" only. This backend matches every query word of at least
``PREFIX_MIN_LENGTH`` characters (default 3) as a prefix (``"garden"*``): "garden" finds "gardens",
"deprem" finds "depreme" and "depremler", "garten" finds "Gärten" and "Gartens" (the accent is removed on
both sides). It is no stemmer: "gardens" does not find "garden", and "city" does not find "cities".

Used through :mod:`seismic_wagtail.search.backends.database`, which picks this class on SQLite with FTS5.
Nothing to re-index: the index is Wagtail's, only the query changes.
"""

try:  # Wagtail >= 7.1: the backends live in django-modelsearch
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
    from modelsearch.query import PlainText
except ImportError:  # Wagtail 7.0
    from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
    from wagtail.search.query import PlainText

from ..analysis import PREFIX_MIN_LENGTH as DEFAULT_PREFIX_MIN_LENGTH


class PrefixQueryCompilerMixin:
    """Builds Wagtail's PlainText query with every long enough word a prefix, not only the last one."""

    prefix_min_length = DEFAULT_PREFIX_MIN_LENGTH

    def get_config(self, backend):
        self.prefix_min_length = getattr(backend, "prefix_min_length", DEFAULT_PREFIX_MIN_LENGTH)
        return super().get_config(backend)

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        terms = query.query_string.split()
        if not terms:
            return None
        lexemes = None
        for term in terms:
            lexeme = Lexeme(term, prefix=len(term) >= self.prefix_min_length)
            if lexemes is None:
                lexemes = lexeme
            elif query.operator.upper() == "AND":
                lexemes &= lexeme
            else:
                lexemes |= lexeme
        return SearchQueryExpression(lexemes, config=config)


class SQLitePrefixSearchQueryCompiler(PrefixQueryCompilerMixin, SQLiteSearchQueryCompiler):
    pass


class SQLitePrefixSearchBackend(SQLiteSearchBackend):
    """Options: Wagtail's, plus ``PREFIX_MIN_LENGTH``."""

    query_compiler_class = SQLitePrefixSearchQueryCompiler

    def __init__(self, params):
        params = dict(params)
        self.prefix_min_length = params.pop("PREFIX_MIN_LENGTH", DEFAULT_PREFIX_MIN_LENGTH)
        params.pop("LANGUAGE_CONFIGS", None)  # PostgreSQL's option: the same settings work on both databases
        super().__init__(params)


SearchBackend = SQLitePrefixSearchBackend
