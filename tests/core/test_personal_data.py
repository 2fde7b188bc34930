"""One personal-data mechanism (issue #15): erasure by email and retention purge cover consultation responses
and join requests."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from seismic_wagtail.consultations.models import ConsultationResponse
from seismic_wagtail.core.personal_data import erase_personal_data, personal_data_sources, purge_personal_data
from seismic_wagtail.networks.models import NetworkJoinRequest
from tests.factories.consultations import ConsultationPageFactory, ConsultationResponseFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkJoinRequestFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(root_page):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=root_page), slug="austria")
    page = ConsultationPageFactory(parent=root_page, slug="agenda")
    return {
        "ada_join": NetworkJoinRequestFactory(network=network, email="Ada@Example.org"),
        "other_join": NetworkJoinRequestFactory(network=network, email="other@example.org"),
        "ada_response": ConsultationResponseFactory(page=page, email="ada@example.org", name="Ada"),
        "other_response": ConsultationResponseFactory(page=page, email="other@example.org"),
    }


def test_sources_are_found_in_the_installed_apps():
    assert {source.name for source in personal_data_sources()} == {"consultation responses", "join requests"}


def test_erase_by_email_covers_join_requests_and_responses(data):
    report = {source.name: (action, count) for source, action, count in erase_personal_data(" ADA@example.org ")}
    assert report == {"join requests": ("erased", 1), "consultation responses": ("erased", 1)}
    assert list(NetworkJoinRequest.objects.values_list("email", flat=True)) == ["other@example.org"]
    assert list(ConsultationResponse.objects.values_list("email", flat=True)) == ["other@example.org"]


def test_anonymise_keeps_responses_and_erases_join_requests(data):
    call_command("seismic_erase_personal_data", email="ada@example.org", anonymise=True)
    assert NetworkJoinRequest.objects.count() == 1
    response = ConsultationResponse.objects.get(pk=data["ada_response"].pk)
    assert (response.email, response.name) == ("", "")


def test_dry_run_counts_only(data):
    report = erase_personal_data("ada@example.org", dry_run=True)
    assert {source.name: (action, count) for source, action, count in report} == {
        "join requests": ("found", 1),
        "consultation responses": ("found", 1),
    }
    assert NetworkJoinRequest.objects.count() == 2 and ConsultationResponse.objects.count() == 2


def test_join_requests_are_kept_without_a_retention_period(data):
    NetworkJoinRequest.objects.update(created_at=timezone.now() - datetime.timedelta(days=5000))
    call_command("seismic_purge_personal_data")
    assert NetworkJoinRequest.objects.count() == 2


@override_settings(SEISMIC_WAGTAIL={"JOIN_REQUEST_RETENTION_DAYS": 30})
def test_join_requests_past_their_retention_are_purged(data):
    old = data["ada_join"]
    NetworkJoinRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    report = {source.name: counts for source, counts in purge_personal_data(dry_run=True)}
    assert report["join requests"] == {"retention": 1}
    assert NetworkJoinRequest.objects.count() == 2
    call_command("seismic_purge_personal_data")
    assert list(NetworkJoinRequest.objects.values_list("pk", flat=True)) == [data["other_join"].pk]


def test_erase_command_output(data, capsys):
    call_command("seismic_erase_personal_data", email="ada@example.org")
    out = capsys.readouterr().out
    assert "Erased 1 join requests given with ada@example.org." in out
    assert "Erased 1 consultation responses given with ada@example.org." in out
