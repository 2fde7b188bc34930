"""The test settings of a site that does not mount the read API: no ``rest_framework``, no ``wagtail.api.v2``."""

from tests.testapp.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in ("rest_framework", "wagtail.api.v2")]  # noqa: F405
