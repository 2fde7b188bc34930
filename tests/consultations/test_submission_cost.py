"""What a consultation submission costs (issue #17): the statements of a POST and a GET, the form class and the
questions built once per content and language, one transaction per response with the token's unique
constraint deciding duplicates (also inside a host's ``ATOMIC_REQUESTS``), labels in the request's language."""

import threading
import uuid
from unittest import mock

import pytest
from django.db import DatabaseError, IntegrityError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from seismic_wagtail.consultations.forms import FORM_CLASSES, country_choices
from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationPage, ConsultationResponse
from seismic_wagtail.consultations.questions import QUESTION_LISTS
from tests.factories.consultations import ConsultationPageFactory, consultation_questions
from tests.translations import publish_translation

from .conftest import answer_data

pytestmark = pytest.mark.django_db

#: Wagtail's own statements before the page's view: the site, the active locale, the root page and the page,
#: the ancestors' aliases, the view restrictions.
BEFORE_THE_VIEW = 6


@pytest.fixture(autouse=True)
def _empty_memos():
    FORM_CLASSES.clear()
    QUESTION_LISTS.clear()
    yield
    FORM_CLASSES.clear()
    QUESTION_LISTS.clear()


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.SEISMIC_WAGTAIL = {**settings.SEISMIC_WAGTAIL, "CONSULTATION_RATE_LIMIT": 0}


def ours(queries):
    """The statements of a request after Wagtail's routing (see :data:`BEFORE_THE_VIEW`)."""
    return [query["sql"] for query in queries.captured_queries[BEFORE_THE_VIEW:]]


def statement_kinds(sqls):
    kinds = []
    for sql in sqls:
        words = sql.split()
        kind = words[0].upper()
        if kind == "INSERT":
            kind += " " + words[2].strip('"')
        kinds.append(kind)
    return [kind for kind in kinds if kind not in ("BEGIN", "COMMIT")]  # logged by some backends only


