import os

import pytest
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale, Site

# Property-based tests: few examples while developing, many in CI (CI=true), or HYPOTHESIS_PROFILE=name.
hypothesis_settings.register_profile("dev", max_examples=20)
hypothesis_settings.register_profile("ci", max_examples=100, print_blob=True)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


@pytest.fixture
def locales(db):
    """The ten content locales of the test settings, keyed by language code (English is the default)."""
    from django.conf import settings

    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


@pytest.fixture
def root_page(db, locales):
    """The default site's root page (English), as Wagtail's initial migration made it."""
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


@pytest.fixture
def home_page(root_page):
    return root_page


@pytest.fixture(autouse=True)
def _default_language_per_test():
    """Each test starts in the default language: a request through LocaleMiddleware (the test client) leaves
    its language active in the thread, which would leak into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# The fuzz suite's count of generated inputs, printed in the summary (tests/fuzz/reporting.py).
from tests.fuzz.reporting import pytest_sessionfinish, pytest_terminal_summary, pytest_testnodedown  # noqa: E402, F401
