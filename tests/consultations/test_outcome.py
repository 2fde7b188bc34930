"""Closing the loop: the outcome above the results, and the outcome email to respondents who asked for it, sent
as background tasks (the immediate backend of the test settings), in each respondent's language, once, and
retried after a failed send."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from seismic_wagtail.consultations import tasks
from seismic_wagtail.consultations.models import ConsultationResponse, ResultsVisibility
from tests.factories.consultations import ConsultationResponseFactory
from tests.mail_backends import FlakyBackend
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

OUTCOME = "<p>We heard you: more parks.</p><ul><li>Two new parks &amp; a river walk.</li></ul>"
GERMAN = {
    "Urban agenda": "Städtische Agenda",
    "We heard you: more parks.": "Wir haben Sie gehört: mehr Parks.",
    "Two new parks &amp; a river walk.": "Zwei neue Parks &amp; ein Uferweg.",
}
SWEDISH = {
    "Urban agenda": "Urban agenda (sv)",
    "We heard you: more parks.": "Vi hörde er: fler parker.",
    "Two new parks &amp; a river walk.": "Två nya parker &amp; en strandpromenad.",
}


def close(page, outcome=OUTCOME):
    page.opens_at = timezone.now() - datetime.timedelta(days=60)
    page.closes_at = timezone.now() - datetime.timedelta(days=1)
    page.outcome = outcome
    page.results_visibility = ResultsVisibility.AFTER_CLOSING
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


@pytest.fixture
def closed(consultation, locales):
    """The consultation closed with an outcome, translated into German and Swedish (outcome included)."""
    english = close(consultation)
    return {
        "en": english,
        "de": publish_translation(english, locales["de"], GERMAN),
        "sv": publish_translation(english, locales["sv"], SWEDISH),
    }


def respondent(page, email, **fields):
    return ConsultationResponseFactory(page=page, email=email, notify_outcome=True, **fields)


@pytest.fixture
def task_results():
    results = []

    def collect(sender, task_result, **kwargs):
        if task_result.task.func is tasks.send_outcome_mail.func:
            results.append(task_result)

    task_finished.connect(collect)
    yield results
    task_finished.disconnect(collect)


def test_one_mail_per_opted_in_respondent_in_their_language(closed, django_capture_on_commit_callbacks):
    respondent(closed["en"], "en@example.org")
    respondent(closed["de"], "de@example.org")
    respondent(closed["sv"], "sv@example.org")
    ConsultationResponseFactory(page=closed["de"], email="quiet@example.org", notify_outcome=False)
    respondent(closed["sv"], "unconfirmed@example.org", confirmed=False)
    publish(closed["en"], django_capture_on_commit_callbacks)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["de@example.org", "en@example.org", "sv@example.org"]
    assert "Städtische Agenda" in by_address["de@example.org"].subject
    assert "Wir haben Sie gehört: mehr Parks.\nZwei neue Parks & ein Uferweg." in by_address["de@example.org"].body
    assert "Urban agenda (sv)" in by_address["sv@example.org"].subject
    assert "Vi hörde er: fler parker." in by_address["sv@example.org"].body
    assert "We heard you: more parks." in by_address["en@example.org"].body
    # The link goes to the results in the respondent's language.
    assert closed["sv"].full_url.rstrip("/") + "/results/" in by_address["sv@example.org"].body
    assert ConsultationResponse.objects.filter(outcome_notified_at__isnull=False).count() == 3


def test_publishing_again_mails_nobody_twice(closed, django_capture_on_commit_callbacks):
    respondent(closed["de"], "de@example.org")
    publish(closed["en"], django_capture_on_commit_callbacks)
    publish(closed["en"], django_capture_on_commit_callbacks)
    publish(closed["de"], django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["de@example.org"]]


def test_translation_without_outcome_falls_back_to_the_published_page(
    consultation, locales, django_capture_on_commit_callbacks
):
    english = close(consultation, outcome="")
    german = publish_translation(english, locales["de"], {"Urban agenda": "Städtische Agenda"})
    respondent(german, "de@example.org")
    english.outcome = OUTCOME
    publish(english, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["de@example.org"] and "We heard you: more parks." in message.body


def test_no_mail_while_open_or_without_outcome(consultation, django_capture_on_commit_callbacks):
    respondent(consultation, "early@example.org")
    consultation.outcome = OUTCOME  # open: not an outcome yet
    publish(consultation, django_capture_on_commit_callbacks)
    close(consultation, outcome="<p></p>")
    publish(consultation, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_failed_send_is_recorded_and_retried_until_it_succeeds(
    closed, settings, task_results, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    FlakyBackend.failures = 2
    response = respondent(closed["sv"], "sv@example.org")
    publish(closed["en"], django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == ["sv@example.org"]
    response.refresh_from_db()
    assert response.outcome_notified_at is not None
    statuses = sorted(result.status for result in task_results)
    assert statuses == [TaskResultStatus.FAILED, TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]
    failed = [result for result in task_results if result.status == TaskResultStatus.FAILED]
    assert all(result.errors[0].exception_class is tasks.OutcomeMailError for result in failed)
    assert sorted(result.args[2] for result in task_results) == [1, 2, 3]  # the attempt counter


def test_after_the_last_attempt_the_command_queues_the_mail_again(closed, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    FlakyBackend.failures = tasks.MAX_ATTEMPTS
    response = respondent(closed["de"], "de@example.org")
    publish(closed["en"], django_capture_on_commit_callbacks)
    assert mail.outbox == [] and FlakyBackend.failures == 0
    response.refresh_from_db()
    assert response.outcome_notified_at is None  # not lost: still owed

    call_command("seismic_retry_outcome_mails")
    [message] = mail.outbox
    assert "Städtische Agenda" in message.subject
    call_command("seismic_retry_outcome_mails")
    assert len(mail.outbox) == 1


def test_on_a_queueing_backend_the_retry_waits(closed, settings):
    """With a backend that stores tasks (the dummy one here, the database or RQ in production), a failed send
    queues the next attempt for later instead of running it at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    FlakyBackend.failures = 1
    response = respondent(closed["de"], "de@example.org")
    before = timezone.now()
    with pytest.raises(tasks.OutcomeMailError):
        tasks.send_outcome_mail.call(response.pk, closed["en"].pk, 1)
    [retry] = tasks.send_outcome_mail.get_backend().results
    assert retry.args == [response.pk, closed["en"].pk, 2]
    assert retry.task.run_after >= before + tasks.RETRY_DELAYS[0]
    response.refresh_from_db()
    assert response.outcome_notified_at is None and mail.outbox == []
    assert tasks.send_outcome_mail.call(*retry.args) == "sent"  # what the worker does when the time comes
    assert tasks.send_outcome_mail.call(*retry.args) == "not owed"
    assert len(mail.outbox) == 1


def test_the_retry_delay_grows_then_stays():
    assert tasks.retry_delay(1) < tasks.retry_delay(2) < tasks.retry_delay(3) < tasks.retry_delay(4)
    assert tasks.retry_delay(99) == tasks.RETRY_DELAYS[-1]


def test_outcome_shown_above_the_results_and_the_closed_form(client, closed):
    html = client.get(closed["de"].url).content.decode()
    assert 'id="outcome-heading"' in html and "Wir haben Sie gehört" in html
    assert html.index("outcome-heading") < html.index("respond-heading")


def test_no_outcome_section_while_open(client, consultation):
    consultation.outcome = OUTCOME
    consultation.save_revision().publish()
    assert "outcome-heading" not in client.get(consultation.url).content.decode()
