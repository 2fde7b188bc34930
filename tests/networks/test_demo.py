"""``manage.py seismic_demo``: the ten national networks with coordinators, members and events."""

import pytest
from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from seismic_wagtail.core.demo_context import DemoContext, site_locales
from seismic_wagtail.networks.models import EventPage, NetworkIndexPage, NetworkMember, NetworkPage
from wagtail.models import Page

pytestmark = pytest.mark.django_db

SITE_LANGUAGES = {"en", "de", "fr", "nl", "it"}
COUNTRIES = {"AT", "BE", "CZ", "DE", "HU", "IT", "NO", "SE", "TR", "GB"}


def run_demo(root_page):
    """What ``manage.py seismic_demo`` does for the core and networks apps (the other apps' demos left out)."""
    from seismic_wagtail.core import demo as core_demo
    from seismic_wagtail.networks import demo as networks_demo

    # Five of the test site's ten languages keep the test fast; Swedish, Turkish, ... stand for the languages
    # a site may not have (their networks then stay in English only).
    locales = [locale for locale in site_locales() if locale.language_code in SITE_LANGUAGES]
    context = DemoContext(parent=Page.objects.get(pk=root_page.pk).specific, locales=locales)
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
        with transaction.atomic():
            for locale in context.other_locales:
                context.ensure_translated(context.parent, locale)
            core_demo.create_demo(context)
            networks_demo.create_demo(context)
    return context


def test_seismic_demo_networks(locales, root_page, client):
    """One test for the whole demo (it takes seconds to load): content, translations, registry, idempotence."""
    first = run_demo(root_page)
    # English, plus German (AT, DE), Dutch and French (BE), Italian (IT).
    assert first.counts["network pages"] == 10 + 5 and first.counts["event pages"] == 20 + 10
    check_networks_and_coordinators(locales)
    check_translations(locales, client)
    check_registry_and_idempotence(locales, root_page)


def check_networks_and_coordinators(locales):
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


def check_translations(locales, client):
    index = NetworkIndexPage.objects.get(locale=locales["en"])
    assert NetworkIndexPage.objects.filter(translation_key=index.translation_key).count() == len(SITE_LANGUAGES)
    assert NetworkPage.objects.count() == 10 + 5
    assert NetworkPage.objects.filter(country="SE").get().locale == locales["en"]  # no Swedish on this site

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
    html = response.content.decode()
    own, others = html.split('id="other-networks"')
    assert "SEiSMiC Österreich" in own and "SEiSMiC Deutschland" in own and "SEiSMiC Italy" not in own
    assert others.count('class="seismic-network-summary"') == 8
    assert '<h3 lang="en"><a href="/networks/italy/">SEiSMiC Italy</a></h3>' in others
    # Every translated network page and event is reachable (the tree's child counts are right).
    for page in list(NetworkPage.objects.exclude(locale=locales["en"])) + list(EventPage.objects.exclude(locale=locales["en"])):
        assert client.get(page.url).status_code == 200, page.url


def check_registry_and_idempotence(locales, root_page):
    counts = (Page.objects.count(), NetworkMember.objects.count())
    context = run_demo(root_page)
    assert context.counts == {}  # the second run creates nothing
    assert (Page.objects.count(), NetworkMember.objects.count()) == counts
    assert set(context.registry["networks"]) == COUNTRIES
    assert all(page.locale == locales["en"] for page in context.registry["networks"].values())
    assert isinstance(context.registry["network_index"], NetworkIndexPage)
