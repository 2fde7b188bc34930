"""The consultations app's signal receivers: tell respondents about the outcome when it is published.

:func:`register_signal_handlers` runs in ``ConsultationsConfig.ready()`` and connects
:func:`queue_outcome_mails` to Wagtail's ``page_published`` with ``sender=`` each consultation page class
(``ConsultationPage`` and a site's subclasses). When a closed consultation with an outcome is published, one
background task per respondent who asked to be told (and was not told yet) is queued once the publication is
committed (:func:`.tasks.enqueue_outcome_mails`); publishing it again tells nobody twice.
"""

from functools import partial

from django.apps import apps
from django.db import transaction
from wagtail.signals import page_published

from .models import ConsultationPage
from .tasks import enqueue_outcome_mails, outcome_is_published


def queue_outcome_mails(sender, instance, **kwargs):
    if outcome_is_published(instance):
        transaction.on_commit(partial(enqueue_outcome_mails, instance))


def consultation_page_models():
    return [model for model in apps.get_models() if issubclass(model, ConsultationPage)]


def register_signal_handlers():
    for model in consultation_page_models():
        page_published.connect(
            queue_outcome_mails,
            sender=model,
            dispatch_uid=f"seismic_consultations_outcome_{model._meta.label_lower}",
        )
