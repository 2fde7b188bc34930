"""Open data: a closed consultation's published results as ``results.csv`` and ``results.json``, pooled across
its language copies, under the licence the editor chose (CC BY 4.0 by default); only published, moderated
free-text answers and never a respondent's identity; 404 while open or unpublished; a flat query count."""

import csv
import datetime
import io
import json
import uuid
from unittest import mock

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
from seismic_wagtail.consultations.open_data import CSV_COLUMNS
from tests.factories.consultations import ConsultationPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

SWEDISH = {
    "Urban agenda": "Urban agenda (sv)",
    "Which scale matters most?": "Vilken skala är viktigast?",
    "The city": "Staden",
    "The neighbourhood": "Grannskapet",
    "The region": "Regionen",
}


def closed_page(parent, **fields):
    now = timezone.now()
    values = {
        "title": "Urban agenda",
        "slug": "urban-agenda",
        "opens_at": now - datetime.timedelta(days=10),
        "closes_at": now - datetime.timedelta(hours=1),
        "results_visibility": "after_closing",
    }
    values.update(fields)
    return ConsultationPageFactory(parent=parent, **values)


@pytest.fixture
def closed(root_page):
    return closed_page(root_page)


def respond(page, *, locale=None, consent="anonymous", moderation=ModerationStatus.APPROVED, confirmed=True, **extra):
    """One response with an answer to every question of the factory's consultation; returns it."""
    values = {
        "respondent_type": "citizen",
        "country": "SE",
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "organisation_name": "Analytical Engines Ltd",
        "city": "Malmö",
    }
    values.update(extra)
    text = values.pop("text", "More parks, please.")
    single = values.pop("single", "city")
    response = ConsultationResponse.objects.create(
        consultation_key=page.translation_key,
        page=page,
        locale=locale or page.locale,
        token=uuid.uuid4(),
        consent=consent,
        confirmed=confirmed,
        **values,
    )
    questions = {question.id: question for question in page.get_questions()}

    def row(question_id, **fields):
        return ConsultationAnswer.for_response(response, questions[question_id], **fields)

    ConsultationAnswer.objects.bulk_create(
        [
            row("q-rating", number=4),
            row("q-single", choice=single),
            row("q-multiple", choice="citizens"),
            row("q-multiple", choice="researchers", first=False),
            row("q-ranking", choice="energy", number=1),
            row("q-ranking", choice="housing", number=2, first=False),
            row("q-text", text=text, moderation=moderation),
        ]
    )
    return response


def bulk_respond(page, count):
    """``count`` confirmed responses with approved, published answers, in a fixed number of queries."""
    responses = ConsultationResponse.objects.bulk_create(
        ConsultationResponse(
            consultation_key=page.translation_key,
            page=page,
            locale=page.locale,
            token=uuid.uuid4(),
            respondent_type="academic",
            country="DE",
            consent="anonymous",
            name=f"Person {index}",
        )
        for index in range(count)
    )
    if not responses[0].pk:  # databases that do not return ids from bulk inserts
        responses = list(ConsultationResponse.objects.filter(consultation_key=page.translation_key, pk__isnull=False))
    questions = {question.id: question for question in page.get_questions()}
    rows = []
    for response in responses:
        rows.append(ConsultationAnswer.for_response(response, questions["q-rating"], number=5))
        rows.append(ConsultationAnswer.for_response(response, questions["q-single"], choice="region"))
        rows.append(
            ConsultationAnswer.for_response(
                response, questions["q-text"], text=f"Idea {response.pk}", moderation=ModerationStatus.APPROVED
            )
        )
    ConsultationAnswer.objects.bulk_create(rows, batch_size=2000)


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def get_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    body = b"".join(response.streaming_content).decode("utf-8")
    return response, body, list(csv.DictReader(io.StringIO(body)))


