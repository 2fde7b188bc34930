"""Consultation results and exports at scale: a query count that does not grow with the responses, the
results cache (Django's cache, shared by every process) and what a visitor sees after a change, a failing
cache, the indexes the results read, and the CSV export streamed in chunks, with or without server-side
cursors. Timings are measured by the benchmarks (docs/performance.md), never asserted here."""

import csv
import io
import time
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from seismic_wagtail.consultations import results as results_module
from seismic_wagtail.consultations.admin_views import ConsultationResponseIndexView
from seismic_wagtail.consultations.models import (
    ConsultationAnswer,
    ConsultationResponse,
    ModerationStatus,
)
from seismic_wagtail.consultations.privacy import anonymise_responses, erase_responses
from seismic_wagtail.consultations.results import RESULTS_CACHE, ResultsCache, consultation_counts
from tests.factories.consultations import ConsultationPageFactory

from .conftest import answer_data
from .test_results import bulk_responses

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(root_page):
    return ConsultationPageFactory(parent=root_page, slug="published", results_visibility="live")


def results_html(client, page):
    response = client.get(page.url + "results/")
    assert response.status_code == 200
    return response.content.decode()


def respond(client, page, **overrides):
    response = client.post(page.url, answer_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:500]


# --- query counts ------------------------------------------------------------------------------------------


def count_queries(client, page):
    with CaptureQueriesContext(connection) as queries:
        results_html(client, page)
    return len(queries)


def test_cold_and_warm_query_counts_do_not_grow_with_the_responses(client, published):
    from django.core.cache import cache

    def forget_counts():
        key = RESULTS_CACHE.key(published.translation_key)
        cache.delete_many([key, f"{key}:texts"])

    bulk_responses(published, 5, seed=1)
    results_html(client, published)  # per-process caches (site root paths, locales)
    forget_counts()
    cold_small = count_queries(client, published)
    warm_small = count_queries(client, published)
    bulk_responses(published, 45, seed=2)
    results_html(client, published)  # counted again: the responses changed
    warm_large = count_queries(client, published)
    forget_counts()
    cold_large = count_queries(client, published)
    assert (cold_small, warm_small) == (cold_large, warm_large)
    # Warm: the grouped responses and answers, the two frozen counts and the published answers' count come
    # from the cache.
    assert warm_small == cold_small - 5


# --- the cache and what a visitor sees ---------------------------------------------------------------------


def test_a_new_response_shows_at_once(client, published):
    respond(client, published)
    assert "1 response" in results_html(client, published)
    respond(client, published, **{"q_q-single": "region"})
    html = results_html(client, published)
    assert "2 responses" in html
    result = {r.question.id: r for r in published.get_results().questions}["q-single"]
    assert {bar.key: bar.value for bar in result.bars} == {"neighbourhood": 0, "city": 1, "region": 1}


def test_a_confirmation_shows_at_once(client, root_page):
    page = ConsultationPageFactory(parent=root_page, require_confirmation=True, results_visibility="live")
    respond(client, page)
    assert page.get_results().total == 0
    response = ConsultationResponse.objects.get()
    page.confirm_response(page.make_confirmation_token(response))
    results = page.get_results()
    assert results.total == 1
    assert {r.question.id: r.respondents for r in results.questions}["q-rating"] == 1


def test_erasure_and_anonymisation_show_at_once(client, published):
    respond(client, published, email="ada@example.org")
    respond(client, published, email="grace@example.org")
    texts = lambda: {r.question.id: r.respondents for r in published.get_results().questions}["q-text"]  # noqa: E731
    assert texts() == 2
    anonymise_responses("ada@example.org")  # deletes the free-text answer, keeps the rest
    assert texts() == 1
    assert published.get_results().total == 2
    erase_responses("grace@example.org")
    assert published.get_results().total == 1
    assert texts() == 0


def test_moderation_shows_at_once(client, published):
    respond(client, published, **{"q_q-text": "Plant more trees."})
    assert "Plant more trees." not in results_html(client, published)
    ConsultationAnswer.objects.filter(kind="text").update(moderation=ModerationStatus.APPROVED)
    assert "Plant more trees." in results_html(client, published)


