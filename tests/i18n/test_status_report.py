"""The translation status report: states for a known fixture, filters, links, exports, the per-language
summary, query counts."""

import csv
import io
import re
from collections import Counter
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from seismic_wagtail.core.i18n import content_locales, has_unreviewed_machine_translation
from seismic_wagtail.core.translation_status import (
    STATUS_DISPLAY,
    Status,
    get_report_filters,
    get_status_rows,
    get_status_summary,
    source_pages,
)
from tests.factories.users import UserFactory
from tests.i18napp.models import TestStoryPage
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

REPORT_APPS = override_settings(
    SEISMIC_WAGTAIL={"TRANSLATION_STATUS_APPS": ["i18napp"], "NETWORK_PAGE_MODEL": "i18napp.TestNetworkPage"}
)


@pytest.fixture(autouse=True)
def report_settings():
    with REPORT_APPS:
        yield


@pytest.fixture
def fixture(network, story, locales):
    """A known fixture: the story in English (source) and German, Swedish, French, Dutch, Italian and Norwegian.

    - de: translated, every string, live                             -> up to date
    - sv: translated, body left untranslated, live                   -> live, partly translated
    - fr: translated as a draft                                      -> in progress
    - nl: translated, then the source was edited                     -> out of date
    - it: machine translated, every string, live                     -> machine translated, not reviewed
    - nb: machine translated, then a person edited every string      -> up to date
    - cs, hu, tr: no translation                                     -> missing
    """
    publish_translation(
        story,
        "de",
        {
            "Car-free Sundays": "Autofreie Sonntage",
            "car-free-sundays": "autofreie-sonntage",
            "Streets for people.": "Straßen für Menschen.",
        },
    )
    publish_translation(
        story,
        "nl",
        {
            "Car-free Sundays": "Autovrije zondagen",
            "car-free-sundays": "autovrije-zondagen",
            "Streets for people.": "Straten voor mensen.",
        },
    )
    # The source changes (published later) and "Sync translated pages" extracts it again ...
    story.refresh_from_db()
    story.body = "<p>Streets for people, every Sunday.</p>"
    story.save_revision().publish()
    TranslationSource.objects.get(object_id=story.translation_key, locale=locales["en"]).update_from_db()
    # ... German follows with the new string translated; Dutch is left behind.
    publish_translation(story, "de", {"Streets for people, every Sunday.": "Straßen für Menschen, jeden Sonntag."})
    # Started after the change: Swedish with the body untranslated, French as a draft.
    publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar", "car-free-sundays": "bilfria-sondagar"})
    publish_translation(
        story,
        "fr",
        {
            "Car-free Sundays": "Dimanches sans voiture",
            "car-free-sundays": "dimanches-sans-voiture",
            "Streets for people, every Sunday.": "Des rues pour les gens, chaque dimanche.",
        },
        publish=False,
    )
    current = {
        "Car-free Sundays": "Domeniche senza auto",
        "car-free-sundays": "domeniche-senza-auto",
        "Streets for people, every Sunday.": "Strade per le persone, ogni domenica.",
    }
    publish_translation(story, "it", current, translation_type="machine", tool_name="Dummy")
    norwegian = {
        "Car-free Sundays": "Bilfrie søndager",
        "car-free-sundays": "bilfrie-sondager",
        "Streets for people, every Sunday.": "Gater for folk, hver søndag.",
    }
    publish_translation(story, "nb", norwegian, translation_type="machine", tool_name="Dummy")
    publish_translation(story, "nb", norwegian)  # a person checked and saved every string: manual now
    return story


#: The states of the fixture's story, by language.
FIXTURE_STATES = {
    "en": Status.SOURCE,
    "de": Status.UP_TO_DATE,
    "sv": Status.PARTIAL,
    "fr": Status.IN_PROGRESS,
    "nl": Status.OUT_OF_DATE,
    "it": Status.MACHINE,
    "nb": Status.UP_TO_DATE,
    "cs": Status.MISSING,
    "hu": Status.MISSING,
    "tr": Status.MISSING,
}


def statuses(row):
    return {cell.locale.language_code: cell.status for cell in row.cells}


def test_states_for_a_known_fixture(fixture, network, locales):
    rows = {row.page.pk: row for row in get_status_rows(source_pages().order_by("pk"), content_locales())}
    assert set(rows) == {network.pk, fixture.pk}
    assert statuses(rows[fixture.pk]) == FIXTURE_STATES
    # wagtail-localize copied the network into the story's locales as an alias (the English content): missing.
    assert Page.objects.get(translation_key=network.translation_key, locale=locales["de"]).alias_of_id == network.pk
    assert set(statuses(rows[network.pk]).values()) == {Status.SOURCE, Status.MISSING}


