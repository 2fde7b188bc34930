import pytest
from django.db import IntegrityError
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from seismic_wagtail.core.models import Organisation, Theme
from seismic_wagtail.core.translation import translate
from tests.factories.core import OrganisationFactory, ThemeFactory
from tests.factories.testapp import SimpleTestPageFactory

pytestmark = pytest.mark.django_db


def field_kinds(model):
    return {
        field.field_name: ("sync" if isinstance(field, SynchronizedField) else "translate")
        for field in get_translatable_fields(model)
        if isinstance(field, SynchronizedField | TranslatableField)
    }


def test_theme_slug_is_unique_per_locale(locales):
    ThemeFactory(slug="mobility")
    ThemeFactory(slug="mobility", locale=locales["de"])  # same slug, other language: fine
    with pytest.raises(IntegrityError):
        ThemeFactory(slug="mobility")


def test_theme_translation_keeps_slug_and_translates_name(locales):
    theme = ThemeFactory(name="Urban mobility", slug="mobility")
    german = translate(theme, locales["de"], {"Urban mobility": "Urbane Mobilität"})
    assert german.name == "Urbane Mobilität"
    assert german.slug == "mobility"
    assert german.translation_key == theme.translation_key


def test_organisation_translation_synchronises_language_independent_fields(locales):
    organisation = OrganisationFactory(name="Charles University", acronym="CUNI", country="CZ", city="Prague")
    czech = translate(organisation, locales["cs"], {"Charles University": "Univerzita Karlova", "Prague": "Praha"})
    assert (czech.name, czech.city) == ("Univerzita Karlova", "Praha")
    assert (czech.country.code, czech.acronym, czech.website) == ("CZ", "CUNI", organisation.website)

    organisation.country = "SK"
    organisation.save()
    czech = translate(organisation, locales["cs"])
    assert czech.country.code == "SK"
    assert czech.name == "Univerzita Karlova"


def test_field_configuration_is_deliberate():
    assert field_kinds(Theme) == {"name": "translate", "description": "translate", "slug": "sync"}
    kinds = field_kinds(Organisation)
    assert kinds["name"] == kinds["city"] == kinds["logo_alt_text"] == "translate"
    assert kinds["country"] == kinds["organisation_type"] == kinds["website"] == kinds["logo"] == "sync"


def test_organisation_str_and_logo_alt():
    organisation = OrganisationFactory(name="Eurocities", acronym="Eurocities")
    assert str(organisation) == "Eurocities"
    assert organisation.logo_alt == "Eurocities"
    assert str(OrganisationFactory(name="Cittalia Fondazione", acronym="Cittalia")) == "Cittalia Fondazione (Cittalia)"


def test_translated_page_keeps_children_added_in_the_same_transaction(locales, root_page, client):
    """A translation is published at once, not on commit: children added before the commit stay reachable."""
    from django.db import transaction
    from wagtail.models import Page

    with transaction.atomic():
        section = SimpleTestPageFactory(parent=root_page, title="Section", slug="section")
        german_section = translate(section, locales["de"], {"Section": "Abschnitt"})
        SimpleTestPageFactory(parent=german_section, title="Kind", slug="kind")
    german_section = Page.objects.get(pk=german_section.pk)
    assert german_section.live and german_section.title == "Abschnitt"
    assert german_section.numchild == 1
    assert client.get("/de/section/kind/").status_code == 200
