"""Responses to every language version of a consultation pool into one result."""

import pytest

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse
from tests.translations import publish_translation

from .conftest import answer_data

pytestmark = pytest.mark.django_db

SWEDISH = {
    "Urban agenda": "Urban agenda (sv)",
    "How important is this section?": "Hur viktigt är detta avsnitt?",
    "Which scale matters most?": "Vilken skala är viktigast?",
    "The city": "Staden",
    "The neighbourhood": "Grannskapet",
    "The region": "Regionen",
    "Urban governance": "Stadens styrning",
}
TURKISH = {
    "Urban agenda": "Kentsel gündem",
    "Which scale matters most?": "Hangi ölçek en önemli?",
    "The city": "Şehir",
    "The neighbourhood": "Mahalle",
    "The region": "Bölge",
}


@pytest.fixture
def translated(consultation, locales):
    return {
        "en": consultation,
        "sv": publish_translation(consultation, locales["sv"], SWEDISH),
        "tr": publish_translation(consultation, locales["tr"], TURKISH),
    }


def test_translation_keeps_question_ids_and_choice_keys_and_translates_labels(translated):
    en, sv, tr = (page.specific for page in translated.values())
    assert (
        [q.id for q in sv.get_questions()] == [q.id for q in en.get_questions()] == [q.id for q in tr.get_questions()]
    )
    assert [child.id for child in sv.agenda] == [child.id for child in en.agenda]
    single_en, single_sv, single_tr = (page.get_questions()[1] for page in (en, sv, tr))
    assert [key for key, _label in single_sv.choices] == [key for key, _label in single_en.choices]
    assert [key for key, _label in single_tr.choices] == [key for key, _label in single_en.choices]
    assert single_sv.label == "Vilken skala är viktigast?"
    assert dict(single_sv.choices)["city"] == "Staden"
    assert dict(single_tr.choices)["city"] == "Şehir"
    # A rating about an agenda section names the section in the page's language.
    assert sv.get_questions()[0].subject == "Stadens styrning"
    # Opening and closing are synchronised, not translated.
    assert (sv.opens_at, sv.closes_at) == (en.opens_at, en.closes_at)


def test_choice_keys_are_not_offered_for_translation(translated):
    from wagtail_localize.models import StringSegment

    strings = set(StringSegment.objects.values_list("string__data", flat=True))
    assert "The city" in strings
    assert not {"city", "neighbourhood", "housing", "energy"} & strings


def test_answers_in_three_languages_pool_into_one_result(client, translated):
    for code, page in translated.items():
        # Each language version's form posts to its own URL.
        assert f'action="{page.url}"' in client.get(page.url).content.decode()
        response = client.post(page.url, answer_data(country={"en": "GB", "sv": "SE", "tr": "TR"}[code]))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert ConsultationResponse.objects.count() == 3
    assert set(ConsultationResponse.objects.values_list("locale__language_code", flat=True)) == {"en", "sv", "tr"}
    assert ConsultationResponse.objects.values("consultation_key").distinct().count() == 1
    # Choice keys are stored, identical whatever the language answered.
    assert set(ConsultationAnswer.objects.filter(question_id="q-single").values_list("choice", flat=True)) == {"city"}

    results = translated["tr"].get_results()
    assert results.total == 3
    by_question = {result.question.id: result for result in results.questions}
    single = {bar.key: bar.value for bar in by_question["q-single"].bars}
    assert single == {"neighbourhood": 0, "city": 3, "region": 0}
    # Labels come in the language of the page asking.
    assert [bar.label for bar in by_question["q-single"].bars] == ["Mahalle", "Şehir", "Bölge"]
    assert by_question["q-rating"].average == 4
    assert {row["value"]: row["count"] for row in by_question["q-rating"].breakdowns["language"]} == {
        "en": 1,
        "sv": 1,
        "tr": 1,
    }
    assert {row["value"] for row in by_question["q-single"].breakdowns["country"]} == {"GB", "SE", "TR"}
    assert {bar.key: bar.value for bar in results.by_dimension["language"]} == {"en": 1, "sv": 1, "tr": 1}


def test_response_answers_are_keyed_by_question_id(client, consultation):
    client.post(consultation.url, answer_data())
    response = ConsultationResponse.objects.get()
    assert response.answers == {
        "q-rating": 4,
        "q-single": "city",
        "q-multiple": ["citizens", "researchers"],
        "q-ranking": ["energy", "housing"],
        "q-text": "More money for <b>parks</b>.",
    }
    assert response.page_id == consultation.pk and response.locale.language_code == "en"
