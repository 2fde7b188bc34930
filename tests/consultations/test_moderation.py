"""Moderation of published free-text answers: the queue (filters, single and bulk decisions, audit log,
permissions, personal data), the dashboard counts, and statistics that count every answer whatever its status."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from seismic_wagtail.consultations.admin_views import APPROVE_ACTION, REJECT_ACTION
from seismic_wagtail.consultations.models import ConsultationAnswer, ModerationStatus
from tests.factories.users import UserFactory

from .conftest import answer_data

pytestmark = pytest.mark.django_db

INDEX = "seismic_consultation_moderation:index"
MODERATE = "seismic_consultation_moderation:moderate"


def respond(client, consultation, text, **overrides):
    client.post(consultation.url, answer_data(**{"q_q-text": text, **overrides}))
    client.logout()
    return ConsultationAnswer.objects.get(kind="text", text=text)


@pytest.fixture
def answers(client, consultation):
    """Three published-by-consent answers (anonymous, public, public in Swedish) and one private answer."""
    return {
        "anonymous": respond(client, consultation, "Parks first.", consent="anonymous"),
        "public": respond(client, consultation, "Trams, please.", consent="public", email="bo@example.org"),
        "private": respond(client, consultation, "Not for publication.", consent="private"),
    }


def moderator(personal=False):
    permissions = ["access_admin", "seismic_consultations.change_consultationanswer"]
    if personal:
        permissions.append("seismic_consultations.view_personal_data")
    return UserFactory(is_staff=True, permissions=permissions)


def test_queue_lists_pending_answers_with_consent_only(client, answers):
    client.force_login(moderator())
    html = client.get(reverse(INDEX)).content.decode()
    assert "Parks first." in html and "Trams, please." in html
    assert "Not for publication." not in html  # never published, so never moderated
    assert 'lang="en"' in html and "Urban agenda" in html


def test_status_filter_defaults_to_pending_and_can_show_all(client, answers):
    answers["public"].moderation = ModerationStatus.APPROVED
    answers["public"].save()
    client.force_login(moderator())
    pending = client.get(reverse(INDEX)).content.decode()
    assert "Parks first." in pending and "Trams, please." not in pending
    approved = client.get(reverse(INDEX), {"moderation": "approved"}).content.decode()
    assert "Trams, please." in approved and "Parks first." not in approved
    everything = client.get(reverse(INDEX), {"moderation": ""}).content.decode()
    assert "Trams, please." in everything and "Parks first." in everything


def test_filters_by_language_and_consultation(client, answers, consultation, locales):
    client.force_login(moderator())
    assert "Parks first." not in client.get(reverse(INDEX), {"locale": locales["sv"].pk}).content.decode()
    html = client.get(
        reverse(INDEX), {"locale": locales["en"].pk, "consultation": str(consultation.translation_key)}
    ).content.decode()
    assert "Parks first." in html
    assert "Parks first." not in client.get(reverse(INDEX), {"submitted_at_to": "2001-01-01"}).content.decode()


def test_single_approve_stamps_the_moderator_and_writes_the_audit_log(client, answers):
    user = moderator()
    client.force_login(user)
    answer = answers["anonymous"]
    response = client.post(reverse(MODERATE), {"approve": str(answer.pk), "next": reverse(INDEX)})
    assert response.status_code == 302 and response["Location"] == reverse(INDEX)
    answer.refresh_from_db()
    assert answer.moderation == ModerationStatus.APPROVED
    assert answer.moderated_by == user and answer.moderated_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(answer.pk), action=APPROVE_ACTION)
    assert entry.user == user
    assert ConsultationAnswer.objects.get(pk=answers["public"].pk).moderation == ModerationStatus.PENDING


def test_bulk_reject_decides_the_selected_answers_only(client, answers):
    client.force_login(moderator())
    selected = [answers["anonymous"].pk, answers["public"].pk, answers["private"].pk]
    client.post(reverse(MODERATE), {"reject": "selected", "answer": [str(pk) for pk in selected]})
    statuses = dict(ConsultationAnswer.objects.filter(kind="text").values_list("text", "moderation"))
    assert statuses["Parks first."] == statuses["Trams, please."] == ModerationStatus.REJECTED
    assert statuses["Not for publication."] == ModerationStatus.PENDING  # not in the queue: not decided here
    assert ModelLogEntry.objects.filter(action=REJECT_ACTION).count() == 2


def test_bad_input_changes_nothing(client, answers):
    client.force_login(moderator())
    for data in ({"reject": "selected"}, {"approve": "x"}, {"answer": str(answers["public"].pk)}):
        response = client.post(reverse(MODERATE), data, follow=True)
        assert response.status_code == 200
    assert not ConsultationAnswer.objects.exclude(moderation=ModerationStatus.PENDING).exists()


def test_moderation_needs_the_change_permission(client, answers):
    viewer = UserFactory(is_staff=True, permissions=["access_admin", "view_consultationresponse"])
    client.force_login(viewer)
    assert client.get(reverse(INDEX)).status_code in (302, 403)
    client.post(reverse(MODERATE), {"approve": str(answers["public"].pk)})
    assert ConsultationAnswer.objects.get(pk=answers["public"].pk).moderation == ModerationStatus.PENDING


def test_respondent_shown_only_with_the_personal_data_permission(client, answers):
    client.force_login(moderator())
    assert "bo@example.org" not in client.get(reverse(INDEX)).content.decode()
    client.force_login(moderator(personal=True))
    assert "bo@example.org" in client.get(reverse(INDEX)).content.decode()


def test_dashboard_counts_answers_awaiting_moderation_per_consultation(client, answers, consultation):
    user = UserFactory(
        is_staff=True,
        permissions=["access_admin", "view_consultationresponse", "seismic_consultations.change_consultationanswer"],
    )
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 answers awaiting moderation" in html
    assert f"{reverse(INDEX)}?consultation={consultation.translation_key}" in html
    client.post(reverse(MODERATE), {"approve": str(answers["public"].pk)})
    assert "1 answer awaiting moderation" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_rejected_answers_still_count_in_the_statistics(client, answers, consultation):
    before = consultation.get_results()
    client.force_login(moderator())
    client.post(reverse(MODERATE), {"reject": "selected", "answer": [answers["anonymous"].pk, answers["public"].pk]})
    after = consultation.get_results()
    text_before = next(result for result in before.questions if result.question.id == "q-text")
    text_after = next(result for result in after.questions if result.question.id == "q-text")
    assert after.total == before.total == 3
    assert text_after.respondents == text_before.respondents == 3


def test_a_moderator_without_the_responses_sees_only_the_waiting_answers(client, answers, consultation):
    client.force_login(moderator())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 answers awaiting moderation" in html
    assert reverse("seismic_consultation_responses:index") not in html  # no response counts or links


def test_the_queue_keeps_its_filters_after_a_decision(client, answers, locales):
    client.force_login(moderator())
    html = client.get(reverse(INDEX), {"locale": locales["en"].pk}).content.decode()
    assert f'name="next" value="{reverse(INDEX)}?locale={locales["en"].pk}"' in html
