"""Wagtail's database search backend, made to understand the site's languages.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "seismic_wagtail.search.backends.database"}}``

Like Wagtail's ``wagtail.search.backends.database``, this picks a backend for the ``default`` database:

- PostgreSQL: :class:`.postgres.PostgresLanguageSearchBackend`: each language indexed and queried with its own
  text search configuration (stemming for the nine languages PostgreSQL ships; ``simple`` plus prefix
  matching for Czech);
- SQLite with FTS5: :class:`.sqlite.SQLitePrefixSearchBackend`: every query word also matches as a prefix;
- anything else (MySQL, SQLite without FTS5): Wagtail's own choice, unchanged.

Every option of Wagtail's database backend applies, plus ``LANGUAGE_CONFIGS`` and ``PREFIX_MIN_LENGTH``
(:mod:`.postgres`). After switching an existing PostgreSQL site to it, run ``manage.py update_index``.
"""

from django.db import connection

try:  # Wagtail >= 7.1: the backends live in django-modelsearch
    from modelsearch.backends import database as wagtail_database
except ImportError:  # Wagtail 7.0
    from wagtail.search.backends import database as wagtail_database


def SearchBackend(params):  # Wagtail looks the backend up by this name in the module
    """The backend for the ``default`` database's vendor (a function, as in Wagtail's own module)."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresLanguageSearchBackend  # imports django.contrib.postgres: PostgreSQL only

        return PostgresLanguageSearchBackend(params)
    backend = wagtail_database.SearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import SQLitePrefixSearchBackend  # imports the FTS5 models, defined only on SQLite

        return SQLitePrefixSearchBackend(params)
    return backend
