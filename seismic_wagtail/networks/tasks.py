"""Background tasks of the networks app (``django_tasks``; the retry policy is :mod:`seismic_wagtail.core.tasks`).

:func:`send_join_notification_mail` tells a network's contact about a new join request. The join form's view
queues it once the request is committed (:func:`queue_join_notification`), so the visitor who asks to join
never waits for the mail server; a failed send is retried. Models are looked up by label here (the page's
routes call the views, which queue this task: no import loop with ``models.py``).
"""

import logging
from functools import partial

from django.apps import apps
from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from seismic_wagtail.core.tasks import retry_later

logger = logging.getLogger("seismic_wagtail.mail")


class JoinNotificationError(Exception):
    """The notification of a join request could not be sent (:mod:`seismic_wagtail.core.mail` logged why)."""


def queue_join_notification(page, join_request):
    """Queue the contact's notification about ``join_request`` once it is committed."""
    transaction.on_commit(partial(send_join_notification_mail.enqueue, join_request.pk, page.pk, 1))


@task()
def send_join_notification_mail(join_request_id, page_id, attempt=1):
    """Send the notification about the join request ``join_request_id`` through the network page's
    ``send_join_notification()`` (override that, or its templates, to change the mail). Returns ``"sent"``, or
    ``"gone"`` when the request or the page was deleted in the meantime; raises :class:`JoinNotificationError`
    after queueing a retry when sending failed."""
    join_request = apps.get_model("seismic_networks", "NetworkJoinRequest").objects.filter(pk=join_request_id).first()
    page = Page.objects.filter(pk=page_id).first()
    if join_request is None or page is None:
        return "gone"
    if page.specific.send_join_notification(join_request):
        return "sent"
    if not retry_later(send_join_notification_mail, attempt, join_request_id, page_id):
        logger.error("Gave up the notification of join request %s after %s attempts.", join_request_id, attempt)
    raise JoinNotificationError(f"The notification of join request {join_request_id} was not sent (attempt {attempt}).")
