"""Rate limits: a Redis server for the tests that need one (skipped, with the reason, when none answers)."""

import os
import socket
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _redis_answers(url):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture
def redis_cache(settings):
    """``CACHES["default"]`` on the Redis server at ``REDIS_URL``, under a key prefix of its own."""
    pytest.importorskip("redis", reason="the redis package is not installed (pip install redis)")
    if not _redis_answers(REDIS_URL):
        pytest.skip(f"no Redis server answers at {REDIS_URL} (set REDIS_URL; CI runs one)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"seismic-test-{uuid.uuid4().hex}",
        }
    }
    return settings.CACHES["default"]


from tests.fuzz.conftest import fuzz_site  # noqa: E402, F401  (a small site with every page type)
