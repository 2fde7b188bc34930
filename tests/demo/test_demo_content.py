"""``manage.py seismic_demo`` on a host whose home page is live in seven of the test site's ten languages:
what each app's demo creates. The demo is built once for the module (``demo`` below); every test reads it."""

import pytest
from django.utils import timezone, translation
from django_countries import countries
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationPage, ConsultationResponse
from seismic_wagtail.core.models import Organisation, SectionPage, Theme
from seismic_wagtail.networks.models import EventPage, NetworkIndexPage, NetworkMember, NetworkPage
from seismic_wagtail.search.models import SearchPage
from seismic_wagtail.stories.models import StoryIndexPage, StoryPage, StoryTransfer

from .conftest import run_demo, translate_root

#: The host's languages: Czech, Hungarian and Norwegian stand for languages a site may not have (those
#: networks then stay in English only).
DEMO_LANGUAGES = ["en", "de", "fr", "nl", "it", "sv", "tr"]
COUNTRIES = {"AT", "BE", "CZ", "DE", "HU", "IT", "NO", "SE", "TR", "GB"}


def content_counts():
    return (
        Page.objects.count(),
        Theme.objects.count(),
        Organisation.objects.count(),
        NetworkMember.objects.count(),
        StoryTransfer.objects.count(),
        ConsultationResponse.objects.count(),
        ConsultationAnswer.objects.count(),
        get_image_model().objects.count(),
    )


@pytest.fixture(scope="module")
def demo(module_db):
    """The demo, built once, then run a second time to prove it idempotent."""
    translate_root(DEMO_LANGUAGES)
    first_output = run_demo()
    counts = content_counts()
    second_output = run_demo()
    return {
        "locales": {locale.language_code: locale for locale in Locale.objects.all()},
        "first": first_output,
        "second": second_output,
        "counts": (counts, content_counts()),
    }


@pytest.fixture
def locales(demo, db):
    return demo["locales"]


def test_a_second_run_creates_nothing(demo, db):
    before, after = demo["counts"]
    assert before == after
    assert "SEiSMiC demo content ready at /seismic-demo/ (en, de, fr, it, nl, sv, tr)" in demo["first"]
    assert "nothing new" in demo["second"]


def test_everything_is_under_the_demo_section_in_the_hosts_languages(locales):
    sections = SectionPage.objects.filter(slug="seismic-demo")
    assert {page.locale.language_code for page in sections} == set(DEMO_LANGUAGES)
    demo_pages = Page.objects.none()
    for section in sections:
        demo_pages |= Page.objects.descendant_of(section, inclusive=True)
    # Only the host's root page (in its seven languages) and Wagtail's tree root are outside the demo.
    assert Page.objects.exclude(pk__in=demo_pages.values("pk")).count() == 1 + len(DEMO_LANGUAGES)
    assert not Page.objects.filter(locale__language_code__in=["cs", "hu", "nb"]).exists()


def test_themes_and_partners_in_every_language(locales):
    assert Theme.objects.filter(locale=locales["en"]).count() == 5
    assert Theme.objects.count() == 5 * len(DEMO_LANGUAGES)
    assert Theme.objects.get(slug="welfare", locale=locales["sv"]).name == "Välfärd och finansiering"
    assert Organisation.objects.filter(locale=locales["en"]).count() == 11
    assert Organisation.objects.get(acronym="IQS", locale=locales["sv"]).country.code == "SE"


def test_networks_coordinators_members_and_events(locales):
    networks = NetworkPage.objects.filter(locale=locales["en"])
    assert {page.country.code for page in networks} == COUNTRIES
    coordinators = {page.country.code: [org.acronym for org in page.get_coordinators()] for page in networks}
    assert coordinators == {
        "AT": ["AIT"],
        "BE": ["VITO", "Eurocities"],
        "CZ": ["CUNI"],
        "DE": ["HU Berlin"],
        "HU": ["REC"],
        "IT": ["Cittalia"],
        "NO": ["ECWT"],
        "SE": ["IQS"],
        "TR": ["ITÜ"],
        "GB": ["CSES"],
    }
    now = timezone.now()
    for network in networks:
        assert network.members.count() >= 3
        assert network.get_public_members().count() < network.members.count()  # one member not listed
        events = EventPage.objects.child_of(network)
        assert events.filter(end__lt=now).exists() and events.filter(start__gt=now).exists()
        assert len(network.get_themes()) == 2


