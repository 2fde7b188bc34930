"""Email confirmation with expiring links; erasure, anonymisation and retention."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from wagtail.models import Locale

from seismic_wagtail.consultations import tasks
from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse
from tests.factories.consultations import ConsultationPageFactory, ConsultationResponseFactory
from tests.mail_backends import FlakyBackend

from .conftest import answer_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed_page(root_page):
    return ConsultationPageFactory(
        parent=root_page, slug="confirm-me", require_confirmation=True, results_visibility="live"
    )


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """POST a response as a visitor and run what waits for the commit (the queued confirmation mail)."""

    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def confirmation_path(message):
    return re.search(r"http://testserver(\S+/confirm/[\w-]+/)", message.body).group(1)


def test_email_is_required_when_confirmation_is_on(client, confirmed_page):
    response = client.post(confirmed_page.url, answer_data(email=""))
    assert response.status_code == 200 and 'id="id_email_errors"' in response.content.decode()
    assert ConsultationResponse.objects.count() == 0


def test_response_counts_only_once_confirmed(client, submit, confirmed_page):
    response = submit(confirmed_page.url, answer_data())
    assert response["Location"].endswith("/thanks/?pending=1")
    assert "We have sent you an email" in client.get(response["Location"]).content.decode()
    assert confirmed_page.get_results().total == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@example.org"]
    path = confirmation_path(mail.outbox[0])
    # Following the link shows a button; only the POST confirms (mail scanners fetch links).
    assert client.get(path).status_code == 200
    assert confirmed_page.get_results().total == 0
    assert confirmed_page.get_results().questions[1].respondents == 0
    assert client.post(path).status_code == 200
    assert confirmed_page.get_results().total == 1
    assert confirmed_page.get_results().questions[1].respondents == 1
    assert ConsultationResponse.objects.get().confirmed_at is not None


@override_settings(SEISMIC_WAGTAIL={"CONSULTATION_FROM_EMAIL": "agenda@example.org"})
def test_confirmation_email_sender_and_plain_subject(client, submit, confirmed_page):
    confirmed_page.title = "Cities & citizens' agenda"
    confirmed_page.save_revision().publish()
    submit(confirmed_page.url, answer_data())
    [message] = mail.outbox
    assert message.from_email == "agenda@example.org"
    assert message.subject == "Confirm your response to “Cities & citizens' agenda”"


def test_confirmation_email_is_in_the_language_of_the_answer(confirmed_page):
    respondent = ConsultationResponseFactory(page=confirmed_page, email="eva@example.org", confirmed=False)
    confirmed_page.locale = Locale.objects.get_or_create(language_code="de")[0]
    with translation.override("en"):
        assert confirmed_page.send_confirmation(None, respondent) == 1
    assert mail.outbox[0].subject == f"Bestätigen Sie Ihren Beitrag zu „{confirmed_page.title}“"


def test_double_submit_sends_one_email(client, submit, confirmed_page):
    data = answer_data()
    submit(confirmed_page.url, data)
    submit(confirmed_page.url, data)
    assert len(mail.outbox) == 1 and ConsultationResponse.objects.count() == 1


def test_the_submission_queues_the_confirmation_mail_and_sends_nothing_itself(client, submit, confirmed_page, settings):
    """The visitor's request only queues the mail (a backend that stores tasks here, as the database or RQ
    backend does in production): no mail server is spoken to while they wait."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = tasks.send_confirmation_mail.get_backend()
    backend.clear()
    response = submit(confirmed_page.url, answer_data())
    assert response["Location"].endswith("/thanks/?pending=1") and mail.outbox == []
    [queued] = [result for result in backend.results if result.task.func is tasks.send_confirmation_mail.func]
    stored = ConsultationResponse.objects.get()
    assert queued.args[:2] == [stored.pk, confirmed_page.pk] and queued.args[3] == 1
    assert queued.args[2].startswith("http://testserver/") and "/confirm/" in queued.args[2]


