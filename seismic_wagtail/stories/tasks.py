"""Background tasks of the stories app (``django_tasks``; the retry policy is :mod:`seismic_wagtail.core.tasks`).

:func:`syndicate_partner` runs story syndication for one partner site (:func:`~.syndication.sync.syndicate`).
``manage.py seismic_syndicate --queue`` and the admin's "Sync now" queue it (:func:`queue_syndication`), so no
editor waits on a partner site. A run that could not read the partner to the end queues itself again with a
growing delay (1 min, 10 min, 1 h, 6 h; at most five attempts); what was copied before the failure stays,
complete, and the next attempt takes up the rest. Schedule the command itself (cron) for regular runs.
"""

import logging
from functools import partial

from django.db import transaction
from django_tasks import task

from seismic_wagtail.core.tasks import retry_later

from .syndication.models import SyndicationPartner
from .syndication.sync import syndicate

logger = logging.getLogger("seismic_wagtail.syndication")


class SyndicationFailed(Exception):
    """A partner could not be read to the end (its ``last_error`` says why); a retry is queued."""


def queue_syndication(partner):
    """Queue a run of ``partner`` once the current transaction is committed."""
    transaction.on_commit(partial(syndicate_partner.enqueue, partner.pk, 1))


@task()
def syndicate_partner(partner_id, attempt=1):
    """Run syndication for the partner ``partner_id``; returns the run's counts, or ``"gone"`` when the partner
    was deleted. Raises :class:`SyndicationFailed` after queueing a retry when the partner failed."""
    partner = SyndicationPartner.objects.filter(pk=partner_id).first()
    if partner is None:
        return "gone"
    report = syndicate(partner)
    if report.ok:
        return dict(report.counts)
    if not retry_later(syndicate_partner, attempt, partner_id):
        logger.error("Gave up syndicating %s after %s attempts: %s", partner, attempt, report.error)
    raise SyndicationFailed(f"{partner}: {report.error} (attempt {attempt})")
