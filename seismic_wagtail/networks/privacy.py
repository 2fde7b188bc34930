"""Erasure and retention of join requests (GDPR articles 17 and 5(1)(e)).

:data:`PERSONAL_DATA` puts join requests into the package's personal-data mechanism
(:mod:`seismic_wagtail.core.personal_data`): ``seismic_erase_personal_data --email ...`` deletes a person's
join requests, and ``seismic_purge_personal_data`` deletes those older than
``SEISMIC_WAGTAIL["JOIN_REQUEST_RETENTION_DAYS"]``. A join request is an application: without the name,
address and project it says nothing, so "anonymise" erases it too.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from seismic_wagtail.core.conf import get_setting
from seismic_wagtail.core.personal_data import PersonalData

from .models import NetworkJoinRequest


def join_requests_of(email):
    email = (email or "").strip()
    return NetworkJoinRequest.objects.filter(email__iexact=email) if email else NetworkJoinRequest.objects.none()


def count_join_requests(email):
    return join_requests_of(email).count()


@transaction.atomic
def erase_join_requests(email):
    """Delete every join request sent with ``email``."""
    queryset = join_requests_of(email)
    count = queryset.count()
    queryset.delete()
    return count


@transaction.atomic
def purge_join_requests(now=None, dry_run=False):
    """Delete join requests older than ``JOIN_REQUEST_RETENTION_DAYS`` (nothing when it is None).
    Returns ``{"retention": n}``."""
    days = get_setting("JOIN_REQUEST_RETENTION_DAYS")
    if days is None:
        return {"retention": 0}
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    expired = NetworkJoinRequest.objects.filter(created_at__lt=cutoff)
    count = expired.count()
    if not dry_run:
        expired.delete()
    return {"retention": count}


#: Join requests in the package's personal-data mechanism.
PERSONAL_DATA = PersonalData(
    name="join requests",
    count=count_join_requests,
    erase=erase_join_requests,
    purge=purge_join_requests,
    model=NetworkJoinRequest,
)
