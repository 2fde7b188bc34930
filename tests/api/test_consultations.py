"""The consultations endpoint: dates and phase (following the translation source), results as aggregates only
and only when public, flat queries."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from seismic_wagtail.consultations.models import (
    ConsultationAnswer,
    ConsultationPage,
    ConsultationResponse,
    ModerationStatus,
)
from tests.factories.consultations import ConsultationPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(root_page):
    return ConsultationPageFactory(
        parent=root_page, title="Urban agenda", slug="urban-agenda", results_visibility="live"
    )


def respond(page, *, name="Ada Lovelace", email="ada@example.org", country="SE", consent="public", text="Parks!"):
    """A confirmed response to the factory's questions, with a named respondent and an approved free text."""
    response = ConsultationResponse.objects.create(
        consultation_key=page.translation_key,
        page=page,
        locale=page.locale,
        token=uuid.uuid4(),
        respondent_type="citizen",
        country=country,
        consent=consent,
        name=name,
        email=email,
        organisation_name="Lovelace Analytical Engines",
        city="Malmö",
    )
    questions = {question.id: question for question in page.get_questions()}
    ConsultationAnswer.objects.bulk_create(
        [
            ConsultationAnswer.for_response(response, questions["q-rating"], number=4),
            ConsultationAnswer.for_response(response, questions["q-single"], choice="city"),
            ConsultationAnswer.for_response(response, questions["q-multiple"], choice="citizens"),
            ConsultationAnswer.for_response(response, questions["q-ranking"], choice="energy", number=1),
            ConsultationAnswer.for_response(
                response, questions["q-text"], text=text, moderation=ModerationStatus.APPROVED
            ),
        ]
    )
    return response


def test_a_consultation_carries_its_dates_phase_and_results_link(get_json, consultation):
    [item] = get_json("consultations/")["items"]
    assert item["id"] == consultation.pk
    assert datetime.datetime.fromisoformat(item["opens_at"]) == consultation.opens_at
    assert datetime.datetime.fromisoformat(item["closes_at"]) == consultation.closes_at
    assert item["status"] == "open"
    assert item["questions_count"] == 5
    assert item["results_published"] is True
    assert item["results_url"] == "http://testserver/urban-agenda/results/"
    assert "results" not in item  # aggregates in the detail only
    assert "questions" not in item and "privacy_notice" not in item


def test_hidden_results_have_no_link_and_no_numbers(get_json, consultation):
    ConsultationPage.objects.filter(pk=consultation.pk).update(results_visibility="hidden")
    respond(consultation)
    [item] = get_json("consultations/")["items"]
    assert item["results_published"] is False and item["results_url"] is None
    assert get_json(f"consultations/{consultation.pk}/")["results"] is None


def test_results_after_closing_wait_for_the_close(get_json, consultation):
    ConsultationPage.objects.filter(pk=consultation.pk).update(results_visibility="after_closing")
    assert get_json(f"consultations/{consultation.pk}/")["results"] is None
    ConsultationPage.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() - datetime.timedelta(hours=1))
    data = get_json(f"consultations/{consultation.pk}/")
    assert data["status"] == "closed"
    assert data["results"]["respondents"] == 0


def test_the_detail_has_pooled_aggregates_only(get_json, consultation, locales):
    swedish = publish_translation(consultation, "sv")
    respond(consultation, name="Ada Lovelace", country="SE")
    respond(swedish, name="Grace Hopper", email="grace@example.org", country="TR", text="Trams")
    respond(consultation, name="Private Person", consent="private", text="Do not publish me")
    results = get_json(f"consultations/{swedish.pk}/")["results"]
    assert results["respondents"] == 3
    assert results["by_language"] == [{"key": "en", "count": 2}, {"key": "sv", "count": 1}]
    assert results["by_country"] == [{"key": "SE", "count": 2}, {"key": "TR", "count": 1}]
    assert results["by_respondent_type"] == [{"key": "citizen", "count": 3}]
    questions = {question["id"]: question for question in results["questions"]}
    rating = questions["q-rating"]
    assert rating["kind"] == "rating" and rating["respondents"] == 3 and rating["mean"] == 4.0
    assert [entry["count"] for entry in rating["ratings"]] == [0, 0, 0, 3, 0]
    single = {choice["key"]: choice["count"] for choice in questions["q-single"]["choices"]}
    assert single["city"] == 3
    ranking = {choice["key"]: choice for choice in questions["q-ranking"]["choices"]}
    assert ranking["energy"]["ranked_by"] == 3 and ranking["energy"]["points"] > 0
    # Free text: how many answers are published (approved, with consent), never the texts.
    assert questions["q-text"] == {
        "id": "q-text",
        "kind": "text",
        "label": questions["q-text"]["label"],
        "respondents": 3,
        "published_answers": 2,
    }


def test_a_copy_follows_its_source_phase(get_json, consultation, locales):
    swedish = publish_translation(consultation, "sv")
    # The copy's own row says closed (never synced); the source is open, so the copy is too.
    ConsultationPage.objects.filter(pk=swedish.pk).update(closes_at=timezone.now() - datetime.timedelta(days=1))
    items = {item["meta"]["locale"]: item for item in get_json("consultations/")["items"]}
    assert items["sv"]["status"] == "open"
    assert items["sv"]["closes_at"] == items["en"]["closes_at"]
    assert items["sv"]["meta"]["translations"] == [
        {"locale": "en", "id": consultation.pk, "url": "http://testserver/urban-agenda/"}
    ]
    assert get_json(f"consultations/{swedish.pk}/")["status"] == "open"


def test_listing_queries_are_flat(client, django_assert_num_queries, root_page, locales):
    def add(count):
        for _ in range(count):
            page = ConsultationPageFactory(parent=root_page, results_visibility="live")
            publish_translation(page, "sv")

    url = "/api/seismic/v2/consultations/?limit=20"
    add(3)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        data = client.get(url).json()
    three = len(queries)
    assert data["meta"]["total_count"] == 6
    add(9)
    client.get(url)
    with django_assert_num_queries(three):
        data = client.get(url).json()
    assert len(data["items"]) == 20
    assert {item["status"] for item in data["items"]} == {"open"}


def test_a_closed_consultation_links_its_open_data_with_the_licence(get_json, consultation):
    """The detail's ``open_data``: the CSV and JSON files (absolute) and their licence, only once closed."""
    assert get_json(f"consultations/{consultation.pk}/")["open_data"] is None  # still open
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - datetime.timedelta(hours=1), results_licence="CC0-1.0"
    )
    data = get_json(f"consultations/{consultation.pk}/")
    assert data["open_data"] == {
        "csv": "http://testserver/urban-agenda/results.csv",
        "json": "http://testserver/urban-agenda/results.json",
        "licence": {
            "code": "CC0-1.0",
            "name": "CC0 1.0",
            "url": "https://creativecommons.org/publicdomain/zero/1.0/",
        },
    }
    [item] = get_json("consultations/")["items"]
    assert "open_data" not in item  # the detail only
