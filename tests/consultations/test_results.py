"""Public results page: published only when the editor says so, SVG charts with data tables, consent for
free text, and a query count that does not grow with the number of responses."""

import datetime
import random
import uuid

import pytest
from django.utils import timezone

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse
from tests.factories.consultations import ConsultationPageFactory

from .conftest import answer_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(root_page):
    return ConsultationPageFactory(parent=root_page, slug="published", results_visibility="live")


def bulk_responses(page, count, seed=1):
    rng = random.Random(seed)
    responses = ConsultationResponse.objects.bulk_create(
        ConsultationResponse(
            consultation_key=page.translation_key,
            page=page,
            locale=page.locale,
            token=uuid.uuid4(),
            respondent_type=rng.choice(["citizen", "academic", "business"]),
            country=rng.choice(["SE", "TR", "DE"]),
            consent=rng.choice(["public", "anonymous", "private"]),
            name=f"Person {index}",
        )
        for index in range(count)
    )
    if not responses[0].pk:  # databases that do not return ids from bulk inserts
        responses = list(ConsultationResponse.objects.filter(consultation_key=page.translation_key))
    questions = {question.id: question for question in page.get_questions()}

    def row(response, question_id, **fields):
        return ConsultationAnswer.for_response(response, questions[question_id], **fields)

    answers = []
    for response in responses:
        answers.append(row(response, "q-rating", number=rng.randint(1, 5)))
        answers.append(row(response, "q-single", choice=rng.choice(["city", "region"])))
        answers.append(row(response, "q-multiple", choice="citizens"))
        answers.append(row(response, "q-ranking", choice="energy", number=1))
        answers.append(row(response, "q-text", text=f"Idea {response.pk}"))
    ConsultationAnswer.objects.bulk_create(answers, batch_size=2000)


def test_results_are_hidden_unless_published(client, consultation):
    assert client.get(consultation.url + "results/").status_code == 404


def test_results_after_closing_only_once_closed(client, root_page):
    now = timezone.now()
    page = ConsultationPageFactory(parent=root_page, results_visibility="after_closing")
    assert client.get(page.url + "results/").status_code == 404
    page.closes_at = now - datetime.timedelta(hours=1)
    page.opens_at = now - datetime.timedelta(days=3)
    page.save_revision().publish()
    assert client.get(page.url + "results/").status_code == 200


def test_results_page_draws_svg_charts_with_data_tables(client, published):
    client.post(published.url, answer_data(consent="public", name="Ada Lovelace"))
    client.post(published.url, answer_data(consent="anonymous", name="Grace Hopper", **{"q_q-text": "Anonymous idea"}))
    client.post(published.url, answer_data(consent="private", name="Hidden Person", **{"q_q-text": "Secret idea"}))
    response = client.get(published.url + "results/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="seismic-chart" role="img" aria-labelledby="chart-q-single-title"' in html
    assert '<title id="chart-q-single-title">Which scale matters most?</title>' in html
    assert '<th scope="row">The city</th><td>3</td>' in html
    assert "Average rating: 4.0 out of 5." in html or "Average rating: 4 out of 5." in html
    # Free text only with consent, named only when the respondent chose so.
    assert "Ada Lovelace" in html and "Anonymous idea" in html
    assert "Grace Hopper" not in html
    assert "Secret idea" not in html and "Hidden Person" not in html


def test_unconfirmed_responses_do_not_count(published):
    bulk_responses(published, 3)
    ConsultationResponse.objects.filter(pk=ConsultationResponse.objects.first().pk).update(confirmed=False)
    assert published.get_results().total == 2


def test_results_query_count_is_the_same_for_10_and_1000_responses(client, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure(expected_total):
        client.get(published.url + "results/")  # warm per-process caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(published.url + "results/")
        assert response.status_code == 200
        assert f"{expected_total} responses" in response.content.decode()
        return len(queries)

    bulk_responses(published, 10, seed=1)
    small = measure(10)
    bulk_responses(published, 990, seed=2)
    assert measure(1000) == small
    assert small <= 20
