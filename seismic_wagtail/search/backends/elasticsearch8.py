"""One index per language on Elasticsearch 8 (client `elasticsearch>=8,<9`).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "seismic_wagtail.search.backends.elasticsearch8", "URLS": [...]}}``;
every option of Wagtail's ``elasticsearch8`` backend applies, plus ``LANGUAGES``
(see :mod:`seismic_wagtail.search.backends.multilingual`).
"""

from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from .multilingual import multilingual_backend

Elasticsearch8MultilingualSearchBackend = multilingual_backend(Elasticsearch8SearchBackend)
SearchBackend = Elasticsearch8MultilingualSearchBackend
