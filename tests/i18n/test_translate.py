"""Translating the package's page types with wagtail-localize, through its own admin views, and publishing.

Every page type of the installed package apps (and the stand-ins of the test app) goes through the same
flow an editor follows: "Translate" (submit), strings translated, published; then the source is edited and
"Sync translated pages" brings the synchronised fields over while translated text stays translated.
"""

import datetime

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from seismic_wagtail.core.models import SectionPage
from seismic_wagtail.core.translation import translate
from seismic_wagtail.core.translation_status import report_page_models
from tests.factories.consultations import ConsultationPageFactory
from tests.factories.core import ThemeFactory
from tests.factories.networks import EventPageFactory, NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.search import SearchPageFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.i18napp.models import TestNetworkPage, TestStoryPage

pytestmark = pytest.mark.django_db


def submit(admin_client, page, *locales):
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk for locale in locales]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def translate_strings(page, locale, strings):
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data], "translation_type": "manual"},
            )
    return translation


def package_page_tree(root_page):
    """One page of each page type of the package, each under the parent its type needs (parents first)."""
    network_index = NetworkIndexPageFactory(parent=root_page, title="Networks", slug="networks")
    network = NetworkPageFactory(parent=network_index, title="Network Sweden", slug="sweden")
    event = EventPageFactory(parent=network, title="Kick-off meeting", slug="kick-off")
    story_index = StoryIndexPageFactory(parent=root_page, title="Stories", slug="stories")
    story = StoryPageFactory(parent=story_index, title="Repair cafe", slug="repair-cafe")
    consultation = ConsultationPageFactory(parent=root_page, title="Agenda", slug="agenda")
    search = SearchPageFactory(parent=root_page, title="Search", slug="search")
    section = SectionPage(title="European network", slug="european-network", intro="<p>Our partners</p>")
    root_page.add_child(instance=section)
    section.save_revision().publish()
    return [network_index, network, event, story_index, story, consultation, search, section]


def test_every_package_page_type_can_be_translated_and_published(
    admin_client, root_page, locales, django_capture_on_commit_callbacks
):
    """Each page type of the package apps through wagtail-localize's submit -> translate -> publish."""
    pages = package_page_tree(root_page) + [
        page_model(title=f"Stand-in {page_model.__name__}", slug=page_model.__name__.lower())
        for page_model in (TestNetworkPage, TestStoryPage)
    ]
    translated = []
    for page in pages:
        if page.pk is None:
            root_page.add_child(instance=page)
            page.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            submit(admin_client, page, locales["de"])
            translation = translate_strings(page, locales["de"], {page.title: f"{page.title} (de)"})
            translation.save_target(publish=True)
        german = page.get_translation(locales["de"])
        assert german.live and german.title == f"{page.title} (de)"
        assert admin_client.get(german.url).status_code == 200, german.url
        translated.append(type(page.specific))
    package_models = {model for model in report_page_models() if model._meta.app_label.startswith("seismic_")}
    assert package_models <= set(translated), package_models - set(translated)


def test_synchronised_fields_follow_the_source_after_update_translations(
    admin_client, root_page, locales, django_capture_on_commit_callbacks
):
    mobility = ThemeFactory(name="Urban mobility", slug="mobility")
    energy = ThemeFactory(name="Energy", slug="energy")
    for theme, german in ((mobility, "Urbane Mobilität"), (energy, "Energie")):
        translate(theme, locales["de"], {theme.name: german})
    story = TestStoryPage(
        title="Car-free Sundays",
        slug="car-free-sundays",
        body="<p>Streets for people.</p>",
        country="SE",
        published_on=datetime.date(2015, 5, 3),
    )
    root_page.add_child(instance=story)
    story.story_themes.create(theme=mobility)
    story.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        submit(admin_client, story, locales["de"])
        translate_strings(
            story,
            locales["de"],
            {"Car-free Sundays": "Autofreie Sonntage", "Streets for people.": "Straßen für Menschen."},
        ).save_target(publish=True)
    german = story.get_translation(locales["de"])
    assert (german.title, german.country.code, german.published_on) == (
        "Autofreie Sonntage",
        "SE",
        datetime.date(2015, 5, 3),
    )
    # The inline theme row was synchronised and points at the German translation of the theme.
    assert [row.theme.name for row in german.story_themes.all()] == ["Urbane Mobilität"]

    # The source is edited: synchronised facts change, a theme is added, the translated text stays.
    story = TestStoryPage.objects.get(pk=story.pk)
    story.country, story.published_on = "NO", datetime.date(2016, 1, 10)
    story.story_themes.add(story.story_themes.model(theme=energy))
    story.save_revision().publish()
    german.refresh_from_db()
    assert german.country.code == "SE"  # not before "Sync translated pages"

    source = Translation.objects.get(source__object_id=story.translation_key, target_locale=locales["de"]).source
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    german = TestStoryPage.objects.get(pk=german.pk)
    assert (german.country.code, german.published_on) == ("NO", datetime.date(2016, 1, 10))
    assert (german.title, german.body) == ("Autofreie Sonntage", "<p>Straßen für Menschen.</p>")
    assert sorted(row.theme.name for row in german.story_themes.all()) == ["Energie", "Urbane Mobilität"]
    assert all(row.theme.locale == locales["de"] for row in german.story_themes.all())