def test_partly_translated_cells_count_the_segments_as_wagtail_localize_does(fixture, locales):
    [row] = get_status_rows(source_pages().filter(pk=fixture.pk), content_locales())
    swedish = row.cell("sv")
    translation = Translation.objects.get(source__object_id=fixture.translation_key, target_locale=locales["sv"])
    assert (swedish.progress.segments, swedish.progress.translated) == translation.get_progress() == (3, 2)
    assert str(swedish.detail) == "2 of 3 texts translated"
    assert swedish.full_label == "Live, partly translated: 2 of 3 texts translated"
    assert swedish.page.live  # live: what visitors read now, partly in English
    assert row.cell("de").detail == "" and row.cell("de").full_label == "Up to date"


def test_bulk_machine_flag_agrees_with_the_page_level_rule(fixture, locales):
    """The report's bulk query says "machine translated, not reviewed" exactly where
    ``has_unreviewed_machine_translation`` (the public pages' notice) does."""
    [row] = get_status_rows(source_pages().filter(pk=fixture.pk), content_locales())
    checked = 0
    for cell in row.cells:
        if cell.progress is not None:
            assert cell.progress.machine_unreviewed == has_unreviewed_machine_translation(cell.page), cell.locale
            checked += 1
    assert checked == 6  # de sv fr nl it nb
    assert [cell.locale.language_code for cell in row.cells if cell.progress and cell.progress.machine_unreviewed] == [
        "it"
    ]


def test_a_person_reviewing_every_machine_string_makes_it_up_to_date(fixture, locales):
    italian = {
        "Car-free Sundays": "Domeniche senza auto",
        "car-free-sundays": "domeniche-senza-auto",
    }
    publish_translation(fixture, "it", italian)  # two of three strings checked: still machine translated
    [row] = get_status_rows(source_pages().filter(pk=fixture.pk), content_locales())
    assert row.cell("it").status == Status.MACHINE
    publish_translation(fixture, "it", {"Streets for people, every Sunday.": "Strade per tutti, ogni domenica."})
    [row] = get_status_rows(source_pages().filter(pk=fixture.pk), content_locales())
    assert row.cell("it").status == Status.UP_TO_DATE


def test_a_machine_translated_draft_is_in_progress(story, locales):
    strings = {"Car-free Sundays": "Autovrije zondagen", "car-free-sundays": "autovrije-zondagen"}
    publish_translation(story, "nl", strings, translation_type="machine", publish=False)
    [row] = get_status_rows(source_pages().filter(pk=story.pk), content_locales())
    assert row.cell("nl").status == Status.IN_PROGRESS


def test_summary_counts_each_state_per_language(fixture, network):
    summary = {
        language.locale.language_code: language for language in get_status_summary(source_pages(), content_locales())
    }
    assert list(summary) == [code for code, _name in settings.LANGUAGES]
    # Two source pages, both in English: the story (FIXTURE_STATES) and the network (an alias elsewhere: missing).
    english = summary["en"]
    assert english.counts[Status.SOURCE] == 2 and english.to_translate == 0 and english.percent_up_to_date is None
    for code, status in FIXTURE_STATES.items():
        if code == "en":
            continue
        language = summary[code]
        expected = Counter([status, Status.MISSING])
        assert {state.status: state.count for state in language.states if state.count} == expected, code
        assert language.to_translate == 2
        assert language.percent_up_to_date == (50 if status == Status.UP_TO_DATE else 0)
    # The bar's segments follow one another and fill it.
    german = summary["de"].states
    assert [(state.status, state.offset, state.percent) for state in german if state.count] == [
        (Status.UP_TO_DATE, 0.0, 50.0),
        (Status.MISSING, 50.0, 50.0),
    ]
    assert sum(state.percent for state in german) == 100.0


def test_summary_follows_the_filters(admin_client, fixture, network):
    url = reverse("seismic_translation_status")
    html = admin_client.get(url).content.decode()
    german = re.search(r'<tr data-language="de">(.*?)</tr>', html, re.S).group(1)
    assert "50% (1 of 2)" in german
    html = admin_client.get(url, {"page_type": "i18napp.teststorypage"}).content.decode()
    german = re.search(r'<tr data-language="de">(.*?)</tr>', html, re.S).group(1)
    assert "100% (1 of 1)" in german
    italian = re.search(r'<tr data-language="it">(.*?)</tr>', html, re.S).group(1)
    counts = dict(re.findall(r'<td class="seismic-ts-count" data-status="(\w+)">(\d+)</td>', italian))
    assert counts == {
        "up_to_date": "0",
        "machine": "1",
        "partial": "0",
        "in_progress": "0",
        "out_of_date": "0",
        "missing": "0",
    }
    assert "0% (0 of 1)" in italian