def test_json_has_the_documented_shape_licence_and_the_results_pages_numbers(client, closed):
    respond(closed, country="SE")
    respond(closed, country="TR", respondent_type="academic", single="region")
    respond(closed, confirmed=False, single="neighbourhood")  # unconfirmed: counts nowhere

    response, data = get_json(client, closed.url + "results.json")

    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert data["licence"] == {
        "code": "CC-BY-4.0",
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert set(data) == {"consultation", "licence", "attribution", "generated_at", "respondents", "questions"}
    assert data["consultation"]["title"] == "Urban agenda"
    assert data["consultation"]["url"] == "http://testserver/urban-agenda/"
    assert data["consultation"]["language"] == "en"
    assert datetime.datetime.fromisoformat(data["consultation"]["closed"]) == closed.closes_at
    assert datetime.datetime.fromisoformat(data["consultation"]["opened"]) == closed.opens_at
    assert "Urban agenda" in data["attribution"] and "CC BY 4.0" in data["attribution"]
    datetime.datetime.fromisoformat(data["generated_at"])

    assert data["respondents"] == {
        "total": 2,
        "by_language": {"en": 2},
        "by_country": {"SE": 1, "TR": 1},
        "by_type": {"academic": 1, "citizen": 1},
    }
    results = ConsultationPage.objects.get(pk=closed.pk).get_results()
    assert [question["id"] for question in data["questions"]] == [r.question.id for r in results.questions]
    by_id = {question["id"]: question for question in data["questions"]}
    for result in results.questions:
        question = by_id[result.question.id]
        assert question["respondents"] == result.respondents
        assert question["type"] == result.question.kind
        if result.question.kind in ("single", "multiple", "rating"):
            assert [item["count"] for item in question["counts"]] == [bar.value for bar in result.bars]
    single = {item["key"]: item for item in by_id["q-single"]["counts"]}
    assert (single["city"]["count"], single["region"]["count"], single["neighbourhood"]["count"]) == (1, 1, 0)
    assert single["city"]["share"] == 50.0 and single["city"]["label"] == "The city"
    rating = by_id["q-rating"]
    assert rating["average"] == 4.0 and rating["subject"] == "Urban governance"
    assert [item["value"] for item in rating["counts"]] == [1, 2, 3, 4, 5]
    ranking = {item["key"]: item for item in by_id["q-ranking"]["ranking"]}
    assert (ranking["energy"]["points"], ranking["housing"]["points"], ranking["mobility"]["points"]) == (4, 2, 0)
    assert by_id["q-ranking"]["ranking"][0]["key"] == "energy"  # most points first
    country = {row["value"]: row for row in by_id["q-single"]["breakdowns"]["country"]}
    assert country["TR"]["cells"] == {"neighbourhood": 0, "city": 0, "region": 1}
    assert by_id["q-text"]["answers"] == [
        {"text": "More parks, please.", "language": "en"},
        {"text": "More parks, please.", "language": "en"},
    ]


def test_csv_holds_aggregates_and_published_answers_as_rows(client, closed):
    respond(closed, text="First idea")
    respond(closed, single="region", text='=HYPERLINK("http://evil.example")')

    response, body, rows = get_csv(client, closed.url + "results.csv")

    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["Content-Disposition"] == 'attachment; filename="urban-agenda-results.csv"'
    assert body.splitlines()[0] == ",".join(CSV_COLUMNS)
    total = next(row for row in rows if row["kind"] == "respondents" and row["dimension"] == "total")
    assert total["count"] == "2"
    options = {(row["question_id"], row["option"]): row for row in rows if row["kind"] == "option"}
    assert options[("q-single", "city")]["count"] == "1"
    assert options[("q-single", "city")]["share"] == "50.0"
    assert options[("q-single", "city")]["option_label"] == "The city"
    assert options[("q-single", "city")]["question_label"] == "Which scale matters most?"
    assert options[("q-rating", "4")]["count"] == "2"
    assert options[("q-ranking", "energy")]["points"] == "4"
    assert options[("q-ranking", "energy")]["count"] == "2"  # respondents who placed it
    question = next(row for row in rows if row["kind"] == "question" and row["question_id"] == "q-rating")
    assert (question["count"], question["average"]) == ("2", "4.0")
    answers = [row for row in rows if row["kind"] == "answer"]
    assert [(row["question_id"], row["language"]) for row in answers] == [("q-text", "en"), ("q-text", "en")]
    # A text a spreadsheet would run as a formula is defused; the JSON keeps it as written.
    assert [row["text"] for row in answers] == ["First idea", '\'=HYPERLINK("http://evil.example")']
    _response, data = get_json(client, closed.url + "results.json")
    assert data["questions"][-1]["answers"][1]["text"] == '=HYPERLINK("http://evil.example")'


def test_only_published_moderated_answers_and_no_personal_data(client, closed):
    respond(closed, consent="public", text="Approved and named")
    respond(closed, consent="anonymous", text="Approved and anonymous")
    respond(closed, consent="private", text="Approved but private", name="Private Person")
    respond(closed, consent="public", moderation=ModerationStatus.PENDING, text="Still pending")
    respond(closed, consent="public", moderation=ModerationStatus.REJECTED, text="Rejected text")
    respond(closed, consent="public", confirmed=False, text="Never confirmed")

    _response, data = get_json(client, closed.url + "results.json")
    _response, body, rows = get_csv(client, closed.url + "results.csv")

    texts = {answer["text"] for answer in data["questions"][-1]["answers"]}
    assert texts == {"Approved and named", "Approved and anonymous"}
    assert {row["text"] for row in rows if row["kind"] == "answer"} == texts
    assert all(set(answer) == {"text", "language"} for answer in data["questions"][-1]["answers"])
    json_body = json.dumps(data, ensure_ascii=False)
    for secret in ("Ada Lovelace", "ada@example.org", "Analytical Engines", "Malmö", "Private Person"):
        assert secret not in json_body
        assert secret not in body
    for hidden in ("Approved but private", "Still pending", "Rejected text", "Never confirmed"):
        assert hidden not in json_body
        assert hidden not in body
    # Every confirmed response still counts in the aggregates.
    assert data["respondents"]["total"] == 5


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"closes_at": timezone.now() + datetime.timedelta(days=3), "results_visibility": "live"}, "still open"),
        ({"results_visibility": "hidden"}, "results not published"),
        (
            {
                "opens_at": timezone.now() + datetime.timedelta(days=1),
                "closes_at": timezone.now() + datetime.timedelta(days=3),
                "results_visibility": "live",
            },
            "upcoming",
        ),
    ],
)
def test_open_or_unpublished_consultations_have_no_open_data(client, root_page, fields, why):
    page = closed_page(root_page, **fields)
    respond(page)
    for path in ("results.json", "results.csv", "results/json/", "results/csv/"):
        assert client.get(page.url + path).status_code == 404, (why, path)
    results_page = client.get(page.url + "results/")
    if results_page.status_code == 200:  # live results while open: the page, but no download links
        assert "results.csv" not in results_page.content.decode()


