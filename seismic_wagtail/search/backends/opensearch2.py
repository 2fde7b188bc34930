"""One index per language on OpenSearch 2 (client `opensearch-py>=2,<3`).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "seismic_wagtail.search.backends.opensearch2", "URLS": [...]}}``;
every option of Wagtail's ``opensearch2`` backend applies, plus ``LANGUAGES``
(see :mod:`seismic_wagtail.search.backends.multilingual`).
"""

from wagtail.search.backends.opensearch2 import OpenSearch2SearchBackend

from .multilingual import multilingual_backend

OpenSearch2MultilingualSearchBackend = multilingual_backend(OpenSearch2SearchBackend)
SearchBackend = OpenSearch2MultilingualSearchBackend
