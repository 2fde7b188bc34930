"""Settings for running the example site in automated checks (browser tests, benchmarks)."""

from .csp import CSP_MIDDLEWARE, csp_policy
from .dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}
# Every browser-test submission comes from 127.0.0.1: lift the per-IP limits so that the suite, not the
# limit, decides what happens (the limits themselves are tested in tests/consultations and tests/networks).
SEISMIC_WAGTAIL = {
    **SEISMIC_WAGTAIL,  # noqa: F405
    "CONSULTATION_RATE_LIMIT": 10_000,
    "JOIN_REQUEST_RATE_LIMIT": 10_000,
}
# The site's URLs plus its uploaded images (DEBUG is off, and the browser tests should see the images).
ROOT_URLCONF = "example.urls_test"
# The production policy (settings/csp.py) as report-only: the browser tests listen for its violations on every
# package page (tests/browser/test_csp.py), while their own tools (axe-core) may still inject scripts.
MIDDLEWARE = [*MIDDLEWARE, CSP_MIDDLEWARE]  # noqa: F405
CONTENT_SECURITY_POLICY = None
CONTENT_SECURITY_POLICY_REPORT_ONLY = csp_policy()
