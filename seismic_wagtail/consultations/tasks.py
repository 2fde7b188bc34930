"""Background tasks of the consultations app (``django_tasks``, the tasks framework Wagtail itself uses).

:func:`send_confirmation_mail` sends a new response's confirmation link (queued by
:func:`queue_confirmation_mail` when the response is committed). :func:`send_outcome_mail` tells one respondent, in the language they answered in, that the outcome of the
consultation is published ("you said, we did"). :func:`enqueue_outcome_mails` queues one such task per
respondent who asked to be told and was not told yet; the ``page_published`` receiver
(:mod:`.signal_handlers`) calls it when a closed consultation with an outcome is published, and the
``seismic_retry_outcome_mails`` command calls it for whatever is still owed.

Where the tasks run is the site's ``TASKS`` setting: the database backend (``django_tasks_db``, a worker runs
``manage.py db_worker``) or Redis/RQ (``django_tasks_rq``) in production, the immediate backend in tests (see
``docs/how-to/background-tasks.md``). Nothing a visitor or an editor does waits on the mail server.

Sending is idempotent: a response is claimed (its ``outcome_notified_at`` set) in one conditional ``UPDATE``
before the message goes out, so two tasks for the same respondent never both send; a failed send gives the
claim back and re-queues the task after a delay (``RETRY_DELAYS``), up to ``MAX_ATTEMPTS`` attempts, then
raises :class:`OutcomeMailError` so that the backend records the failure. The retry policy is the package's
one (:mod:`seismic_wagtail.core.tasks`).
"""

import logging
from functools import partial
from html import unescape

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django_tasks import task
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from seismic_wagtail.core.conf import get_setting
from seismic_wagtail.core.mail import send_templated_mail
from seismic_wagtail.core.tasks import MAX_ATTEMPTS, RETRY_DELAYS, retry_delay, retry_later  # noqa: F401 (re-exported)

from .models import ConsultationPage, ConsultationResponse, ConsultationStatus

logger = logging.getLogger("seismic_wagtail.mail")


class ConfirmationMailError(Exception):
    """The confirmation mail of a response could not be sent (:mod:`seismic_wagtail.core.mail` logged why)."""


class OutcomeMailError(Exception):
    """The outcome mail of a response could not be sent (the mail server refused it or could not be reached;
    :mod:`seismic_wagtail.core.mail` logged why)."""


def has_outcome(page):
    """Whether ``page`` has an outcome with some text (an empty rich-text paragraph is no outcome)."""
    return page is not None and bool(strip_tags(page.outcome or "").strip())


def outcome_is_published(page):
    """Whether respondents should be told about ``page``'s outcome: closed and with an outcome."""
    return page.get_status() == ConsultationStatus.CLOSED and has_outcome(page)


def owed_responses(consultation_key=None):
    """Confirmed responses that asked to be told about the outcome, have an address, and were not told yet."""
    queryset = ConsultationResponse.objects.filter(
        confirmed=True, notify_outcome=True, outcome_notified_at__isnull=True, anonymised_at__isnull=True
    ).exclude(email="")
    if consultation_key is not None:
        queryset = queryset.filter(consultation_key=consultation_key)
    return queryset


def enqueue_outcome_mails(page):
    """Queue one :func:`send_outcome_mail` per respondent of ``page``'s consultation still owed one; returns
    how many were queued. Does nothing unless the consultation is closed and ``page`` has an outcome."""
    if not outcome_is_published(page):
        return 0
    pks = list(owed_responses(page.translation_key).order_by("pk").values_list("pk", flat=True))
    for pk in pks:
        send_outcome_mail.enqueue(pk, page.pk, 1)
    return len(pks)


def outcome_page_for(response, fallback_page_id=None):
    """The live consultation page whose outcome ``response``'s respondent reads: the translation in the language
    they answered in when it has an outcome, else the page ``fallback_page_id`` (the one published), else any
    live language version with an outcome (the default language's first)."""
    pages = ConsultationPage.objects.live().filter(translation_key=response.consultation_key)
    own = pages.filter(locale_id=response.locale_id).first()
    if has_outcome(own):
        return own
    if fallback_page_id is not None:
        fallback = pages.filter(pk=fallback_page_id).first()
        if has_outcome(fallback):
            return fallback
    default_locale_id = Locale.get_default().pk
    candidates = sorted(pages, key=lambda page: (page.locale_id != default_locale_id, page.pk))
    return next((page for page in candidates if has_outcome(page)), None)


