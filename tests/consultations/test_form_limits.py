"""The consultation form's limits (issue #15): the email column's length, repeated choices counted once,
control characters refused in every text field, the form's limits equal to the columns'."""

import pytest

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse
from tests.fuzz.inputs import long_email

from .conftest import answer_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("length", [255, 300, 320])
def test_an_email_longer_than_its_column_is_a_form_error(client, consultation, length):
    response = client.post(consultation.url, answer_data(email=long_email(length)))
    assert response.status_code == 200 and 'id="id_email_errors"' in response.content.decode()
    assert ConsultationResponse.objects.count() == 0


def test_an_email_of_254_characters_is_stored(client, consultation):
    response = client.post(consultation.url, answer_data(email=long_email(254)))
    assert response.status_code == 302
    assert len(ConsultationResponse.objects.get().email) == 254


def test_a_repeated_choice_is_stored_and_counted_once(client, consultation):
    response = client.post(consultation.url, answer_data(**{"q_q-multiple": ["citizens", "citizens", "citizens"]}))
    assert response.status_code == 302
    rows = ConsultationAnswer.objects.filter(question_id="q-multiple")
    assert list(rows.values_list("choice", flat=True)) == ["citizens"]
    multiple = next(result for result in consultation.get_results().questions if result.question.id == "q-multiple")
    assert {bar.key: bar.value for bar in multiple.bars}["citizens"] == 1


def test_repeated_choices_count_once_against_the_maximum(client, consultation):
    data = answer_data(**{"q_q-multiple": ["citizens", "business", "citizens", "business"]})  # at most 2
    assert client.post(consultation.url, data).status_code == 302


@pytest.mark.parametrize("field", ["q_q-text", "name", "city", "organisation_name"])
def test_control_characters_are_refused_in_every_text_field(client, consultation, field):
    response = client.post(consultation.url, answer_data(**{field: "Malm\x0bö"}))
    html = response.content.decode()
    assert response.status_code == 200 and "Remove the control characters from" in html
    assert ConsultationResponse.objects.count() == 0


def test_a_textarea_line_break_is_kept(client, consultation):
    assert client.post(consultation.url, answer_data(**{"q_q-text": "One\r\nTwo"})).status_code == 302
    assert ConsultationAnswer.objects.get(question_id="q-text").text == "One\r\nTwo"


def test_profile_field_limits_are_the_columns(consultation):
    form = consultation.get_form()
    for name in ("organisation_name", "city", "name", "email"):
        assert form.fields[name].max_length == ConsultationResponse._meta.get_field(name).max_length, name


def test_repeated_choices_from_many_respondents_never_exceed_the_respondents_in_the_public_result(client, consultation):
    """The report: ``q_x=citizens`` three times in one POST made the public result 89 for 86 respondents."""
    from django.core.cache import cache

    for index in range(6):
        cache.clear()  # the rate limit of one client
        repeated = ["citizens"] * (index + 1) + ["business"] * (index % 2)
        assert client.post(consultation.url, answer_data(**{"q_q-multiple": repeated})).status_code == 302
    consultation.results_visibility = "live"
    consultation.save_revision().publish()
    results = consultation.get_results(public=True)
    multiple = next(result for result in results.questions if result.question.id == "q-multiple")
    counts = {bar.key: bar.value for bar in multiple.bars}
    assert counts == {"citizens": 6, "business": 3, "researchers": 0}
    assert multiple.respondents == results.total == 6
    assert all(value <= results.total for value in counts.values())
    html = client.get(consultation.url + "results/").content.decode()
    assert client.get(consultation.url + "results/").status_code == 200 and "Citizens" in html


def test_a_choice_ranked_twice_is_a_form_error(client, consultation):
    response = client.post(consultation.url, answer_data(**{"q_q-ranking_0": "energy", "q_q-ranking_1": "energy"}))
    html = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in html and 'id="id_q_q-ranking_errors"' in html
    assert ConsultationResponse.objects.count() == 0


def test_choice_keys_question_ids_and_profile_choices_fit_their_columns():
    from seismic_wagtail.consultations.blocks import KeyBlock
    from seismic_wagtail.consultations.models import PublicationConsent, RespondentType

    answer = ConsultationAnswer._meta
    response = ConsultationResponse._meta
    assert KeyBlock().field.max_length == answer.get_field("choice").max_length == 64
    # Question ids are StreamField block ids (UUIDs, 36 characters).
    assert answer.get_field("question_id").max_length >= 36
    assert max(len(value) for value in RespondentType.values) <= response.get_field("respondent_type").max_length
    assert max(len(value) for value in PublicationConsent.values) <= response.get_field("consent").max_length


def test_a_choice_key_that_is_not_offered_is_a_form_error(client, consultation):
    response = client.post(consultation.url, answer_data(**{"q_q-single": "x" * 65}))
    html = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in html and 'id="id_q_q-single_errors"' in html
    assert ConsultationResponse.objects.count() == 0


def test_a_text_answer_is_limited_by_its_question(client, consultation):
    response = client.post(consultation.url, answer_data(**{"q_q-text": "x" * 201}))  # the factory's limit: 200
    assert response.status_code == 200 and ConsultationResponse.objects.count() == 0
    assert client.post(consultation.url, answer_data(**{"q_q-text": "x" * 200})).status_code == 302
