import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.template import TemplateSyntaxError
from django.test import override_settings
from django.utils import translation

from seismic_wagtail.core.mail import send_templated_mail

TEMPLATES = {
    "subject_template": "testapp/email/subject.txt",
    "body_template": "testapp/email/body.txt",
}


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"ada@example.org": (550, b"no such user")})


class UnreachableBackend(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_subject_is_one_line_and_text_is_not_html_escaped():
    sent = send_templated_mail(to=["ada@example.org"], context={"name": "O'Brien & Partners"}, **TEMPLATES)
    assert sent == 1
    [message] = mail.outbox
    assert message.subject == "Country: O'Brien & Partners"
    assert message.body.strip() == "City: O'Brien & Partners"
    assert message.to == ["ada@example.org"] and message.alternatives == []


def test_rendered_in_the_recipients_language_whatever_the_active_one():
    with translation.override("en"):
        send_templated_mail(to=["ada@example.org"], context={"name": "Eva"}, language="de", **TEMPLATES)
        assert translation.get_language() == "en"
    assert mail.outbox[0].subject == "Land: Eva" and mail.outbox[0].body.strip() == "Stadt: Eva"


@override_settings(DEFAULT_FROM_EMAIL="site@example.org")
def test_sender_falls_back_to_default_from_email():
    send_templated_mail(to=["ada@example.org"], context={"name": "Eva"}, from_email=None, **TEMPLATES)
    send_templated_mail(to=["ada@example.org"], context={"name": "Eva"}, from_email="seismic@example.org", **TEMPLATES)
    assert [message.from_email for message in mail.outbox] == ["site@example.org", "seismic@example.org"]


def test_optional_html_alternative():
    send_templated_mail(
        to=["ada@example.org"], context={"name": "<Eva>"}, html_template="testapp/email/body.html", **TEMPLATES
    )
    [(html, mimetype)] = mail.outbox[0].alternatives
    assert mimetype == "text/html" and html.strip() == "<p>&lt;Eva&gt;</p>"


def test_no_recipient_sends_nothing():
    assert send_templated_mail(to=["", None], context={"name": "Eva"}, **TEMPLATES) == 0
    assert mail.outbox == []


@pytest.mark.parametrize("backend", [RefusingBackend, UnreachableBackend], ids=["refused", "unreachable"])
def test_delivery_failure_is_logged_and_returns_zero(settings, caplog, backend):
    settings.EMAIL_BACKEND = f"{__name__}.{backend.__name__}"
    with caplog.at_level(logging.ERROR, logger="seismic_wagtail.mail"):
        assert send_templated_mail(to=["ada@example.org"], context={"name": "Eva"}, **TEMPLATES) == 0
    [record] = caplog.records
    assert record.name == "seismic_wagtail.mail" and "ada@example.org" in record.getMessage()
    assert record.exc_info is not None


def test_a_broken_template_raises():
    with pytest.raises(TemplateSyntaxError):
        send_templated_mail(
            to=["ada@example.org"], subject_template="testapp/email/broken.txt", body_template="testapp/email/body.txt"
        )
    assert mail.outbox == []