def test_each_state_shows_text_an_icon_and_its_full_label(admin_client, fixture):
    html = admin_client.get(reverse("seismic_translation_status")).content.decode()
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)
    [story_row] = [row for row in rows if "Car-free Sundays" in row and "seismic-translation-status" in row]
    cells = dict(re.findall(r'<td class="seismic-translation-status" data-status="(\w+)">(.*?)</td>', story_row, re.S))
    assert set(cells) == set(FIXTURE_STATES.values())
    for status, content in cells.items():
        display = STATUS_DISPLAY[Status(status)]
        assert f'<span class="seismic-ts-short">{display.short_label}</span>' in content
        assert f"icon-{display.icon}" in content  # not colour alone: an icon per state
        assert str(Status(status).label) in content  # the full label: tooltip and screen readers
    assert "Live, partly translated: 2 of 3 texts translated" in cells["partial"]
    # The language columns are headed by their codes, named in full for screen readers.
    assert '<abbr title="Deutsch" aria-hidden="true">de</abbr><span class="w-sr-only">Deutsch</span>' in html
    # The legend names and explains every state.
    legend = re.search(r'<section class="nice-padding seismic-ts-legend".*?</section>', html, re.S).group(0)
    for status, display in STATUS_DISPLAY.items():
        assert str(status.label) in legend and str(display.description) in legend


def test_out_of_date_when_the_source_is_published_after_extraction(fixture, locales):
    fixture.refresh_from_db()
    fixture.title = "Car-free Sundays in Malmö"
    fixture.save_revision().publish()
    [row] = get_status_rows(source_pages().filter(pk=fixture.pk), content_locales())
    cell = row.cell("de")
    assert cell.status == Status.OUT_OF_DATE
    source = TranslationSource.objects.get(object_id=fixture.translation_key, locale=locales["en"])
    assert cell.action_url == reverse("wagtail_localize:update_translations", args=[source.pk])


def test_translations_are_not_rows_and_links_act_on_each_cell(fixture, locales):
    rows = get_status_rows(source_pages().filter(pk=fixture.pk), content_locales())
    assert [row.page.pk for row in rows] == [fixture.pk]
    row = rows[0]
    assert (
        row.cell("cs").action_url
        == reverse("wagtail_localize:submit_page_translation", args=[fixture.pk]) + "?select_locale=cs"
    )
    de = fixture.get_translation(locales["de"])
    assert row.cell("de").action_url == reverse("wagtailadmin_pages:edit", args=[de.pk])
    assert row.cell("en").action_url == reverse("wagtailadmin_pages:edit", args=[fixture.pk])


def test_translation_without_wagtail_localize_compares_publication(root_page, locales):
    page = TestStoryPage(title="Local only", slug="local-only")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    copy = page.copy_for_translation(
        locales["it"], copy_parents=True
    )  # Wagtail's own copy, no wagtail-localize Translation
    copy.save_revision().publish()
    [row] = get_status_rows(source_pages().filter(pk=page.pk), content_locales())
    assert row.cell("it").status == Status.UP_TO_DATE
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(last_published_at=timezone.now() + timedelta(minutes=1))
    [row] = get_status_rows(source_pages().filter(pk=page.pk), content_locales())
    assert row.cell("it").status == Status.OUT_OF_DATE


def test_report_view_renders_cells_and_filters(admin_client, fixture, network, root_page):
    other = TestStoryPage(title="Tulip streets", slug="tulip-streets", country="NL")
    root_page.add_child(instance=other)
    other.save_revision().publish()
    url = reverse("seismic_translation_status")
    html = admin_client.get(url).content.decode()
    assert "Car-free Sundays" in html and "Tulip streets" in html and "Swedish network" in html
    cells = re.findall(r'<td class="seismic-translation-status" data-status="(\w+)"', html)
    assert cells.count("source") == 3 and cells.count("up_to_date") == 2  # de, nb
    assert reverse("wagtail_localize:submit_page_translation", args=[fixture.pk]) in html

    html = admin_client.get(url, {"country": "NL"}).content.decode()
    assert "Tulip streets" in html and "Car-free Sundays" not in html

    html = admin_client.get(url, {"network": network.pk}).content.decode()
    assert "Car-free Sundays" in html and "Swedish network" in html and "Tulip streets" not in html

    # What is missing in Swedish: the network and the other story; the story has a Swedish translation.
    html = admin_client.get(url, {"not_translated_into": "sv"}).content.decode()
    assert "Tulip streets" in html and "Swedish network" in html and "Car-free Sundays" not in html

    html = admin_client.get(url, {"page_type": "i18napp.testnetworkpage"}).content.decode()
    assert "Swedish network" in html and "Car-free Sundays" not in html

    results = admin_client.get(reverse("seismic_translation_status_results"), {"country": "NL"})
    assert results.status_code == 200 and "Tulip streets" in results.content.decode()


