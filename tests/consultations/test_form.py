"""The response form: lifecycle, validation, double submits, honeypot, rate limit, arbitrary POST bodies."""

import datetime
import re
import uuid

import pytest
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse
from tests.factories.consultations import ConsultationPageFactory, consultation_questions

from .conftest import answer_data

pytestmark = pytest.mark.django_db


def test_get_shows_agenda_and_accessible_form(client, consultation):
    response = client.get(consultation.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Urban governance" in html and 'id="section-5ec71011-0000-4000-8000-000000000001"' in html
    assert f'action="{consultation.url}"' in html
    # Radio and checkbox groups are fieldsets with a legend.
    assert "<legend>Which scale matters most?" in html
    assert 'name="submission_token"' in html and 'name="seismic_hp_website"' in html
    # The ranking has one labelled select per place.
    assert '<label for="id_q_q-ranking_0">Place 1</label>' in html
    assert "Privacy notice" in html


@pytest.mark.parametrize(
    "opens,closes,status",
    [(1, 2, "upcoming"), (-2, -1, "closed")],
)
def test_upcoming_and_closed_consultations_store_nothing(client, root_page, opens, closes, status):
    now = timezone.now()
    page = ConsultationPageFactory(
        parent=root_page, opens_at=now + datetime.timedelta(days=opens), closes_at=now + datetime.timedelta(days=closes)
    )
    assert page.status == status
    get = client.get(page.url).content.decode()
    assert 'name="submission_token"' not in get
    response = client.post(page.url, answer_data())
    assert response.status_code == 403
    html = response.content.decode()
    assert ("not open yet" in html) if status == "upcoming" else ("closed on" in html)
    assert 'role="status"' in html
    assert ConsultationResponse.objects.count() == 0 and ConsultationAnswer.objects.count() == 0


def test_valid_response_redirects_to_thank_you(client, consultation):
    response = client.post(consultation.url, answer_data())
    assert response.status_code == 302 and response["Location"] == consultation.url + "thanks/"
    thanks = client.get(response["Location"])
    assert "Thank you for your response." in thanks.content.decode()
    stored = ConsultationResponse.objects.get()
    assert stored.confirmed and stored.country.code == "SE" and stored.city == "Malmö"


def test_double_submit_stores_once(client, consultation):
    data = answer_data()
    first = client.post(consultation.url, data)
    second = client.post(consultation.url, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"].endswith("/thanks/")
    assert ConsultationResponse.objects.count() == 1
    assert ConsultationAnswer.objects.filter(question_id="q-single").count() == 1


def test_invalid_input_shows_errors_beside_fields_and_keeps_answers(client, consultation):
    data = answer_data(
        **{
            "q_q-single": None,
            "q_q-multiple": ["citizens", "business", "researchers"],
            "q_q-ranking_1": "energy",
            "q_q-text": "x" * 201,
            "respondent_type": "academic",
            "consent": "public",
            "name": "",
        }
    )
    response = client.post(consultation.url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html and "There is a problem" in html
    assert 'id="id_q_q-single_errors"' in html  # required single choice
    assert "Choose at most 2 answers to “Who should take part?”" in html
    assert "Choose each answer only once in “Rank the funding priorities”" in html
    assert "Your answer to “Anything else?” must be 200 characters or fewer" in html
    assert "Enter the name of the organisation you respond for" in html
    assert "Enter your name, or choose to publish your response anonymously" in html
    # What was typed is kept.
    assert "xxxxxxxxxx" in html and 'value="Malmö"' in html
    assert re.search(r'<input type="radio" name="q_q-rating" value="4"[^>]*checked', html)
    assert re.search(r'<option value="energy" selected>', html)
    assert ConsultationResponse.objects.count() == 0


def test_organisation_types_need_an_organisation_name(client, consultation):
    client.post(consultation.url, answer_data(respondent_type="public_authority", organisation_name="Malmö stad"))
    assert ConsultationResponse.objects.get().organisation_name == "Malmö stad"


def test_honeypot_pretends_success_and_stores_nothing(client, consultation):
    response = client.post(consultation.url, answer_data(seismic_hp_website="http://spam.example"))
    assert response.status_code == 302
    assert ConsultationResponse.objects.count() == 0


@override_settings(SEISMIC_WAGTAIL={"CONSULTATION_RATE_LIMIT": 2, "CONSULTATION_RATE_PERIOD": 60})
def test_rate_limit_gives_a_clear_429(client, consultation):
    for _ in range(2):
        assert client.post(consultation.url, answer_data()).status_code == 302
    response = client.post(consultation.url, answer_data())
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "Too many requests" in response.content.decode()
    assert ConsultationResponse.objects.count() == 2


def test_optional_questions_may_be_left_empty(client, root_page):
    page = ConsultationPageFactory(parent=root_page, questions=consultation_questions(required=False))
    data = answer_data(
        **{
            "q_q-rating": None,
            "q_q-single": None,
            "q_q-multiple": None,
            "q_q-ranking_0": None,
            "q_q-ranking_1": None,
            "q_q-text": None,
        }
    )
    assert client.post(page.url, data).status_code == 302
    assert ConsultationResponse.objects.get().answers == {}


FIELDS = [
    "q_q-rating",
    "q_q-single",
    "q_q-multiple",
    "q_q-ranking_0",
    "q_q-ranking_1",
    "q_q-text",
    "respondent_type",
    "organisation_name",
    "country",
    "city",
    "name",
    "email",
    "consent",
    "privacy",
    "submission_token",
    "seismic_hp_website",
]
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["4", "9", "-1", "city", "energy", "citizen", "academic", "SE", "XX", "public", "on", "", "\x00"]),
    st.just(str(uuid.UUID(int=7))),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # examples: tests/conftest.py
@given(body=st.dictionaries(st.sampled_from(FIELDS), st.one_of(VALUES, st.lists(VALUES, max_size=3))))
def test_arbitrary_post_bodies_never_error_and_store_nothing_when_invalid(client, consultation, body):
    from django.core.cache import cache

    cache.clear()
    before = ConsultationResponse.objects.count()
    response = client.post(consultation.url, body)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # the form was shown again with errors
        assert ConsultationResponse.objects.count() == before
        html = response.content.decode()
        assert "There is a problem" in html and "<title>Error: " in html
