"""The fallback notice (the visitor's language is not the page's) and the machine-translation notice."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from seismic_wagtail.core.i18n import has_unreviewed_machine_translation, visitor_language
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


def notice(html):
    match = re.search(
        r'<div class="seismic-notice seismic-notice--language" role="note" lang="(\w+)">(.*?)</div>', html, re.S
    )
    return (match.group(1), " ".join(re.sub(r"</?p>", "", match.group(2)).split())) if match else None


def test_visitor_language_reads_the_cookie_then_accept_language(rf, settings):
    assert visitor_language(rf.get("/")) is None
    assert visitor_language(rf.get("/", HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9,en;q=0.5")) == "sv"
    assert visitor_language(rf.get("/", HTTP_ACCEPT_LANGUAGE="ja,pt;q=0.8,de;q=0.5")) == "de"
    assert visitor_language(rf.get("/", HTTP_ACCEPT_LANGUAGE="ja")) is None
    request = rf.get("/", HTTP_ACCEPT_LANGUAGE="sv")
    request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "tr"
    assert visitor_language(request) == "tr"


def test_missing_translation_notice_in_the_visitors_language(client, translated_home, story):
    publish_translation(story, "de", {"Car-free Sundays": "Autofreie Sonntage"})
    html = client.get(story.url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    lang, text = notice(html)
    assert lang == "sv"
    assert text.startswith("Den här sidan finns inte på ditt språk än.")
    languages = re.findall(
        r'<li><a href="([^"]+)" hreflang="(\w+)" lang="\w+"( aria-current="page")?>([^<]+)</a></li>',
        html.split('role="note"')[1],
    )
    assert languages == [
        ("/sweden/car-free-sundays/", "en", ' aria-current="page"', "English"),
        ("/de/sweden/car-free-sundays/", "de", "", "Deutsch"),
    ]
    # The page itself stays English.
    assert '<div class="seismic " lang="en" dir="ltr">' in html


def test_notice_offers_the_translation_when_it_exists(client, translated_home, story, settings):
    publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    lang, text = notice(client.get(story.url).content.decode())
    assert lang == "sv"
    assert (
        text
        == 'Den här sidan finns också på ditt språk: <a href="/sv/sweden/car-free-sundays/" hreflang="sv">Svenska</a>'
    )


def test_no_notice_without_a_preference_or_in_the_preferred_language(client, translated_home, story):
    sv = publish_translation(story, "sv")
    assert notice(client.get(story.url).content.decode()) is None
    assert notice(client.get(story.url, HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()) is None
    assert notice(client.get(sv.url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()) is None
    # A language the site has no locale for: nothing to offer.
    assert notice(client.get(story.url, HTTP_ACCEPT_LANGUAGE="ja").content.decode()) is None


def test_response_varies_on_the_language_preference(client, translated_home, story):
    response = client.get(story.url, HTTP_ACCEPT_LANGUAGE="sv")
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


MT_NOTICE = "Denna sida har översatts automatiskt och har ännu inte granskats av en människa."


def test_machine_translation_notice_until_a_person_reviews_every_string(admin_client, translated_home, story):
    # Submit the story for translation into Swedish, as the editor's "Translate" action does.
    sv = publish_translation(story, "sv")
    translation = Translation.objects.get(source__object_id=story.translation_key, target_locale__language_code="sv")
    assert not has_unreviewed_machine_translation(sv)

    # Machine-translate through wagtail-localize's own view (DummyTranslator in the test settings) and publish.
    edit_url = reverse("wagtailadmin_pages:edit", args=[sv.pk])
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(locale=translation.target_locale, translation_type="machine")
    assert machine.count() == 3  # the title, the slug and the body
    translation.save_target(publish=True)
    sv.refresh_from_db()
    assert sv.title == "Sundays Car-free"  # the dummy translator reverses the order of the words
    assert has_unreviewed_machine_translation(sv)
    html = admin_client.get(sv.url).content.decode()
    assert (
        f'<div class="seismic-notice seismic-notice--machine-translation" role="note" lang="sv">\n  <p>{MT_NOTICE}</p>'
        in html
    )

    def edit(source_text, value):
        segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = admin_client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200

    # A person corrects the title in wagtail-localize's editor: the slug and the body are still unreviewed.
    edit("Car-free Sundays", "Bilfria söndagar")
    assert has_unreviewed_machine_translation(sv)
    # ... and accepts the others unchanged: nothing machine-made is left unreviewed.
    for string in machine.exclude(translation_type="manual"):
        edit(string.translation_of.data, string.data)
    assert not has_unreviewed_machine_translation(sv)
    translation.save_target(publish=True)
    assert MT_NOTICE not in admin_client.get(sv.url).content.decode()


def test_source_page_never_shows_the_machine_translation_notice(translated_home, story):
    publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar"}, translation_type="machine")
    assert has_unreviewed_machine_translation(story.get_translation(Locale.objects.get(language_code="sv")))
    assert not has_unreviewed_machine_translation(story)


def test_notices_cost_a_constant_number_of_queries(client, translated_home, story, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get(story.url, HTTP_ACCEPT_LANGUAGE="sv")  # warm caches
        with CaptureQueriesContext(connection) as queries:
            client.get(story.url, HTTP_ACCEPT_LANGUAGE="sv")
        return len(queries)

    few = count()
    for code in ("de", "fr", "nl", "cs", "hu", "it"):
        publish_translation(story, code, translation_type="machine")
    many = count()
    print(f"story page with switcher and notices: {few} queries with 1 translation, {many} with 7")
    assert many == few