def test_network_filter_follows_a_network_foreign_key(admin_client, fixture, network, root_page):
    elsewhere = TestStoryPage(title="Told elsewhere", slug="told-elsewhere", network=network)
    root_page.add_child(instance=elsewhere)
    elsewhere.save_revision().publish()
    html = admin_client.get(reverse("seismic_translation_status"), {"network": network.pk}).content.decode()
    assert "Told elsewhere" in html


def test_network_filter_comes_from_the_networks_app_and_only_with_its_model(admin_client, fixture, network):
    """Core's report names no network: the networks app adds the filter through a hook, when the model exists."""
    assert [report_filter.name for report_filter in get_report_filters()] == ["network"]
    assert get_report_filters()[0].choices() == [(network.pk, "Swedish network")]
    url = reverse("seismic_translation_status")
    assert 'name="network"' in admin_client.get(url).content.decode()
    with override_settings(SEISMIC_WAGTAIL={"TRANSLATION_STATUS_APPS": ["i18napp"], "NETWORK_PAGE_MODEL": ""}):
        assert get_report_filters() == []
        html = admin_client.get(url, {"network": network.pk}).content.decode()
    assert 'name="network"' not in html and "Car-free Sundays" in html and "Swedish network" in html


def test_csv_export(admin_client, fixture):
    response = admin_client.get(reverse("seismic_translation_status"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    story = next(row for row in rows if row["Page"] == "Car-free Sundays")
    assert story["Source language"] == "en"
    assert story["Deutsch"] == "Up to date" and story["Nederlands"] == "Out of date"
    assert story["Svenska"] == "Live, partly translated" and story["Français"] == "In progress"
    assert story["Italiano"] == "Machine translated, not reviewed" and story["Norsk bokmål"] == "Up to date"
    assert story["Čeština"] == "Missing" and story["English"] == "Source"


def test_report_needs_the_submit_translation_permission(client, fixture):
    user = UserFactory(permissions=["access_admin"])
    client.force_login(user)
    assert client.get(reverse("seismic_translation_status")).status_code in (302, 403)
    user.groups.get().permissions.add(Permission.objects.get(codename="submit_translation"))
    assert client.get(reverse("seismic_translation_status")).status_code == 200


def test_menu_item_in_the_seismic_group(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("seismic_translation_status") in html


def test_query_count_does_not_grow_with_rows(admin_client, root_page):
    """The table, the per-language summary and the new states' annotations cost the same number of queries for
    1 row as for 12, with pages in every state."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count):
        for _ in range(count):
            number = Page.objects.count()
            page = TestStoryPage(title=f"Story {number}", slug=f"story-{number}", country="SE", body="<p>Text.</p>")
            root_page.add_child(instance=page)
            page.save_revision().publish()
            publish_translation(page, "de")  # untranslated strings, live: partly translated
            publish_translation(page, "it", {f"Story {number}": f"Storia {number}"}, translation_type="machine")
            publish_translation(page, "fr", publish=False)  # a draft

    def queries():
        admin_client.get(reverse("seismic_translation_status"))
        with CaptureQueriesContext(connection) as captured:
            html = admin_client.get(reverse("seismic_translation_status")).content.decode()
        assert 'data-status="partial"' in html and 'data-status="machine"' in html
        assert 'data-status="in_progress"' in html and '<tr data-language="tr">' in html
        return len(captured)

    add(1)
    few = queries()
    add(11)
    many = queries()
    print(f"translation status report: {few} queries for 1 row, {many} for 12 rows")
    assert many == few


def test_summary_query_count_is_constant(fixture, root_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    locales = content_locales()
    with CaptureQueriesContext(connection) as captured:
        get_status_summary(source_pages(), locales)
    before = len(captured)
    for number in range(5):
        page = TestStoryPage(title=f"Story {number}", slug=f"story-{number}", country="SE")
        root_page.add_child(instance=page)
        page.save_revision().publish()
        publish_translation(page, "sv")
    with CaptureQueriesContext(connection) as captured:
        summary = get_status_summary(source_pages(), locales)
    assert len(captured) == before == 4
    [swedish] = [language for language in summary if language.locale.language_code == "sv"]
    assert swedish.counts[Status.PARTIAL] == 6  # the fixture's story and the five new ones