def test_a_moderation_swap_shows_at_once(published):
    """One answer approved and another rejected: as many approved as before, the count still follows."""
    bulk_responses(published, 6)
    ConsultationResponse.objects.update(consent="anonymous")
    answers = ConsultationAnswer.objects.filter(kind="text").order_by("pk")
    answers.update(moderation=ModerationStatus.PENDING)
    first, second = answers[0], answers[1]
    ConsultationAnswer.objects.filter(pk=first.pk).update(
        moderation=ModerationStatus.APPROVED, moderated_at=timezone.now()
    )
    texts = lambda: {r.question.id: r.text_count for r in published.get_results(public=True).questions}["q-text"]  # noqa: E731
    assert texts() == 1
    ConsultationAnswer.objects.filter(pk=first.pk).update(
        moderation=ModerationStatus.REJECTED, moderated_at=timezone.now()
    )
    ConsultationAnswer.objects.filter(pk=second.pk).update(
        moderation=ModerationStatus.APPROVED, moderated_at=timezone.now()
    )
    assert texts() == 1
    assert published.get_results(public=True).questions[-1].texts[0].id == second.pk


def test_the_cache_is_shared_through_djangos_cache(published):
    """What one process counted, another reads: the entry lives in ``django.core.cache``, not in memory."""
    from django.core.cache import cache

    bulk_responses(published, 3)
    languages = {published.locale_id: "en"}
    counted = consultation_counts(published, languages)
    assert cache.get(RESULTS_CACHE.key(published.translation_key)) == counted
    with mock.patch.object(results_module, "answer_count_rows", side_effect=AssertionError("counted again")):
        assert consultation_counts(published, languages).answer_rows == counted.answer_rows


def test_a_slow_consultation_shows_counts_up_to_stale_seconds_old(client, published):
    """Where counting is slow, a new response shows within ``stale_seconds``; totals and bars stay in step."""
    slow = ResultsCache(slow_seconds=0, stale_seconds=60)  # every consultation counts as slow
    with mock.patch.object(type(published), "results_cache", slow, create=True):
        respond(client, published)
        assert published.get_results().total == 1
        respond(client, published)
        stale = published.get_results()
        assert stale.total == 1  # the entry counted a moment ago
        assert {r.question.id: r.respondents for r in stale.questions}["q-rating"] == 1
        later = time.time() + 61
        with mock.patch.object(results_module.time, "time", return_value=later):
            assert published.get_results().total == 2


def test_one_process_recounts_a_slow_consultation_and_the_others_show_the_previous_counts(client, published):
    from django.core.cache import cache

    slow = ResultsCache(slow_seconds=0, stale_seconds=0)  # stale at once, but slow: one process recounts
    with mock.patch.object(type(published), "results_cache", slow, create=True):
        respond(client, published)
        assert published.get_results().total == 1
        respond(client, published)
        cache.add(slow.lock_key(published.translation_key), True, 60)  # another process is counting
        assert published.get_results().total == 1
        cache.delete(slow.lock_key(published.translation_key))
        assert published.get_results().total == 2


def test_no_cache_for_a_page_class_that_asks_for_none(client, published):
    from django.core.cache import cache

    with mock.patch.object(type(published), "results_cache", None, create=True):
        respond(client, published)
        assert published.get_results().total == 1
    assert cache.get(RESULTS_CACHE.key(published.translation_key)) is None


def test_a_failing_cache_falls_back_to_counting(client, published, caplog, monkeypatch):
    """The results' cache only (Wagtail's own site cache fails the page by itself)."""
    from seismic_wagtail.core import cache as core_cache

    monkeypatch.setattr(core_cache, "_failures_logged", set())
    failing = mock.Mock(**{f"{name}.side_effect": ConnectionError("cache down") for name in ("get", "set", "add")})
    respond(client, published)
    with mock.patch.object(results_module, "cache", failing):
        assert "1 response" in results_html(client, published)
        respond(client, published)
        assert "2 responses" in results_html(client, published)
    assert failing.get.called and failing.set.called
    assert caplog.text.count("The consultation results cache failed") == 1  # logged once per process


def test_an_unreadable_entry_is_ignored(published):
    from django.core.cache import cache

    bulk_responses(published, 2)
    cache.set(RESULTS_CACHE.key(published.translation_key), {"not": "counts"})
    assert published.get_results().total == 2


def test_results_cache_refuses_unknown_attributes():
    with pytest.raises(TypeError):
        ResultsCache(stale_secs=10)