def post(client, page, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(page.url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return queries


def one_question():
    return [consultation_questions()[0]]  # the rating


def publish(page, **changes):
    page = ConsultationPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


# --- statements -----------------------------------------------------------------------------------------


def test_a_valid_post_reads_nothing_and_inserts_twice(client, consultation):
    client.get(consultation.url)  # the form class is built: the POST below is a worker's usual one
    queries = post(client, consultation, answer_data())
    # The tests run inside a transaction: the one atomic block is a savepoint here (BEGIN/COMMIT in production).
    assert statement_kinds(ours(queries)) == [
        "SELECT",  # the translation source (wagtail-localize's Translation rows)
        "SAVEPOINT",
        "INSERT seismic_consultations_consultationresponse",  # no look-up of the token first
        "INSERT seismic_consultations_consultationanswer",  # every answer in one statement
        "RELEASE",
    ], ours(queries)
    assert len(queries) == BEFORE_THE_VIEW + 5
    assert ConsultationResponse.objects.count() == 1
    assert ConsultationAnswer.objects.count() == 7  # rating, single, 2 multiple, 2 ranked, text


def test_a_post_costs_the_same_statements_with_one_and_with_five_questions(client, root_page):
    small = ConsultationPageFactory(parent=root_page, slug="small", questions=one_question())
    large = ConsultationPageFactory(parent=root_page, slug="large")
    assert len(small.get_questions()) == 1 and len(large.get_questions()) == 5
    counts = []
    only_the_rating = {key: value for key, value in answer_data().items() if key == "q_q-rating" or key[:2] != "q_"}
    for page, data in ((small, only_the_rating), (large, answer_data())):
        client.get(page.url)
        counts.append(len(post(client, page, data)))
    assert counts[0] == counts[1]
    assert ConsultationAnswer.objects.filter(response__page=small).count() == 1


def test_a_get_of_the_form_reads_nothing_of_the_consultation_but_its_translation_source(client, consultation):
    client.get(consultation.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(consultation.url).status_code == 200
    # The translation source, then the page's shared context (language versions, one query for the parts not yet
    # translated and the machine-translation notice, the breadcrumbs).
    assert len(queries) == BEFORE_THE_VIEW + 6, ours(queries)
    assert not [sql for sql in ours(queries) if "seismic_consultations" in sql or "wagtailcore_revision" in sql]


# --- built once -----------------------------------------------------------------------------------------


def test_the_second_get_builds_no_form_class_and_a_publish_builds_a_new_one(client, consultation):
    first = type(client.get(consultation.url).context["form"])
    misses = FORM_CLASSES.misses
    second = type(client.get(consultation.url).context["form"])
    assert second is first and FORM_CLASSES.misses == misses

    questions = consultation_questions()
    questions[1]["value"]["question"] = "Which level of government matters most?"
    publish(consultation, questions=questions)
    response = client.get(consultation.url)
    third = type(response.context["form"])
    assert third is not first
    assert "Which level of government matters most?" in response.content.decode()


def test_a_copy_gets_a_new_form_class_when_its_source_is_published(client, consultation, locales):
    german = publish_translation(consultation, locales["de"], {"Which scale matters most?": "Welche Ebene?"})
    first = type(client.get(german.url).context["form"])
    assert type(client.get(german.url).context["form"]) is first
    questions = consultation_questions()
    questions.append(
        {
            "type": "text",
            "id": "q-added",
            "value": {"question": "Anything else?", "help_text": "", "required": False, "max_length": 500},
        }
    )
    publish(consultation, questions=questions)
    response = client.get(german.url)
    assert type(response.context["form"]) is not first
    assert "q_q-added" in response.context["form"].fields  # asked in the copy at once, in the source's words
    assert "Welche Ebene?" in response.content.decode()


def test_a_stored_edit_without_a_revision_is_no_stale_hit(consultation):
    page = ConsultationPage.objects.get(pk=consultation.pk)
    first = page.get_form_class()
    questions = consultation_questions()
    questions[4]["value"]["question"] = "What else should we hear?"
    page.questions = questions
    page.save()  # no revision: the key is the stored content, not the revision id
    again = ConsultationPage.objects.get(pk=consultation.pk)
    assert again.get_form_class() is not first
    assert again.get_form_class().base_fields["q_q-text"].label == "What else should we hear?"


def test_forms_share_the_class_but_no_field(consultation):
    page = ConsultationPage.objects.get(pk=consultation.pk)
    one, two = page.get_form(), page.get_form()
    assert type(one) is type(two)
    assert one.fields["country"] is not two.fields["country"]
    one.fields["country"].widget.attrs["data-x"] = "1"
    one.fields["email"].required = True
    assert "data-x" not in two.fields["country"].widget.attrs
    assert two.fields["email"].required is False
    assert one.page is page and two.initial["submission_token"] != one.initial["submission_token"]


def test_the_form_reads_the_requests_page_not_the_memoised_one(consultation):
    page = ConsultationPage.objects.get(pk=consultation.pk)
    assert page.get_form().fields["email"].required is False
    page.require_confirmation = True  # in the key: a class of its own
    form = page.get_form()
    assert form.fields["email"].required is True and form.page is page


# --- labels in the request's language -------------------------------------------------------------------


def test_labels_and_messages_come_out_in_the_active_language(consultation):
    page = ConsultationPage.objects.get(pk=consultation.pk)
    with translation.override("sv"):
        swedish_class = page.get_form_class()
        form = page.get_form({"submission_token": str(uuid.uuid4())})
        form.is_valid()
        assert form.errors["q_q-single"] == ["Välj ett svar på ”Which scale matters most?”"]
        assert form.errors["country"] == ["Välj ditt land"]
        html = str(form["country"])
        assert ">Välj ditt land</option>" in html and '<option value="SE">Sverige</option>' in html
    with translation.override("en"):
        english_class = page.get_form_class()
        form = page.get_form({"submission_token": str(uuid.uuid4())})
        form.is_valid()
        assert form.errors["q_q-single"] == ["Choose an answer to “Which scale matters most?”"]
        assert '<option value="SE">Sweden</option>' in str(form["country"])
    assert swedish_class is not english_class
    with translation.override("sv"):
        assert page.get_form_class() is swedish_class
        assert dict(country_choices())["DE"] == "Tyskland"


def test_the_german_copy_is_served_in_german(client, consultation, locales):
    german = publish_translation(consultation, locales["de"], {"Which scale matters most?": "Welche Ebene?"})
    english_html = client.get(consultation.url).content.decode()
    german_response = client.post(german.url, {"submission_token": str(uuid.uuid4())})
    german_html = german_response.content.decode()
    assert german_response.status_code == 200
    assert "Wählen Sie eine Antwort auf „Welche Ebene?“" in german_html
    assert '<option value="SE">Schweden</option>' in german_html
    assert '<option value="SE">Sweden</option>' in english_html


def test_a_country_outside_the_list_is_refused(consultation):
    form = ConsultationPage.objects.get(pk=consultation.pk).get_form(answer_data(country="XX"))
    assert not form.is_valid() and form.errors["country"] == ["Choose your country"]
    form = ConsultationPage.objects.get(pk=consultation.pk).get_form(answer_data(country="SE"))
    assert form.is_valid(), form.errors


# --- one transaction ------------------------------------------------------------------------------------


def test_a_duplicate_token_stores_nothing_new_and_keeps_the_first_response(client, consultation):
    data = answer_data()
    post(client, consultation, data)
    first = ConsultationResponse.objects.get()
    answers = sorted(ConsultationAnswer.objects.values_list("pk", "question_id", "choice", "number", "text"))
    queries = post(client, consultation, {**data, "city": "Lund", "q_q-text": "Something else"})
    assert "INSERT seismic_consultations_consultationanswer" not in statement_kinds(ours(queries))
    assert ConsultationResponse.objects.get() == first
    assert ConsultationResponse.objects.get().city == "Malmö"
    assert sorted(ConsultationAnswer.objects.values_list("pk", "question_id", "choice", "number", "text")) == answers


def test_store_response_returns_the_existing_response_for_a_duplicate(consultation):
    page = ConsultationPage.objects.get(pk=consultation.pk)
    data = answer_data()
    form = page.get_form(data)
    assert form.is_valid(), form.errors
    response, created = page.store_response(form)
    assert created
    form = page.get_form(data)
    assert form.is_valid()
    again, created = page.store_response(form)
    assert not created and again.pk == response.pk
    assert ConsultationResponse.objects.count() == 1  # and the connection is still usable


@pytest.mark.parametrize("error", [IntegrityError("answers"), DatabaseError("answers")])
def test_an_error_in_the_answers_insert_leaves_no_response(consultation, error):
    page = ConsultationPage.objects.get(pk=consultation.pk)
    form = page.get_form(answer_data())
    assert form.is_valid()
    with mock.patch.object(ConsultationAnswer.objects, "bulk_create", side_effect=error):
        with pytest.raises(type(error)):
            page.store_response(form)
    assert ConsultationResponse.objects.count() == 0
    assert ConsultationAnswer.objects.count() == 0


def test_inside_atomic_requests_a_duplicate_does_not_break_the_request(client, consultation, monkeypatch):
    """With the host's ``ATOMIC_REQUESTS`` the request runs in a transaction of its own; the response's block
    is a savepoint in it, so the token's unique violation rolls back to the savepoint only and the request
    goes on (reads the first response, redirects, commits)."""
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", True)
    data = answer_data()
    post(client, consultation, data)
    queries = post(client, consultation, data)
    kinds = statement_kinds(query["sql"] for query in queries.captured_queries)
    rollback = kinds.index("ROLLBACK")  # to the savepoint of the response's block, not the request's
    assert kinds[rollback - 2 : rollback + 3] == [
        "SAVEPOINT",
        "INSERT seismic_consultations_consultationresponse",
        "ROLLBACK",
        "RELEASE",
        "SELECT",  # the first response, read in the request's transaction, which goes on
    ], kinds
    assert ConsultationResponse.objects.count() == 1
    assert ConsultationAnswer.objects.count() == 7
    # The request's transaction was not left broken: the next request stores normally.
    post(client, consultation, answer_data())
    assert ConsultationResponse.objects.count() == 2


@pytest.mark.isolated
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL) for real concurrency")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_posts_with_one_token_store_one_response(root_page):
    """On PostgreSQL: twelve requests with one token at once, each its own real transaction (no test
    transaction around them); the unique constraint decides, every request redirects, one response stored.
    ``isolated``: a transactional test empties the tables when it ends (see tests/networks/test_join_once.py)."""
    page = ConsultationPageFactory(parent=root_page, slug="parallel")
    data = answer_data()
    barrier = threading.Barrier(12)
    statuses = []

    def send():
        try:
            barrier.wait()
            statuses.append(Client().post(page.url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 12
    assert ConsultationResponse.objects.filter(token=data["submission_token"]).count() == 1
    assert ConsultationAnswer.objects.filter(response__token=data["submission_token"]).count() == 7
