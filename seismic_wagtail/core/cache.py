"""A Redis cache backend that lets the site keep serving pages while the Redis server is down.

Django's own ``RedisCache`` raises on every call when its server is unreachable, and Wagtail reads the cache
on every page (the site root paths), so a stopped Redis makes every page a 500. ``ResilientRedisCache``
is the same backend, except that while the server does not answer:

* reads miss (``get`` returns the default, ``get_many`` nothing, ``has_key`` ``False``) and writes are
  skipped (``add`` returns ``False``), so pages are computed without the cache;
* counters still raise (``incr``/``decr``): a rate limit cannot count, and the package's forms fail closed
  with a 503 page (see :mod:`seismic_wagtail.core.ratelimit`).

It logs one warning when the server stops answering and one when it is back. Use short socket timeouts so a
server that hangs (rather than refusing connections) costs little per request::

    CACHES = {
        "default": {
            "BACKEND": "seismic_wagtail.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

It needs the ``redis`` package, like Django's ``RedisCache``.
"""

import functools
import logging
import threading

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

_state = {"down": False}
_lock = threading.Lock()


def _unreachable_errors():
    import redis

    return (redis.ConnectionError, redis.TimeoutError)


def _mark(down, error=None):
    with _lock:
        if _state["down"] == down:
            return
        _state["down"] = down
    if down:
        logger.warning("The cache server does not answer (%r): serving pages without the cache.", error)
    else:
        logger.warning("The cache server answers again.")


def _fail_soft(default):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                result = method(self, *args, **kwargs)
            except _unreachable_errors() as error:
                _mark(True, error)
                return default(*args, **kwargs) if callable(default) else default
            if _state["down"]:
                _mark(False)
            return result

        return wrapper

    return decorate


def _default_argument(key, default=None, *args, **kwargs):
    return default


_failures_logged = set()


def log_cache_failure(what, error, log=logger):
    """Log, once per process and ``what`` (e.g. ``"story facet"``), that Django's cache failed: the caller then
    works without it. For features whose cache only saves time (facet counts, consultation results), so a
    cache server that is down costs speed, never a page."""
    if what in _failures_logged:
        return
    _failures_logged.add(what)
    log.warning("The %s cache failed (%r): working without it.", what, error)


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose reads miss and writes are skipped while the server is unreachable (counters raise)."""

    get = _fail_soft(_default_argument)(RedisCache.get)
    get_many = _fail_soft(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _fail_soft(False)(RedisCache.has_key)
    add = _fail_soft(False)(RedisCache.add)
    set = _fail_soft(None)(RedisCache.set)
    set_many = _fail_soft(lambda *args, **kwargs: [])(RedisCache.set_many)
    touch = _fail_soft(False)(RedisCache.touch)
    delete = _fail_soft(False)(RedisCache.delete)
    delete_many = _fail_soft(None)(RedisCache.delete_many)
    clear = _fail_soft(False)(RedisCache.clear)