def test_networks_in_their_national_languages(locales, client):
    index = NetworkIndexPage.objects.get(locale=locales["en"])
    assert NetworkIndexPage.objects.filter(translation_key=index.translation_key).count() == len(DEMO_LANGUAGES)
    # Austria and Germany (de), Belgium (nl, fr), Italy, Sweden, Turkey are translated; the others are not.
    assert NetworkPage.objects.count() == 10 + 7
    assert NetworkPage.objects.get(country="CZ").locale == locales["en"]
    austria = NetworkPage.objects.get(locale=locales["de"], country="AT")
    assert austria.title == "SEiSMiC Österreich"
    assert austria.get_coordinators()[0].locale == locales["de"]
    member = austria.members.get(person_name="Lena Huber")
    assert (member.role, member.city) == ("Obfrau, Grätzlverein", "Wien")
    assert NetworkPage.objects.get(locale=locales["fr"], country="BE").title == "SEiSMiC Belgique"
    assert NetworkPage.objects.get(locale=locales["nl"], country="BE").title == "SEiSMiC België"
    assert NetworkPage.objects.get(locale=locales["it"], country="IT").intro.startswith("Associazioni, comuni")
    assert EventPage.objects.get(locale=locales["it"], slug="walk-bologna").title.startswith("Passeggiata")
    assert EventPage.objects.filter(locale=locales["de"]).count() == 4

    # The German index lists the two German-language networks, then the others in English, marked as such.
    response = client.get(index.get_translation(locales["de"]).url)
    assert response.status_code == 200
    own, others = response.content.decode().split('id="other-networks"')
    assert "SEiSMiC Österreich" in own and "SEiSMiC Deutschland" in own and "SEiSMiC Italy" not in own
    assert others.count('class="seismic-network-summary"') == 8
    assert '<h3 lang="en"><a href="/seismic-demo/networks/italy/">SEiSMiC Italy</a></h3>' in others
    # Every translated network page and event is reachable (the tree's child counts are right).
    for page in list(NetworkPage.objects.exclude(locale=locales["en"])) + list(
        EventPage.objects.exclude(locale=locales["en"])
    ):
        assert client.get(page.url).status_code == 200, page.url


def test_network_names_are_django_countries_names(locales):
    # One source of country names: "SEiSMiC Türkiye", "SEiSMiC Czechia", never "Turkey" or "Czech Republic".
    for network in NetworkPage.objects.select_related("locale"):
        with translation.override(network.locale.language_code):
            assert network.title == f"SEiSMiC {countries.name(network.country)}", network.title
    english = dict(NetworkPage.objects.filter(locale=locales["en"]).values_list("country", "title"))
    assert (english["TR"], english["CZ"]) == ("SEiSMiC Türkiye", "SEiSMiC Czechia")
    assert NetworkPage.objects.get(locale=locales["tr"], country="TR").title == "SEiSMiC Türkiye"
    assert NetworkPage.objects.get(locale=locales["sv"], country="SE").title == "SEiSMiC Sverige"


def test_translated_slugs_keep_every_letter(locales):
    # "Depreme hazır mahalleler": the "ı" was dropped (depreme-hazr-mahalleler).
    turkish = StoryPage.objects.get(locale=locales["tr"], title="Depreme hazır mahalleler")
    assert turkish.slug == "depreme-hazir-mahalleler"
    assert all(page.slug.isascii() for page in Page.objects.exclude(locale=locales["en"]).filter(depth__gt=2))


