"""The join form stores one request per submission token: a double click, a resent POST or concurrent
requests with the same form store one row, and every repeat gets the thank-you page."""

import threading
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from seismic_wagtail.networks.models import NetworkJoinRequest

from .test_join import VALID, join_url

NO_RATE_LIMIT = {**getattr(settings, "SEISMIC_WAGTAIL", {}), "JOIN_REQUEST_RATE_LIMIT": 0}


@pytest.mark.django_db
def test_the_form_carries_a_fresh_token(client, network):
    first = client.get(join_url(network)).content.decode()
    second = client.get(join_url(network)).content.decode()
    assert 'type="hidden" name="submission_token"' in first
    token = first.split('name="submission_token" value="')[1].split('"')[0]
    assert uuid.UUID(token) and token not in second


@pytest.mark.django_db
def test_three_identical_posts_store_one_request_and_each_gets_thanks(
    client, network, settings, django_capture_on_commit_callbacks
):
    settings.SEISMIC_WAGTAIL = NO_RATE_LIMIT
    network.contact_email = "network@example.org"
    network.notify_contact_of_join_requests = True
    network.save_revision().publish()
    data = {**VALID, "submission_token": str(uuid.uuid4())}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        responses = [client.post(join_url(network), data) for _ in range(3)]
    assert [response["Location"] for response in responses] == [network.url + "join/thanks/"] * 3
    assert NetworkJoinRequest.objects.count() == 1
    assert NetworkJoinRequest.objects.get().token == uuid.UUID(data["submission_token"])
    assert len(callbacks) == 1  # the contact is notified once


@pytest.mark.django_db
def test_different_tokens_and_posts_without_one_are_separate_requests(client, network, settings):
    settings.SEISMIC_WAGTAIL = NO_RATE_LIMIT
    client.post(join_url(network), {**VALID, "submission_token": str(uuid.uuid4())})
    client.post(join_url(network), {**VALID, "submission_token": str(uuid.uuid4())})
    client.post(join_url(network), VALID)  # a form cached before the token existed: still accepted
    client.post(join_url(network), VALID)
    assert NetworkJoinRequest.objects.count() == 4
    assert NetworkJoinRequest.objects.filter(token__isnull=True).count() == 0


@pytest.mark.django_db
def test_a_malformed_token_stores_nothing(client, network):
    response = client.post(join_url(network), {**VALID, "submission_token": "not-a-uuid"})
    assert response.status_code == 200 and NetworkJoinRequest.objects.count() == 0


@pytest.mark.isolated
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL) for real concurrency")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_parallel_posts_with_one_token_store_one_request(network, settings):
    """On PostgreSQL (``DATABASE_URL``): concurrent requests race past the "already stored?" check, and the
    unique constraint decides. SQLite serialises writers, so the race does not happen there. Skipped before
    the database is set up. A transactional test empties the tables when it ends, and pytest-xdist's
    ``--dist loadfile`` would run other files' tests after it on the same worker: the ``isolated`` marker puts
    it in a pytest run of its own (``make test``, ``.ci/run``)."""
    settings.SEISMIC_WAGTAIL = NO_RATE_LIMIT
    data = {**VALID, "submission_token": str(uuid.uuid4())}
    url = join_url(network)
    barrier = threading.Barrier(20)
    statuses = []

    def post():
        try:
            barrier.wait()
            statuses.append(Client().post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 20
    assert NetworkJoinRequest.objects.count() == 1
