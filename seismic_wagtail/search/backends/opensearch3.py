"""One index per language on OpenSearch 3 (client `opensearch-py>=3`).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "seismic_wagtail.search.backends.opensearch3", "URLS": [...]}}``;
every option of Wagtail's ``opensearch3`` backend applies, plus ``LANGUAGES``
(see :mod:`seismic_wagtail.search.backends.multilingual`).
"""

from wagtail.search.backends.opensearch3 import OpenSearch3SearchBackend

from .multilingual import multilingual_backend

OpenSearch3MultilingualSearchBackend = multilingual_backend(OpenSearch3SearchBackend)
SearchBackend = OpenSearch3MultilingualSearchBackend
