"""Production: every secret and host comes from the environment; nothing has an insecure default.

Required: ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS`` (comma-separated), ``DATABASE_URL``.
Optional: ``DJANGO_SECURE_HSTS_SECONDS`` (default one year; ``0`` turns HSTS off),
``DJANGO_SECURE_HSTS_PRELOAD=true`` (asks browsers' preload lists to include the domain: off by default, because
leaving a preload list takes months; opt in only once every subdomain serves HTTPS for good),
``DJANGO_CSP_REPORT_ONLY=true`` (send the Content-Security-Policy as report-only, to try it on a site with
its own scripts first), ``DJANGO_CSP_REPORT_URI`` (where browsers report violations), ``DJANGO_CSRF_TRUSTED_ORIGINS``, ``DJANGO_TRUSTED_PROXY_COUNT`` (the proxies in front of the site
that append to ``X-Forwarded-For``, default 1), ``REDIS_URL`` (needed with several workers: without a shared cache
each counts the forms' rate limits on its own, and ``manage.py check`` says so, seismic_wagtail.W010), ``ELASTICSEARCH_URL``, ``EMAIL_URL``-style settings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .csp import CSP_MIDDLEWARE, csp_policy


def env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for the production settings.")
    return value


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in env("DJANGO_ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxies in front of the site (one nginx: 1; a CDN and nginx: 2): the forms' rate limits take the client
# address they appended to X-Forwarded-For, never one the client sent (docs/how-to/security.md).
SEISMIC_WAGTAIL = {**SEISMIC_WAGTAIL, "TRUSTED_PROXY_COUNT": int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1"))}  # noqa: F405
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is a promise that is hard to take back (removal from the browsers' lists takes months), so a city
# opts in explicitly. Without it `check --deploy` reports security.W021, which is silenced as a deliberate choice.
SECURE_HSTS_PRELOAD = os.environ.get("DJANGO_SECURE_HSTS_PRELOAD", "false").lower() == "true"
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN for themselves

MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")  # noqa: F405

# A strict Content-Security-Policy for every page but the Wagtail admin (settings/csp.py, docs/how-to/security.md).
MIDDLEWARE.insert(2, CSP_MIDDLEWARE)  # noqa: F405
if os.environ.get("DJANGO_CSP_REPORT_ONLY", "false").lower() == "true":
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = csp_policy(os.environ.get("DJANGO_CSP_REPORT_URI"))
else:
    CONTENT_SECURITY_POLICY = csp_policy(os.environ.get("DJANGO_CSP_REPORT_URI"))
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
