import pytest
from django.core.management import call_command

from seismic_wagtail.search.models import SearchPage

pytestmark = pytest.mark.django_db


def test_demo_creates_the_search_page_in_every_locale_once(client, locales, root_page, django_capture_on_commit_callbacks):
    # wagtail-localize publishes translations on commit, which the test's transaction never reaches.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seismic_demo", verbosity=0)
    assert SearchPage.objects.filter(live=True).count() == len(locales)
    swedish = SearchPage.objects.get(locale=locales["sv"])
    assert (swedish.title, swedish.slug) == ("Sök", "sok")
    assert swedish.intro.startswith("Hitta nätverk")
    assert swedish.translation_key == SearchPage.objects.get(locale=locales["en"]).translation_key
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seismic_demo", verbosity=0)
    assert SearchPage.objects.count() == len(locales)
    assert swedish.url == "/sv/sok/"
    assert SearchPage.objects.get(locale=locales["de"]).url == "/de/suche/"

