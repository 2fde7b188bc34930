"""Search backends: Wagtail's Elasticsearch/OpenSearch backends with one index per language.

Pick the module for your server and client:

- ``seismic_wagtail.search.backends.elasticsearch`` / ``.opensearch``: the right version for the installed
  client (``elasticsearch`` 8 or 9; ``opensearch-py`` 2 or 3);
- ``.elasticsearch8``, ``.elasticsearch9``, ``.opensearch2``, ``.opensearch3``: one version explicitly.
  Wagtail 7.0 has only ``elasticsearch8`` of these (the others came with django-modelsearch in Wagtail 7.1).
"""
