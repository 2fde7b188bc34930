"""One index per language on OpenSearch, for the major version of the installed ``opensearch-py`` client."""

from opensearchpy import VERSION

if VERSION[0] >= 3:
    from .opensearch3 import SearchBackend
else:
    from .opensearch2 import SearchBackend

__all__ = ["SearchBackend"]