def test_a_failed_confirmation_mail_is_retried_until_it_is_sent(submit, confirmed_page, settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    FlakyBackend.failures = 2
    statuses = []

    def collect(sender, task_result, **kwargs):
        if task_result.task.func is tasks.send_confirmation_mail.func:
            statuses.append((task_result.status, task_result.args[3]))

    task_finished.connect(collect)
    try:
        submit(confirmed_page.url, answer_data())
    finally:
        task_finished.disconnect(collect)
    [message] = mail.outbox
    assert message.to == ["ada@example.org"] and "/confirm/" in message.body
    assert sorted(statuses) == [
        (TaskResultStatus.FAILED, 1),
        (TaskResultStatus.FAILED, 2),
        (TaskResultStatus.SUCCESSFUL, 3),
    ]


def test_a_confirmed_or_deleted_response_gets_no_confirmation_mail(confirmed_page):
    respondent = ConsultationResponseFactory(page=confirmed_page, email="eva@example.org", confirmed=True)
    url = "http://testserver/confirm/x/"
    assert tasks.send_confirmation_mail.call(respondent.pk, confirmed_page.pk, url, 1) == "confirmed"
    assert tasks.send_confirmation_mail.call(respondent.pk + 1000, confirmed_page.pk, url, 1) == "gone"
    assert mail.outbox == []


def test_confirmation_links_expire(client, submit, confirmed_page):
    submit(confirmed_page.url, answer_data())
    path = confirmation_path(mail.outbox[0])
    with override_settings(SEISMIC_WAGTAIL={"CONSULTATION_CONFIRMATION_MAX_AGE": -1}):
        assert "expired" in client.get(path).content.decode()
        response = client.post(path)
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert not ConsultationResponse.objects.get().confirmed


def test_tampered_confirmation_link_is_refused(client, submit, confirmed_page):
    submit(confirmed_page.url, answer_data())
    path = confirmation_path(mail.outbox[0])
    response = client.post(path.replace("/confirm/", "/confirm/x"))
    assert response.status_code == 400 and not ConsultationResponse.objects.get().confirmed


def test_erase_command_deletes_every_response_of_an_email(client, consultation, confirmed_page):
    client.post(consultation.url, answer_data(email="Ada@Example.org"))
    client.post(consultation.url, answer_data(email="other@example.org"))
    ConsultationResponseFactory(page=confirmed_page, email="ada@example.org")
    call_command("seismic_erase_responses", email="ada@example.org", stdout=None)
    assert list(ConsultationResponse.objects.values_list("email", flat=True)) == ["other@example.org"]
    assert (
        ConsultationAnswer.objects.filter(response__email="other@example.org").count()
        == ConsultationAnswer.objects.count()
    )


def test_anonymise_command_keeps_answers_without_identity(client, consultation):
    client.post(consultation.url, answer_data(consent="public", organisation_name="ACME", city="Lund"))
    call_command("seismic_erase_responses", email="ada@example.org", anonymise=True)
    response = ConsultationResponse.objects.get()
    assert (response.name, response.email, response.organisation_name, response.city) == ("", "", "", "")
    assert response.consent == "anonymous" and response.anonymised_at is not None
    assert response.answers["q-rating"] == 4 and "q-text" not in response.answers


def test_purge_command_applies_each_consultations_retention(root_page):
    now = timezone.now()
    short = ConsultationPageFactory(parent=root_page, retention_days=30)
    forever = ConsultationPageFactory(parent=root_page)
    old = ConsultationResponseFactory(page=short, submitted_at=now - datetime.timedelta(days=31))
    recent = ConsultationResponseFactory(page=short, submitted_at=now - datetime.timedelta(days=29))
    kept = ConsultationResponseFactory(page=forever, submitted_at=now - datetime.timedelta(days=3000))
    stale_unconfirmed = ConsultationResponseFactory(
        page=forever, confirmed=False, submitted_at=now - datetime.timedelta(days=8)
    )
    call_command("seismic_purge_responses", dry_run=True)
    assert ConsultationResponse.objects.count() == 4
    call_command("seismic_purge_responses")
    remaining = set(ConsultationResponse.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, kept.pk}
    assert old.pk not in remaining and stale_unconfirmed.pk not in remaining


# --- purging keeps the published results (frozen counts) --------------------------------------------------


def results_snapshot(page):
    """Every number the results show (totals, bars, averages, breakdowns), without the free texts."""
    results = page.get_results()
    return {
        "total": results.total,
        "by_dimension": {
            name: [(bar.key, bar.value) for bar in bars] for name, bars in sorted(results.by_dimension.items())
        },
        "questions": [
            (
                result.question.id,
                result.respondents,
                [(bar.key, bar.value) for bar in result.bars],
                result.average,
                {
                    name: [(row["value"], row["count"], row["average"], row["cells"]) for row in rows]
                    for name, rows in sorted(result.breakdowns.items())
                },
            )
            for result in results.questions
        ],
    }


@pytest.fixture
def answered(client, consultation, locales):
    """Nine responses in English and Swedish, of three respondent types and three countries, one of them
    unconfirmed (it never counts)."""
    from tests.translations import publish_translation

    swedish = publish_translation(consultation, locales["sv"], {"The city": "Staden"})
    variants = [
        {"q_q-rating": str(1 + index % 5), "q_q-single": ["city", "region", "neighbourhood"][index % 3]}
        for index in range(9)
    ]
    for index, variant in enumerate(variants):
        page = swedish if index % 2 else consultation
        data = answer_data(
            country=["SE", "DE", "TR"][index % 3],
            respondent_type=["citizen", "business", "academic"][index % 3],
            organisation_name="ACME",
            **{"q_q-multiple": ["citizens", "business"][: 1 + index % 2]},
            **{"q_q-ranking_0": ["energy", "mobility"][index % 2], "q_q-ranking_1": "housing"},
            **variant,
        )
        assert client.post(page.url, data).status_code == 302
    unconfirmed = ConsultationResponse.objects.first()
    ConsultationResponse.objects.filter(pk=unconfirmed.pk).update(confirmed=False)
    unconfirmed.answer_rows.update(confirmed=False)
    return consultation


def age_everything(page, days):
    ConsultationResponse.objects.update(submitted_at=timezone.now() - datetime.timedelta(days=days))
    type(page).objects.filter(translation_key=page.translation_key).update(retention_days=30)


def test_purging_every_response_keeps_the_published_figures(answered):
    before = results_snapshot(answered)
    assert before["total"] == 8
    age_everything(answered, 400)
    call_command("seismic_purge_responses")
    assert ConsultationResponse.objects.count() == 0 and ConsultationAnswer.objects.count() == 0
    assert results_snapshot(answered) == before


def test_purging_twice_does_not_count_twice(answered):
    before = results_snapshot(answered)
    age_everything(answered, 400)
    call_command("seismic_purge_responses")
    call_command("seismic_purge_responses")
    call_command("seismic_purge_personal_data")
    assert results_snapshot(answered) == before


def test_purging_part_of_the_responses_adds_frozen_and_live_counts(answered):
    before = results_snapshot(answered)
    type(answered).objects.filter(translation_key=answered.translation_key).update(retention_days=30)
    old = list(ConsultationResponse.objects.order_by("pk").values_list("pk", flat=True)[:4])
    ConsultationResponse.objects.filter(pk__in=old).update(submitted_at=timezone.now() - datetime.timedelta(days=40))
    call_command("seismic_purge_personal_data")
    assert ConsultationResponse.objects.count() == 5
    assert results_snapshot(answered) == before


def test_an_unconfirmed_response_is_not_frozen(answered):
    from seismic_wagtail.consultations.models import FrozenRespondentCount

    age_everything(answered, 400)
    call_command("seismic_purge_responses")
    assert sum(FrozenRespondentCount.objects.values_list("n", flat=True)) == 8  # of 9 stored, 8 confirmed


def test_the_results_query_count_does_not_grow_with_purged_or_live_responses(client, answered):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries():
        page = type(answered).objects.get(pk=answered.pk)
        page.question_list  # noqa: B018 (the questions are read before counting)
        with CaptureQueriesContext(connection) as queries:
            page.get_results()
        return len(queries)

    live = count_queries()
    age_everything(answered, 400)
    call_command("seismic_purge_responses")
    frozen = count_queries()
    cache.clear()  # the rate limit of one client
    for _index in range(5):
        assert client.post(answered.url, answer_data()).status_code == 302
    ConsultationResponse.objects.filter(submitted_at__lt=timezone.now() - datetime.timedelta(days=100)).delete()
    both = count_queries()
    assert live == frozen == both


def test_erasure_at_a_persons_request_removes_them_from_the_counts(client, answered):
    """Erasure is a withdrawal: the response leaves the results too (see docs/how-to/privacy.md); only the
    retention purge freezes counts."""
    from seismic_wagtail.consultations.models import FrozenRespondentCount

    assert client.post(answered.url, answer_data(email="erase-me@example.org")).status_code == 302
    assert results_snapshot(answered)["total"] == 9
    call_command("seismic_erase_responses", email="erase-me@example.org", stdout=None)
    assert results_snapshot(answered)["total"] == 8
    assert not FrozenRespondentCount.objects.exists()


def test_the_public_results_page_shows_the_same_numbers_after_the_purge(client, answered):
    def numbers():
        html = client.get(answered.url + "results/").content.decode()
        main = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[-1].split("</main>", 1)[0])
        return re.findall(r"\d+(?:[.,]\d+)?", main)

    type(answered).objects.filter(translation_key=answered.translation_key).update(results_visibility="live")
    before = numbers()
    assert "8" in before  # the respondents
    age_everything(answered, 400)
    call_command("seismic_purge_responses")
    assert ConsultationResponse.objects.count() == 0
    assert numbers() == before
