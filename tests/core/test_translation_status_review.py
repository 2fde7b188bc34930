"""The translation status report shows where each page stands in its Wagtail review workflow (issue #19).

A cell whose page (the source or a translation) has a ``WorkflowState`` in progress or needing changes says
so in text ("In review: <task>", "Changes requested: <task>"); the "Review" filter keeps the rows with such a
page; the exports have a "Review" column; the review states cost one query for the whole page of rows.
"""

import csv
import io
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from seismic_wagtail.core import roles
from seismic_wagtail.core.i18n import content_locales
from seismic_wagtail.core.translation_status import ReviewState, filter_in_review, get_status_rows, source_pages
from tests.i18napp.models import TestStoryPage
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

COORDINATORS_TASK = "Approval by SEiSMiC Austria: coordinators"
CENTRAL_TASK = "Approval by the central team"


@pytest.fixture(autouse=True)
def report_settings():
    with override_settings(
        SEISMIC_WAGTAIL={"TRANSLATION_STATUS_APPS": ["i18napp"], "NETWORK_PAGE_MODEL": "i18napp.TestNetworkPage"}
    ):
        yield


@pytest.fixture
def workflow(root_page):
    """A network's review workflow made the way ``seismic_roles --workflows`` makes it (coordinators, then the
    central team), assigned to the site's root page and so to every page below it."""
    coordinators = roles.ensure_group("SEiSMiC Austria: coordinators")
    central = roles.ensure_group("SEiSMiC central editors")
    workflow = roles.ensure_review_workflow(
        "network:test",
        "Review by SEiSMiC Austria",
        [
            roles.ensure_approval_task(COORDINATORS_TASK, [coordinators]),
            roles.ensure_approval_task(CENTRAL_TASK, [central]),
        ],
    )
    roles.assign_workflow(workflow, [root_page])
    return workflow


def add_story(root_page, title):
    page = TestStoryPage(title=title, slug=re.sub(r"\W+", "-", title.lower()), body="<p>Streets for people.</p>")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def submit(workflow, page, user):
    """Submit ``page`` for review, as its editor's "Submit to <workflow>" does."""
    page = Page.objects.get(pk=page.pk).specific
    page.save_revision(user=user)
    return workflow.start(page, user)


@pytest.fixture
def story(root_page, locales):
    """An English story with a German and a Swedish translation (wagtail-localize; a copy made with Wagtail's
    own "copy for translation" would be a row of its own, as the report takes it for a source)."""
    page = add_story(root_page, "Car-free Sundays")
    publish_translation(
        page,
        "de",
        {
            "Car-free Sundays": "Autofreie Sonntage",
            "car-free-sundays": "autofreie-sonntage",
            "Streets for people.": "Straßen für Menschen.",
        },
    )
    publish_translation(page, "sv", {"Car-free Sundays": "Bilfria söndagar", "car-free-sundays": "bilfria-sondagar"})
    return page


def row_of(page):
    [row] = get_status_rows(source_pages().filter(pk=page.pk), content_locales())
    return row


def reviews(row):
    return {cell.locale.language_code: str(cell.review) for cell in row.review_cells}


def test_a_translation_in_review_shows_its_current_task(story, workflow, locales, admin_user):
    german = story.get_translation(locales["de"])
    submit(workflow, german, admin_user)
    row = row_of(story)
    assert reviews(row) == {"de": f"In review: {COORDINATORS_TASK}"}
    review = row.cell("de").review
    assert review == ReviewState(
        WorkflowState.STATUS_IN_PROGRESS, COORDINATORS_TASK, reverse("wagtailadmin_pages:edit", args=[german.pk])
    )
    # The translation state is unchanged; the review state is beside it.
    assert row.cell("de").status == "up_to_date"
    assert row.cell("en").review is None and row.cell("sv").review is None and row.cell("cs").review is None


def test_the_review_state_follows_the_workflow(story, workflow, locales, admin_user):
    """Approved by the coordinators: at the central team's task; rejected there: changes requested; resubmitted
    and approved by everyone, or cancelled: no longer in review."""
    state = submit(workflow, story, admin_user)
    assert reviews(row_of(story)) == {"en": f"In review: {COORDINATORS_TASK}"}

    state.current_task_state.approve(user=admin_user)
    state.refresh_from_db()
    assert reviews(row_of(story)) == {"en": f"In review: {CENTRAL_TASK}"}

    state.current_task_state.reject(user=admin_user)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert reviews(row_of(story)) == {"en": f"Changes requested: {CENTRAL_TASK}"}

    state.cancel(user=admin_user)
    assert reviews(row_of(story)) == {}

    # A translation and its source in review at the same time: each cell has its own state.
    submit(workflow, story, admin_user)
    submit(workflow, story.get_translation(locales["sv"]), admin_user)
    assert reviews(row_of(story)) == {"en": f"In review: {COORDINATORS_TASK}", "sv": f"In review: {COORDINATORS_TASK}"}


