"""One index per language on Elasticsearch, for the major version of the installed ``elasticsearch`` client."""

from elasticsearch import VERSION

if VERSION[0] >= 9:
    from .elasticsearch9 import SearchBackend
else:
    from .elasticsearch8 import SearchBackend

__all__ = ["SearchBackend"]
