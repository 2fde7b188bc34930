"""One index per language on Elasticsearch 9 (client `elasticsearch>=9,<10`).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "seismic_wagtail.search.backends.elasticsearch9", "URLS": [...]}}``;
every option of Wagtail's ``elasticsearch9`` backend applies, plus ``LANGUAGES``
(see :mod:`seismic_wagtail.search.backends.multilingual`).
"""

from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from .multilingual import multilingual_backend

Elasticsearch9MultilingualSearchBackend = multilingual_backend(Elasticsearch9SearchBackend)
SearchBackend = Elasticsearch9MultilingualSearchBackend
