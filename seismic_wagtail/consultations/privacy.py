"""Erasure, anonymisation and retention of consultation responses (GDPR articles 17 and 5(1)(e)).

Used by the ``seismic_erase_responses`` and ``seismic_purge_responses`` commands, the admin's "Erase or
anonymise" view and, through :data:`PERSONAL_DATA`, the package-wide ``seismic_erase_personal_data`` and
``seismic_purge_personal_data`` commands. Every function runs in one transaction and returns the number of responses it
touched.
"""

import datetime

from django.apps import apps
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from seismic_wagtail.core.conf import get_setting
from seismic_wagtail.core.personal_data import PersonalData

from .frozen import freeze_responses
from .models import ConsultationAnswer, ConsultationPage, ConsultationResponse, PublicationConsent
from .questions import TEXT


def responses_of(email):
    return (
        ConsultationResponse.objects.filter(email__iexact=email.strip())
        if email and email.strip()
        else (ConsultationResponse.objects.none())
    )


@transaction.atomic
def erase_responses(email):
    """Delete every response given with ``email`` (with its answers), from the results too.

    Nothing is frozen: a person who asks for erasure withdraws their contribution, and the published counts
    drop by their response. :func:`anonymise_responses` is the way to keep it counted without the identity.
    """
    queryset = responses_of(email)
    count = queryset.count()
    ConsultationAnswer.objects.filter(response__in=queryset).delete()
    queryset.delete()
    return count


@transaction.atomic
def anonymise_responses(email):
    """Keep the answers of every response given with ``email`` for the results, but remove who gave them.

    Name, email, organisation and city are cleared, free-text answers (which can name a person) are
    deleted, and a consent to publish with the name becomes a consent to publish anonymously.
    """
    queryset = responses_of(email)
    ids = list(queryset.values_list("pk", flat=True))
    ConsultationAnswer.objects.filter(response_id__in=ids, kind=TEXT).delete()
    ConsultationResponse.objects.filter(pk__in=ids, consent=PublicationConsent.PUBLIC).update(
        consent=PublicationConsent.ANONYMOUS
    )
    ConsultationResponse.objects.filter(pk__in=ids).update(
        name="", email="", organisation_name="", city="", anonymised_at=timezone.now()
    )
    return len(ids)


def retention_periods():
    """``{translation key: days}``: each consultation's retention period, as its translation source sets it
    (translated copies follow the source: see :mod:`.synchronization`; a page that is no wagtail-localize
    target governs itself, and when several do, the strictest period applies)."""
    pages = ConsultationPage.objects.filter(retention_days__isnull=False)
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import Translation  # only when installed (above)

        is_copy = Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
        )
        pages = pages.exclude(Exists(is_copy))
    retention = {}
    for key, days in pages.values_list("translation_key", "retention_days"):
        retention[key] = min(days, retention.get(key, days))
    return retention


@transaction.atomic
def purge_responses(now=None, dry_run=False):
    """Delete responses older than their consultation's retention period, and unconfirmed responses whose
    confirmation link has expired. Returns ``{"retention": n, "unconfirmed": m}``.

    The published results stay as they were: before the confirmed responses go, their counts are frozen in
    the same transaction (:func:`.frozen.freeze_responses`), and the results add the frozen counts. Unconfirmed
    responses never counted and are not frozen."""
    now = now or timezone.now()
    retention = retention_periods()
    condition = Q(pk__in=[])
    for key, days in retention.items():
        condition |= Q(consultation_key=key, submitted_at__lt=now - datetime.timedelta(days=days))
    expired = ConsultationResponse.objects.filter(condition)
    max_age = datetime.timedelta(seconds=get_setting("CONSULTATION_CONFIRMATION_MAX_AGE"))
    unconfirmed = ConsultationResponse.objects.filter(confirmed=False, submitted_at__lt=now - max_age).exclude(
        condition
    )
    counts = {"retention": expired.count(), "unconfirmed": unconfirmed.count()}
    if not dry_run:
        freeze_responses(expired)
        for queryset in (expired, unconfirmed):
            ConsultationAnswer.objects.filter(response__in=queryset).delete()
            queryset.delete()
    return counts


def count_responses(email):
    return responses_of(email).count()


#: Consultation responses in the package's personal-data mechanism (:mod:`seismic_wagtail.core.personal_data`).
PERSONAL_DATA = PersonalData(
    name="consultation responses",
    count=count_responses,
    erase=erase_responses,
    anonymise=anonymise_responses,
    purge=purge_responses,
    model=ConsultationResponse,
)
