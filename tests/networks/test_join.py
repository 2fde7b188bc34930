"""The join-request flow: valid, invalid and bot input, rate limit, notification email."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from seismic_wagtail.networks import tasks
from seismic_wagtail.networks.models import JoinRequestStatus, NetworkJoinRequest
from tests.mail_backends import FlakyBackend
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Eva Novák",
    "organisation": "Auto*Mat",
    "email": "eva@example.org",
    "city": "Praha",
    "project_description": "Car-free streets on Sundays in Prague 7.",
    "consent": "on",
    "seismic_hp_website": "",
}


def join_url(network):
    return network.url + "join/"


def test_join_form_is_shown_with_privacy_notice(client, network):
    response = client.get(join_url(network))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="post" action="/networks/austria/join/"' in html
    assert "<legend>Privacy</legend>" in html and "We store what you send with this form" in html
    assert 'name="seismic_hp_website"' in html and 'aria-hidden="true"' in html


def test_custom_privacy_text_replaces_the_standard_one(client, network):
    network.privacy_text = "<p>Our own privacy notice.</p>"
    network.save_revision().publish()
    html = client.get(join_url(network)).content.decode()
    assert "Our own privacy notice." in html and "We store what you send with this form" not in html


def test_valid_request_is_stored_and_redirects_to_thanks(client, network):
    response = client.post(join_url(network), VALID)
    assert response.status_code == 302
    assert response["Location"] == network.url + "join/thanks/"
    join_request = NetworkJoinRequest.objects.get()
    assert join_request.network_id == network.pk
    assert (join_request.name, join_request.organisation, join_request.email) == (
        "Eva Novák",
        "Auto*Mat",
        "eva@example.org",
    )
    assert join_request.city == "Praha" and join_request.consent is True
    assert join_request.status == JoinRequestStatus.NEW
    assert join_request.language == "en"
    thanks = client.get(response["Location"])
    assert "We received your request to join SEiSMiC Austria" in thanks.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"city": "   "}, "city", "This field is required."),
        ({"project_description": ""}, "project_description", "This field is required."),
        ({"consent": ""}, "consent", "Please agree to the privacy notice"),
    ],
)
def test_invalid_request_shows_errors_beside_fields_and_keeps_input(client, network, changes, field, message):
    data = {**VALID, **changes}
    response = client.post(join_url(network), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert NetworkJoinRequest.objects.count() == 0
    # The error sits beside its field, linked for assistive technology, and in the summary at the top.
    assert f'id="id_{field}_errors"' in html and message in html
    assert 'aria-invalid="true"' in html and 'role="alert"' in html
    # Everything typed is kept.
    for name in ("name", "organisation", "email", "city"):
        if data[name].strip():
            assert f'value="{data[name]}"' in html
    if data["project_description"]:
        assert data["project_description"] in html
    if data["consent"]:
        assert re.search(r'<input type="checkbox" name="consent"[^>]* checked>', html)


def test_bot_gets_thanks_and_nothing_is_stored(client, network):
    response = client.post(join_url(network), {**VALID, "seismic_hp_website": "http://spam.example"})
    assert response.status_code == 302 and response["Location"].endswith("/join/thanks/")
    assert NetworkJoinRequest.objects.count() == 0
    assert mail.outbox == []


@override_settings(SEISMIC_WAGTAIL={"JOIN_REQUEST_RATE_LIMIT": 2, "JOIN_REQUEST_RATE_PERIOD": 600})
def test_join_posts_are_rate_limited(client, network):
    assert client.post(join_url(network), {**VALID, "name": ""}).status_code == 200  # invalid posts count too
    assert client.post(join_url(network), VALID).status_code == 302
    response = client.post(join_url(network), {**VALID, "email": "again@example.org"})
    assert response.status_code == 429 and response["Retry-After"] == "600"
    assert NetworkJoinRequest.objects.count() == 1
    assert client.get(join_url(network)).status_code == 200  # reading the form is not limited


def test_contact_is_emailed_when_notifications_are_on(client, network, django_capture_on_commit_callbacks):
    network.notify_contact_of_join_requests = True
    network.contact_email = "coordinator@example.org"
    network.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url(network), VALID)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@example.org"]
    assert message.subject == "New request to join SEiSMiC Austria from Eva Novák"
    join_request = NetworkJoinRequest.objects.get()
    assert "Car-free streets on Sundays" in message.body
    assert f"http://testserver/admin/seismic/join-requests/edit/{join_request.pk}/" in message.body


@override_settings(SEISMIC_WAGTAIL={"JOIN_REQUEST_FROM_EMAIL": "networks@example.org"})
def test_notification_sender_and_plain_subject(client, network, django_capture_on_commit_callbacks):
    network.notify_contact_of_join_requests = True
    network.contact_email = "coordinator@example.org"
    network.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url(network), {**VALID, "name": "Siobhán O'Brien & Co"})
    [message] = mail.outbox
    assert message.from_email == "networks@example.org"
    assert message.subject == "New request to join SEiSMiC Austria from Siobhán O'Brien & Co"


def notifying(network):
    network.notify_contact_of_join_requests = True
    network.contact_email = "coordinator@example.org"
    network.save_revision().publish()
    return network


def test_the_join_form_only_queues_the_notification(client, network, settings, django_capture_on_commit_callbacks):
    """The visitor's request stores the join request and queues the mail (a backend that stores tasks, as the
    database or RQ backend does in production): no mail server is spoken to while they wait."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = tasks.send_join_notification_mail.get_backend()
    backend.clear()
    notifying(network)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(join_url(network), VALID).status_code == 302
    assert mail.outbox == []
    # Only ours: publishing the page queued Wagtail's own tasks (its reference index) on the same backend.
    [queued] = [result for result in backend.results if result.task.func is tasks.send_join_notification_mail.func]
    assert queued.args == [NetworkJoinRequest.objects.get().pk, network.pk, 1]


def test_a_failed_notification_is_retried_until_it_is_sent(
    client, network, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    FlakyBackend.failures = 2
    notifying(network)
    statuses = []

    def collect(sender, task_result, **kwargs):
        if task_result.task.func is tasks.send_join_notification_mail.func:
            statuses.append((task_result.status, task_result.args[2]))

    task_finished.connect(collect)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(join_url(network), VALID)
    finally:
        task_finished.disconnect(collect)
    [message] = mail.outbox
    assert message.to == ["coordinator@example.org"]
    assert sorted(statuses) == [
        (TaskResultStatus.FAILED, 1),
        (TaskResultStatus.FAILED, 2),
        (TaskResultStatus.SUCCESSFUL, 3),
    ]


def test_no_email_when_notifications_are_off(client, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url(network), VALID)
    assert NetworkJoinRequest.objects.count() == 1
    assert mail.outbox == []


def test_failed_save_stores_nothing(client, network, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(NetworkJoinRequest, "save", broken_save)
    with pytest.raises(RuntimeError):
        client.post(join_url(network), VALID)
    monkeypatch.undo()
    assert NetworkJoinRequest.objects.count() == 0


def test_join_from_a_translated_network_page(client, network, network_index, locales):
    publish_translation(network_index, "cs")
    czech = publish_translation(network, "cs", {"SEiSMiC Austria": "SEiSMiC Rakousko"})
    response = client.get(czech.url + "join/")
    assert response.status_code == 200
    assert '<html lang="cs">' in response.content.decode()
    response = client.post(czech.url + "join/", VALID)
    assert response["Location"] == czech.url + "join/thanks/"
    join_request = NetworkJoinRequest.objects.get()
    assert join_request.network_id == czech.pk and join_request.language == "cs"
