"""Settings for ``make bench``: the test settings with DEBUG off and the benchmark's own database."""

import os

import dj_database_url

from tests.testapp.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]  # loopback-only benchmark server; never deployed
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.benchapp"]  # noqa: F405
ROOT_URLCONF = "benchmarks.urls"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/seismic-bench.sqlite3"), conn_max_age=60
    )
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = os.environ.get("BENCH_MEDIA_ROOT", "/tmp/seismic-bench-media")
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
SEISMIC_WAGTAIL = {**SEISMIC_WAGTAIL, "CONSULTATION_RATE_LIMIT": 0}  # noqa: F405 (load tests come from one IP)

# The production cache: Redis shared by every gunicorn worker (facet counts, form caches...). A db number of its
# own (BENCH_REDIS_URL), flushed at the start of each part; BENCH_CACHE=locmem for a per-process cache.
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
if os.environ.get("BENCH_CACHE", "redis") == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": BENCH_REDIS_URL}}