def test_results_page_links_the_files_and_the_licence(client, closed):
    respond(closed)
    html = client.get(closed.url + "results/").content.decode()
    assert f'href="{closed.url}results.csv"' in html
    assert f'href="{closed.url}results.json"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html


def test_the_editor_chooses_the_licence(client, closed):
    closed.results_licence = "CC0-1.0"
    closed.save_revision().publish()
    response, data = get_json(client, closed.url + "results.json")
    assert data["licence"]["code"] == "CC0-1.0"
    assert response["Link"] == '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'
    response = client.get(closed.url + "results.csv")
    assert response["Link"] == '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'
    html = client.get(closed.url + "results/").content.decode()
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">CC0 1.0</a>' in html


def test_without_the_file_routes_the_slash_urls_answer(client, closed):
    respond(closed)
    _response, data = get_json(client, closed.url + "results/json/")
    assert data["respondents"]["total"] == 1
    _response, _body, rows = get_csv(client, closed.url + "results/csv/")
    assert any(row["kind"] == "answer" for row in rows)


def test_language_copies_pool_into_one_result_under_the_sources_licence(client, closed, locales):
    swedish = publish_translation(closed, locales["sv"], SWEDISH)
    # A copy whose stored licence disagrees (never synchronised) still publishes under its source's.
    ConsultationPage.objects.filter(pk=swedish.pk).update(results_licence="CC-BY-SA-4.0")
    respond(closed, country="GB", text="In English")
    respond(swedish, locale=locales["sv"], country="SE", text="På svenska")

    _response, english_data = get_json(client, closed.url + "results.json")
    response, swedish_data = get_json(client, swedish.url + "results.json")

    assert swedish.url != closed.url
    for data in (english_data, swedish_data):
        assert data["respondents"]["total"] == 2
        assert data["respondents"]["by_language"] == {"en": 1, "sv": 1}
        assert data["licence"]["code"] == "CC-BY-4.0"
        assert {(a["text"], a["language"]) for a in data["questions"][-1]["answers"]} == {
            ("In English", "en"),
            ("På svenska", "sv"),
        }
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert swedish_data["consultation"]["language"] == "sv"
    single = next(question for question in swedish_data["questions"] if question["id"] == "q-single")
    assert single["label"] == "Vilken skala är viktigast?"
    assert {item["key"]: item["label"] for item in single["counts"]}["city"] == "Staden"
    assert {item["key"]: item["count"] for item in single["counts"]}["city"] == 2


@pytest.mark.parametrize("path", ["results.json", "results.csv"])
def test_query_count_does_not_grow_with_responses_and_answers(client, closed, path):
    def measure():
        client.get(closed.url + path)  # warm per-process caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(closed.url + path)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200
        return len(queries), body.decode()

    bulk_respond(closed, 5)
    small, body = measure()
    assert small <= 20
    assert body.count("Idea ") == 5
    bulk_respond(closed, 495)
    large, body = measure()
    assert body.count("Idea ") == 500
    assert large == small


def test_published_answers_read_in_chunks_behind_pgbouncer_keep_their_order(client, closed):
    """With ``DISABLE_SERVER_SIDE_CURSORS`` the published answers are read a chunk per query (keyset on question
    and id): the same CSV, by question and oldest first."""
    bulk_respond(closed, 5)
    _response, body, _rows = get_csv(client, closed.url + "results.csv")
    with mock.patch("seismic_wagtail.consultations.open_data.ANSWER_CHUNK_SIZE", 2):
        with mock.patch.dict(connection.settings_dict, {"DISABLE_SERVER_SIDE_CURSORS": True}):
            with CaptureQueriesContext(connection) as queries:
                _response, chunked, _rows = get_csv(client, closed.url + "results.csv")
    assert chunked == body and body.count("Idea ") == 5
    assert len([q for q in queries if "consultationanswer" in q["sql"] and "LIMIT 2" in q["sql"]]) == 3
