"""The translation status report: states for a known fixture, filters, links, exports, query counts."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from seismic_wagtail.core.i18n import content_locales
from seismic_wagtail.core.translation_status import Status, get_report_filters, get_status_rows, source_pages
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
    """A known fixture: the story in English (source) and German, Swedish, French and Dutch.

    - de: translated, every string, live            -> up to date
    - sv: translated, body left untranslated         -> in progress
    - fr: translated as a draft                      -> in progress
    - nl: translated, then the source was edited     -> out of date
    - cs, hu, it, nb, tr: no translation             -> missing
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
    return story


def statuses(row):
    return {cell.locale.language_code: cell.status for cell in row.cells}


def test_states_for_a_known_fixture(fixture, network, locales):
    rows = {row.page.pk: row for row in get_status_rows(source_pages().order_by("pk"), content_locales())}
    assert set(rows) == {network.pk, fixture.pk}
    story = statuses(rows[fixture.pk])
    assert story == {
        "en": Status.SOURCE,
        "de": Status.UP_TO_DATE,
        "sv": Status.IN_PROGRESS,
        "fr": Status.IN_PROGRESS,
        "nl": Status.OUT_OF_DATE,
        "cs": Status.MISSING,
        "hu": Status.MISSING,
        "it": Status.MISSING,
        "nb": Status.MISSING,
        "tr": Status.MISSING,
    }
    # wagtail-localize copied the network into the story's locales as an alias (the English content): missing.
    assert Page.objects.get(translation_key=network.translation_key, locale=locales["de"]).alias_of_id == network.pk
    assert set(statuses(rows[network.pk]).values()) == {Status.SOURCE, Status.MISSING}


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
    cells = re.findall(r'data-status="(\w+)"', html)
    assert cells.count("source") == 3 and cells.count("up_to_date") == 1
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
    assert (
        story["Deutsch"] == "Up to date" and story["Svenska"] == "In progress" and story["Nederlands"] == "Out of date"
    )
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
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count):
        for _ in range(count):
            page = TestStoryPage(
                title=f"Story {Page.objects.count()}", slug=f"story-{Page.objects.count()}", country="SE"
            )
            root_page.add_child(instance=page)
            page.save_revision().publish()
            publish_translation(page, "de")

    def queries():
        admin_client.get(reverse("seismic_translation_status"))
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(reverse("seismic_translation_status")).status_code == 200
        return len(captured)

    add(1)
    few = queries()
    add(9)
    many = queries()
    print(f"translation status report: {few} queries for 1 row, {many} for 10 rows")
    assert many == few
