import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from seismic_wagtail.core.models import Organisation, Theme

pytestmark = pytest.mark.django_db


def test_seismic_demo_creates_partners_and_themes_in_every_locale(locales, root_page):
    call_command("seismic_demo", verbosity=0)
    assert Theme.objects.filter(locale=locales["en"]).count() == 5
    assert Theme.objects.count() == 5 * len(locales)
    assert Theme.objects.get(slug="welfare", locale=locales["sv"]).name == "Välfärd och finansiering"
    assert Organisation.objects.filter(locale=locales["en"]).count() == 11
    assert Organisation.objects.get(acronym="CUNI", locale=locales["cs"]).country.code == "CZ"
    # The parent page exists in every locale, so content can be translated under it.
    assert Page.objects.filter(translation_key=root_page.translation_key).count() == len(locales)


def test_seismic_demo_is_idempotent(locales, root_page):
    call_command("seismic_demo", verbosity=0)
    counts = (Theme.objects.count(), Organisation.objects.count(), Page.objects.count())
    call_command("seismic_demo", verbosity=0)
    assert (Theme.objects.count(), Organisation.objects.count(), Page.objects.count()) == counts


def test_seismic_demo_rejects_unknown_parent(locales):
    with pytest.raises(CommandError, match="No page with ID 999999"):
        call_command("seismic_demo", parent=999999)
