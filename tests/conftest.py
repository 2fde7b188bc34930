import pytest
from wagtail.models import Locale, Page, Site


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