# --- indexes -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "name", "columns"),
    [
        (
            ConsultationResponse,
            "seismic_cons_resp_counts",
            [
                "consultation_key",
                "locale_id",
                "country",
                "respondent_type",
                "confirmed",
                "confirmed_at",
                "anonymised_at",
            ],
        ),
        (
            ConsultationAnswer,
            "seismic_cons_answer_results",
            [
                "consultation_key",
                "question_id",
                "choice",
                "number",
                "first",
                "locale_id",
                "country",
                "respondent_type",
                "confirmed",
            ],
        ),
    ],
)
def test_the_results_indexes_are_in_the_database(model, name, columns):
    """The migrations made them (SQLite and PostgreSQL), with the columns in the order the results group by."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    assert name in constraints, sorted(constraints)
    assert constraints[name]["index"]
    assert constraints[name]["columns"] == columns
    assert "seismic_cons_resp_results" not in constraints  # replaced by seismic_cons_resp_counts


def test_the_answer_counts_count_rows_not_ids(published):
    """``COUNT(*)``, so PostgreSQL reads the covering index alone (``COUNT(id)`` reads every table row)."""
    bulk_responses(published, 2)
    with CaptureQueriesContext(connection) as queries:
        results_module.answer_count_rows(published.translation_key, {})
        results_module.group_responses(published, {})
        results_module.responses_fingerprint(published)
    assert len(queries) == 4  # answers, frozen answers, responses, fingerprint
    for query in queries:
        if "frozen" not in query["sql"]:
            assert "COUNT(*)" in query["sql"], query["sql"]
            assert '"."id")' not in query["sql"], query["sql"]  # no COUNT(id), no MAX(id)


# --- the CSV export ----------------------------------------------------------------------------------------


def export_rows(client, page):
    url = reverse("seismic_consultation_responses:index") + f"?export=csv&consultation={page.translation_key}"
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_csv_export_is_streamed_in_chunks(admin_client, published, settings):
    bulk_responses(published, 7)
    with mock.patch.object(ConsultationResponseIndexView, "export_chunk_size", 3):
        with CaptureQueriesContext(connection) as queries:
            rows = export_rows(admin_client, published)
    assert len(rows) == 1 + 7
    answer_queries = [q for q in queries if "consultationanswer" in q["sql"] and '"response_id" IN' in q["sql"]]
    assert len(answer_queries) == 3  # 3 + 3 + 1 responses


def test_without_server_side_cursors_the_export_reads_in_keyset_chunks(admin_client, published):
    """pgbouncer in transaction mode needs ``DISABLE_SERVER_SIDE_CURSORS``: the export then reads chunks by
    id (newest first) instead of one cursor, so memory stays bounded all the same."""
    bulk_responses(published, 7)
    with mock.patch.object(ConsultationResponseIndexView, "export_chunk_size", 3):
        with_cursor = export_rows(admin_client, published)
        with mock.patch.dict(connection.settings_dict, {"DISABLE_SERVER_SIDE_CURSORS": True}):
            with CaptureQueriesContext(connection) as queries:
                keyset = export_rows(admin_client, published)
    assert len(keyset) == 1 + 7
    assert sorted(keyset[1:]) == sorted(with_cursor[1:])
    ids = [int(row[0]) for row in keyset[1:]]
    assert ids == sorted(ids, reverse=True)
    chunk_reads = [q for q in queries if "consultationresponse" in q["sql"] and "LIMIT 3" in q["sql"]]
    assert len(chunk_reads) == 3  # 3 + 3 + 1, and the last one tells the end


def test_the_export_has_every_response_once_across_chunk_edges(admin_client, published):
    bulk_responses(published, 5)
    ConsultationResponse.objects.update(submitted_at=timezone.now())  # ties in the listing's order
    with mock.patch.object(ConsultationResponseIndexView, "export_chunk_size", 2):
        with mock.patch.dict(connection.settings_dict, {"DISABLE_SERVER_SIDE_CURSORS": True}):
            rows = export_rows(admin_client, published)
    ids = [row[0] for row in rows[1:]]
    assert len(ids) == len(set(ids)) == 5


def test_the_xlsx_export_is_written_to_a_temporary_file_not_to_memory(admin_client, published):
    import openpyxl

    bulk_responses(published, 3)
    url = reverse("seismic_consultation_responses:index") + f"?export=xlsx&consultation={published.translation_key}"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert not isinstance(response.file_to_stream, io.BytesIO)
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert len(list(workbook.active.iter_rows())) == 1 + 3