def test_stories_over_ten_countries_translated_into_their_languages(locales, client):
    index = StoryIndexPage.objects.get(locale=locales["en"], network__isnull=True)
    assert StoryIndexPage.objects.filter(network__isnull=True).count() == len(DEMO_LANGUAGES)
    # Each network's stories sit in its story section (seismic_roles --move-stories), listed by the main index.
    assert not StoryPage.objects.child_of(index).filter(network__isnull=False).exists()
    assert index.get_translation(locales["sv"]).title == "Berättelser"
    english = StoryPage.objects.live().filter(locale=locales["en"])
    assert english.count() >= 20
    assert set(english.values_list("country", flat=True)) == COUNTRIES
    themes = set(english.values_list("story_themes__theme__slug", flat=True))
    assert themes == {"governance", "vibrancy", "welfare", "environment", "connectivity"}
    assert all(story.hero_image_id for story in english)
    translated = StoryPage.objects.exclude(locale=locales["en"])
    assert translated.count() >= 6
    swedish = translated.get(locale=locales["sv"])
    assert swedish.title == "Välkommen granne: mentorer för nyanlända flyktingar"
    assert swedish.city == "Stockholm" and swedish.country.code == "SE"
    assert swedish.story_themes.get().theme.locale == locales["sv"]
    assert StoryTransfer.objects.filter(page__locale=locales["en"]).count() >= 3
    assert english.order_by("first_published_at").first().first_published_at.year == 2014
    assert english.filter(first_published_at__year=2016).exists()
    response = client.get(index.url)
    assert response.status_code == 200 and index.url == "/seismic-demo/stories/"
    assert response.context["paginator"].count == english.count()
    german = client.get(index.get_translation(locales["de"]).url + "?country=DE")
    assert german.status_code == 200
    html = german.content.decode()
    assert "Gemeinschaftsgärten auf Brachflächen" in html and "Wien" not in html  # filtered to Germany
    vienna = StoryPage.objects.get(slug="solar-cooperative-on-social-housing-roofs", locale=locales["en"])
    assert "Community energy shares" in client.get(vienna.url).content.decode()


def test_open_multilingual_consultation_and_closed_one_with_results(locales, client):
    open_en = ConsultationPage.objects.get(slug="research-agenda-consultation", locale=locales["en"])
    assert open_en.status == "open"
    versions = ConsultationPage.objects.filter(translation_key=open_en.translation_key)
    assert {page.locale.language_code for page in versions} >= {"en", "sv", "tr", "de"}
    sv = versions.get(locale=locales["sv"])
    assert sv.title == "JPI Urban Europes forsknings- och innovationsagenda"
    assert sv.get_questions()[5].label == "På vilken nivå bör forsknings- och innovationsprojekt arbeta först?"
    assert [c.id for c in sv.agenda] == [c.id for c in open_en.agenda]
    responses = ConsultationResponse.objects.filter(consultation_key=open_en.translation_key)
    assert responses.count() >= 200
    assert set(responses.values_list("locale__language_code", flat=True)) >= {"en", "sv", "tr", "de"}
    results = sv.get_results()
    assert results.total == responses.count()
    environment = next(r for r in results.questions if r.question.subject == sv.agenda[3].value["heading"])
    assert 3.5 < environment.average <= 5
    closed = ConsultationPage.objects.get(slug="research-priorities-2015", locale=locales["en"])
    assert closed.status == "closed" and closed.results_published
    page = client.get(closed.url + "results/")
    html = page.content.decode()
    assert page.status_code == 200 and 'class="seismic-bars"' in html and "Priorities at a glance" in html
    assert client.get(sv.url).status_code == 200
    # "You said, we did": the closed consultation's outcome, translated, above its closed form.
    closed_de = ConsultationPage.objects.get(translation_key=closed.translation_key, locale=locales["de"])
    assert "Was wir gehört haben" in closed_de.outcome
    assert "Was wir gehört haben" in client.get(closed_de.url).content.decode()
    # Moderation: the closed consultation's publishable answers approved, some of the open one's waiting.
    texts = ConsultationAnswer.objects.filter(kind="text", response__consent__in=["public", "anonymous"])
    assert not texts.filter(consultation_key=closed.translation_key).exclude(moderation="approved").exists()
    assert texts.filter(consultation_key=open_en.translation_key, moderation="pending").exists()
    assert texts.filter(consultation_key=open_en.translation_key, moderation="approved").exists()


def test_the_search_page_in_every_language_once(locales):
    assert SearchPage.objects.filter(live=True).count() == len(DEMO_LANGUAGES)
    swedish = SearchPage.objects.get(locale=locales["sv"])
    assert (swedish.title, swedish.slug) == ("Sök", "sok")
    assert swedish.intro.startswith("Hitta nätverk")
    assert swedish.translation_key == SearchPage.objects.get(locale=locales["en"]).translation_key
    assert swedish.url == "/sv/seismic-demo/sok/"
    assert SearchPage.objects.get(locale=locales["de"]).url == "/de/seismic-demo/suche/"