def outcome_text(page):
    """The outcome as plain text for the email: paragraphs and list items on their own lines, links expanded."""
    markup = expand_db_html(page.outcome or "")
    for tag in ("</p>", "</li>", "</h2>", "</h3>", "</h4>", "<br>", "<br/>", "<br />"):
        markup = markup.replace(tag, tag + "\n")
    lines = (line.strip() for line in normalize_newlines(strip_tags(markup)).split("\n"))
    return unescape("\n".join(line for line in lines if line))


def send_outcome_message(response, page):
    """Render and send the outcome mail of ``response`` from ``page`` (in ``page``'s language); returns the number
    of messages sent. Override the templates ``email/outcome_subject.txt`` and ``email/outcome_body.txt`` to
    change what it says."""
    url = page.full_url or ""
    if url and page.results_published:
        url = url.rstrip("/") + "/" + page.reverse_subpage("results")
    return send_templated_mail(
        to=[response.email],
        subject_template="seismic_wagtail/consultations/email/outcome_subject.txt",
        body_template="seismic_wagtail/consultations/email/outcome_body.txt",
        context={"page": page, "response": response, "outcome": outcome_text(page), "url": url},
        language=page.locale.language_code,
        from_email=get_setting("CONSULTATION_FROM_EMAIL"),
    )


@task()
def send_outcome_mail(response_id, page_id=None, attempt=1):
    """Send the outcome mail of the response ``response_id`` once; ``page_id`` is the page whose publication
    queued it. Returns ``"sent"`` or why nothing was sent (``"gone"``, ``"not owed"``, ``"no outcome"``);
    raises :class:`OutcomeMailError` after queueing a retry when sending failed."""
    response = ConsultationResponse.objects.filter(pk=response_id).first()
    if response is None:
        return "gone"
    page = outcome_page_for(response, page_id)
    if page is None or page.get_status() != ConsultationStatus.CLOSED:
        return "no outcome"
    claimed_at = timezone.now()
    claimed = owed_responses().filter(pk=response_id).update(outcome_notified_at=claimed_at)
    if not claimed:  # told already (by another task or an earlier run), erased, or no longer asking
        return "not owed"
    response.outcome_notified_at = claimed_at
    if send_outcome_message(response, page):
        return "sent"
    # Give the claim back (only ours: the same timestamp), then try again later.
    ConsultationResponse.objects.filter(Q(pk=response_id) & Q(outcome_notified_at=claimed_at)).update(
        outcome_notified_at=None
    )
    if not retry_later(send_outcome_mail, attempt, response_id, page_id):
        logger.error(
            "Gave up the outcome mail of response %s after %s attempts; seismic_retry_outcome_mails queues it again.",
            response_id,
            attempt,
        )
    raise OutcomeMailError(f"The outcome mail of response {response_id} was not sent (attempt {attempt}).")


# --- the confirmation mail of a new response ----------------------------------------------------------------


def queue_confirmation_mail(page, request, response):
    """Queue the mail with the link that makes ``response`` count, once the response is committed: the
    visitor's submission never waits for the mail server. The link is built here, from the request (the task
    has none)."""
    confirm_url = page.get_confirmation_url(request, response)
    transaction.on_commit(partial(send_confirmation_mail.enqueue, response.pk, page.pk, confirm_url, 1))


@task()
def send_confirmation_mail(response_id, page_id, confirm_url, attempt=1):
    """Send the confirmation mail of the response ``response_id`` through the page's
    :meth:`~.models.ConsultationPage.send_confirmation` (override that, or its templates, to change the mail).
    Returns ``"sent"``, or why nothing was sent (``"gone"``: the response or the page was deleted;
    ``"confirmed"``: nothing left to confirm); raises :class:`ConfirmationMailError` after queueing a retry
    when sending failed."""
    response = ConsultationResponse.objects.filter(pk=response_id).first()
    page = ConsultationPage.objects.filter(pk=page_id).first()
    if response is None or page is None:
        return "gone"
    if response.confirmed:
        return "confirmed"
    if page.specific.send_confirmation(None, response, confirm_url=confirm_url):
        return "sent"
    if not retry_later(send_confirmation_mail, attempt, response_id, page_id, confirm_url):
        logger.error("Gave up the confirmation mail of response %s after %s attempts.", response_id, attempt)
    raise ConfirmationMailError(f"The confirmation mail of response {response_id} was not sent (attempt {attempt}).")