def test_a_finished_review_is_no_longer_shown(story, workflow, admin_user):
    state = submit(workflow, story, admin_user)
    state.current_task_state.approve(user=admin_user)
    state.refresh_from_db()
    state.current_task_state.approve(user=admin_user)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert reviews(row_of(story)) == {}


def test_the_report_shows_the_state_as_text_in_its_cell(admin_client, story, workflow, locales, admin_user):
    other = add_story(story.get_parent(), "Tulip streets")
    german = story.get_translation(locales["de"])
    submit(workflow, german, admin_user)
    html = admin_client.get(reverse("seismic_translation_status")).content.decode()
    assert html.count('class="seismic-review-state"') == 1
    [cell] = re.findall(
        r'<td class="seismic-translation-status"[^>]*>(?:(?!</td>).)*seismic-review-state.*?</td>', html, re.S
    )
    assert f"In review: {COORDINATORS_TASK}" in cell
    assert reverse("wagtailadmin_pages:edit", args=[german.pk]) in cell and 'data-review="in_progress"' in cell
    # Under the German column, in the story's row.
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)
    [story_row] = [row for row in rows if "Car-free Sundays" in row]
    cells = re.findall(r'<td class="seismic-translation-status" data-status="(\w+)">(.*?)</td>', story_row, re.S)
    languages = [locale.language_code for locale in content_locales()]
    assert [i for i, (_status, content) in enumerate(cells) if "seismic-review-state" in content] == [
        languages.index("de")
    ]
    assert other.title in html


def test_the_review_filter(admin_client, story, workflow, root_page, locales, admin_user):
    waiting = add_story(root_page, "Tulip streets")
    rejected = add_story(root_page, "School streets")
    add_story(root_page, "Quiet squares")
    submit(workflow, story.get_translation(locales["sv"]), admin_user)  # the translation, not the source
    submit(workflow, waiting, admin_user)
    state = submit(workflow, rejected, admin_user)
    state.current_task_state.reject(user=admin_user)
    url = reverse("seismic_translation_status")

    def titles(**params):
        html = admin_client.get(url, params).content.decode()
        return {
            title for title in ("Car-free Sundays", "Tulip streets", "School streets", "Quiet squares") if title in html
        }

    assert titles() == {"Car-free Sundays", "Tulip streets", "School streets", "Quiet squares"}
    assert titles(review="any") == {"Car-free Sundays", "Tulip streets", "School streets"}
    assert titles(review="in_progress") == {"Car-free Sundays", "Tulip streets"}
    assert titles(review="needs_changes") == {"School streets"}
    assert 'name="review"' in admin_client.get(url).content.decode()
    # The filter as a function, for code that builds its own list.
    assert set(filter_in_review(source_pages()).values_list("title", flat=True)) == {
        "Car-free Sundays",
        "Tulip streets",
        "School streets",
    }


def test_csv_export_has_a_review_column(admin_client, story, workflow, locales, admin_user):
    submit(workflow, story, admin_user)
    state = submit(workflow, story.get_translation(locales["de"]), admin_user)
    state.current_task_state.reject(user=admin_user)
    add_story(story.get_parent(), "Tulip streets")
    response = admin_client.get(reverse("seismic_translation_status"), {"export": "csv"})
    rows = {row["Page"]: row for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))}
    assert rows["Car-free Sundays"]["Review"] == (
        f"en: In review: {COORDINATORS_TASK}; de: Changes requested: {COORDINATORS_TASK}"
    )
    assert rows["Car-free Sundays"]["Deutsch"] == "Up to date"
    assert rows["Tulip streets"]["Review"] == ""


def test_query_count_is_the_same_with_one_and_five_pages_in_review(
    admin_client, root_page, locales, workflow, admin_user
):
    added = []

    def add(count):
        for _ in range(count):
            page = add_story(root_page, f"Story {len(added)}")
            translation = publish_translation(page, "de")
            # Sources and translations in review, every third with changes requested.
            state = submit(workflow, translation if len(added) % 2 else page, admin_user)
            if len(added) % 3 == 1:
                state.current_task_state.reject(user=admin_user)
            added.append(page)

    def queries(**params):
        url = reverse("seismic_translation_status")
        admin_client.get(url, params)
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(url, params)
            assert response.status_code == 200
        return len(captured), response.content.decode().count('class="seismic-review-state"')

    add(1)
    one, shown = queries()
    assert shown == 1
    one_filtered, _shown = queries(review="any")
    add(4)
    five, shown = queries()
    assert shown == 5
    five_filtered, _shown = queries(review="any")
    print(f"translation status report with reviews: {one} queries for 1 page in review, {five} for 5")
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).count() == 2
    assert five == one and five_filtered == one_filtered
