"""Integrity of a consultation across its language copies (issue #13, part 6): the source's phase, settings and
questions govern every copy at once, with no "Sync translated pages" click."""

import copy
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationPage, ConsultationResponse
from tests.factories.consultations import consultation_questions
from tests.translations import publish_translation

from .conftest import answer_data

pytestmark = pytest.mark.django_db

GERMAN = {
    "Urban agenda": "Städtische Agenda",
    "How important is this section?": "Wie wichtig ist dieser Abschnitt?",
    "Which scale matters most?": "Welche Ebene ist am wichtigsten?",
    "The city": "Die Stadt",
    "The neighbourhood": "Das Viertel",
    "The region": "Die Region",
    "Urban governance": "Städtische Steuerung",
}


@pytest.fixture
def german(consultation, locales):
    return publish_translation(consultation, locales["de"], GERMAN)


def publish(page, **changes):
    """Publish a new revision of ``page`` (fresh from the database) with ``changes``, as an editor would."""
    page = ConsultationPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def days(n):
    return (timezone.now() + datetime.timedelta(days=n)).replace(microsecond=0)


def test_closing_the_source_closes_every_copy_at_once(client, consultation, german):
    assert client.post(german.url, answer_data()).status_code == 302  # open: accepted
    opened, closed = days(-10), days(-1)
    publish(consultation, opens_at=opened, closes_at=closed)
    response = client.post(german.url, answer_data(country="DE"))
    assert response.status_code == 403
    assert ConsultationResponse.objects.count() == 1
    # The copy's live row has the source's dates too, not only what the view computes.
    row = ConsultationPage.objects.get(pk=german.pk)
    assert (row.opens_at, row.closes_at) == (opened, closed)
    assert row.status == "closed"


def test_a_copy_follows_its_source_at_request_time_even_when_its_row_is_stale(client, consultation, german):
    """Even if something wrote old dates into the copy's row (an old draft, a direct update), the copy reads
    its phase from the source when it is served."""
    ConsultationPage.objects.filter(pk=consultation.pk).update(opens_at=days(-10), closes_at=days(-1))
    assert ConsultationPage.objects.get(pk=german.pk).closes_at > timezone.now()  # stale row: still "open"
    assert client.post(german.url, answer_data()).status_code == 403
    assert ConsultationResponse.objects.count() == 0
    assert "closed" in client.get(german.url).content.decode()


def test_opening_the_source_opens_every_copy(client, consultation, german):
    publish(consultation, opens_at=days(5), closes_at=days(30))
    assert client.post(german.url, answer_data()).status_code == 403
    publish(consultation, opens_at=days(-1), closes_at=days(30))
    assert client.post(german.url, answer_data()).status_code == 302
    assert ConsultationResponse.objects.get().locale.language_code == "de"


def test_publishing_a_stale_translation_draft_does_not_bring_old_dates_back(client, consultation, german):
    draft = ConsultationPage.objects.get(pk=german.pk).save_revision()  # still has the open dates
    closed = days(-1)
    publish(consultation, opens_at=days(-10), closes_at=closed)
    draft.publish()
    row = ConsultationPage.objects.get(pk=german.pk)
    assert row.closes_at == closed
    assert client.post(german.url, answer_data()).status_code == 403


def test_the_other_synchronized_settings_follow_the_source(consultation, german):
    publish(consultation, require_confirmation=True, results_visibility="live", retention_days=30)
    row = ConsultationPage.objects.get(pk=german.pk)
    assert (row.require_confirmation, row.results_visibility, row.retention_days) == (True, "live", 30)
    assert row.get_form().fields["email"].required


def test_a_question_added_in_the_source_is_asked_in_every_copy_at_once(client, consultation, german):
    questions = consultation_questions()
    added = copy.deepcopy(questions[1])
    added["id"] = "q-added"
    added["value"]["question"] = "Which level should decide?"
    publish(consultation, questions=[*questions, added])
    page = ConsultationPage.objects.get(pk=german.pk)
    by_id = {question.id: question for question in page.get_questions()}
    assert list(by_id) == ["q-rating", "q-single", "q-multiple", "q-ranking", "q-text", "q-added"]
    # Translated where the copy has the text, the source's text where it does not have it yet.
    assert by_id["q-single"].label == "Welche Ebene ist am wichtigsten?"
    assert by_id["q-added"].label == "Which level should decide?"
    assert dict(by_id["q-added"].choices)["city"] == "The city"
    # The new question is required: a German response without it is refused, with it accepted.
    response = client.post(german.url, answer_data())
    assert response.status_code == 200 and ConsultationResponse.objects.count() == 0
    assert client.post(german.url, answer_data(**{"q_q-added": "region"})).status_code == 302
    assert ConsultationAnswer.objects.get(question_id="q-added").choice == "region"


def test_a_question_removed_from_the_source_is_asked_in_no_copy(client, consultation, german):
    publish(consultation, questions=[q for q in consultation_questions() if q["id"] != "q-single"])
    page = ConsultationPage.objects.get(pk=german.pk)
    assert "q-single" not in [question.id for question in page.get_questions()]
    assert 'name="q_q-single"' not in client.get(german.url).content.decode()
    assert client.post(german.url, answer_data()).status_code == 302
    assert not ConsultationAnswer.objects.filter(question_id="q-single").exists()


def test_a_choice_added_in_the_source_is_offered_in_the_copy(client, consultation, german):
    questions = consultation_questions()
    questions[1]["value"]["choices"].append(
        {"type": "item", "id": "c-europe", "value": {"key": "europe", "label": "Europe"}}
    )
    publish(consultation, questions=questions)
    single = next(q for q in ConsultationPage.objects.get(pk=german.pk).get_questions() if q.id == "q-single")
    assert single.choices == [
        ("neighbourhood", "Das Viertel"),
        ("city", "Die Stadt"),
        ("region", "Die Region"),
        ("europe", "Europe"),
    ]
    assert client.post(german.url, answer_data(**{"q_q-single": "europe"})).status_code == 302


def test_the_source_lookup_is_one_cached_query_for_the_source_and_two_for_a_copy(consultation, german):
    source = ConsultationPage.objects.get(pk=consultation.pk)
    with CaptureQueriesContext(connection) as queries:
        assert source.translation_source_page is source
        source.get_status()
        source.get_questions()
    assert len(queries) == 1
    copy_page = ConsultationPage.objects.get(pk=german.pk)
    with CaptureQueriesContext(connection) as queries:
        assert copy_page.translation_source_page.pk == consultation.pk
        copy_page.get_status()
        copy_page.get_questions()
        copy_page.results_published  # noqa: B018 (a property that reads the source's settings)
    assert len(queries) == 2


def test_a_page_without_translation_rows_governs_itself(consultation, locales):
    copy_page = consultation.copy_for_translation(
        locales["fr"], copy_parents=True
    )  # Wagtail's own copy, no wagtail-localize rows
    copy_page = ConsultationPage.objects.get(pk=copy_page.pk)
    assert copy_page.translation_source_page is copy_page
    assert [q.id for q in copy_page.get_questions()] == [q.id for q in consultation.get_questions()]
