"""The consultations app's signal receivers, connected with ``sender=`` each consultation page class
(``ConsultationPage`` and a site's subclasses) by :func:`register_signal_handlers` in
``ConsultationsConfig.ready()``. Two receivers of Wagtail's ``page_published``, in this order:

- :func:`synchronize_language_copies`: when any language copy of a consultation is published, every copy
  translated from the same source gets the source's opening, closing and response settings at once (see
  :mod:`.synchronization`).
- :func:`queue_outcome_mails`: tell respondents about the outcome when it is published. When a closed
  consultation with an outcome is published, one background task per respondent who asked to be told (and
  was not told yet) is queued once the publication is committed (:func:`.tasks.enqueue_outcome_mails`);
  publishing it again tells nobody twice.

And one receiver of ``post_save``: :func:`assign_review_workflow` gives a new consultation page (or a new
translation of one) the package's review workflow when the site installed it (:mod:`.roles`).
"""

from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.signals import page_published

from .models import ConsultationPage
from .roles import on_consultation_page_created
from .synchronization import propagate_synchronized_fields
from .tasks import enqueue_outcome_mails, outcome_is_published


def synchronize_language_copies(sender, instance, **kwargs):
    """Publishing the source closes, opens or reconfigures every copy at once; publishing a copy takes the
    source's values, so a stale draft cannot bring old dates back."""
    propagate_synchronized_fields(instance)


def queue_outcome_mails(sender, instance, **kwargs):
    if outcome_is_published(instance):
        transaction.on_commit(partial(enqueue_outcome_mails, instance))


def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        on_consultation_page_created(instance)


def consultation_page_models():
    return [model for model in apps.get_models() if issubclass(model, ConsultationPage)]


def register_signal_handlers():
    for model in consultation_page_models():
        page_published.connect(
            synchronize_language_copies,
            sender=model,
            dispatch_uid=f"seismic_consultations_synchronize_{model._meta.label_lower}",
        )
        page_published.connect(
            queue_outcome_mails,
            sender=model,
            dispatch_uid=f"seismic_consultations_outcome_{model._meta.label_lower}",
        )
        post_save.connect(
            assign_review_workflow,
            sender=model,
            dispatch_uid=f"seismic_consultations_workflow_{model._meta.label_lower}",
        )
