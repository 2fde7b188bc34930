import pytest
from django.core.management import call_command
from wagtail.models import Page

from seismic_wagtail.stories.models import StoryIndexPage, StoryPage, StoryTransfer

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(locales, root_page, django_capture_on_commit_callbacks):
    # wagtail-localize publishes translations on commit.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seismic_demo", verbosity=0)
    return locales


def test_demo_creates_translated_stories_over_ten_countries_idempotently(demo, client, django_capture_on_commit_callbacks):
    locales = demo
    index = StoryIndexPage.objects.get(locale=locales["en"])
    assert StoryIndexPage.objects.count() == len(locales)
    assert index.get_translation(locales["sv"]).title == "Berättelser"
    english = StoryPage.objects.live().filter(locale=locales["en"])
    assert english.count() >= 20
    assert set(english.values_list("country", flat=True)) == {"AT", "BE", "CZ", "DE", "GB", "HU", "IT", "NO", "SE", "TR"}
    themes = set(english.values_list("story_themes__theme__slug", flat=True))
    assert themes == {"governance", "vibrancy", "welfare", "environment", "connectivity"}
    assert all(story.hero_image_id for story in english)
    # Several stories are translated into their national language, with real translated strings.
    translated = StoryPage.objects.exclude(locale=locales["en"])
    assert translated.count() >= 8
    swedish = translated.get(locale=locales["sv"])
    assert swedish.title == "Välkommen granne: mentorer för nyanlända flyktingar"
    assert swedish.city == "Stockholm" and swedish.country.code == "SE"
    assert swedish.story_themes.get().theme.locale == locales["sv"]
    assert StoryTransfer.objects.filter(page__locale=locales["en"]).count() >= 3
    # Dates from the project years, newest first in the index.
    assert english.order_by("first_published_at").first().first_published_at.year == 2014
    response = client.get(index.url)
    assert response.status_code == 200
    assert response.context["paginator"].count == english.count()
    german = client.get(index.get_translation(locales["de"]).url + "?country=DE")
    assert german.status_code == 200
    html = german.content.decode()
    assert "Gemeinschaftsgärten auf Brachflächen" in html
    assert "Wien" not in html  # filtered to Germany
    # A translated story lists the stories that learnt from it, and its source, in the reader's language.
    vienna = StoryPage.objects.get(slug="solar-cooperative-on-social-housing-roofs", locale=locales["en"])
    response = client.get(vienna.url)
    assert "Community energy shares" in response.content.decode()
    assert english.filter(first_published_at__year=2016).exists()

    # Idempotent: a second run creates nothing (one test, as the demo takes seconds to build).
    counts = (Page.objects.count(), StoryTransfer.objects.count())
    from wagtail.images import get_image_model

    images = get_image_model().objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seismic_demo", verbosity=0)
    assert (Page.objects.count(), StoryTransfer.objects.count()) == counts
    assert get_image_model().objects.count() == images
