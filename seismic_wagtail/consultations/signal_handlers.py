"""The consultations app's signal receivers, connected with ``sender=`` in ``ConsultationsConfig.ready()``.

:func:`synchronize_language_copies` (``page_published``, ``sender=ConsultationPage`` and its subclasses):
when any language copy of a consultation is published, every copy translated from the same source gets the
source's opening, closing and response settings at once (see :mod:`.synchronization`).
"""

from django.apps import apps
from wagtail.signals import page_published

from .models import ConsultationPage
from .synchronization import propagate_synchronized_fields


def synchronize_language_copies(sender, instance, **kwargs):
    """Publishing the source closes, opens or reconfigures every copy at once; publishing a copy takes the
    source's values, so a stale draft cannot bring old dates back."""
    propagate_synchronized_fields(instance)


def consultation_page_models():
    return [model for model in apps.get_models() if issubclass(model, ConsultationPage)]


def register_signal_handlers():
    for model in consultation_page_models():
        page_published.connect(
            synchronize_language_copies,
            sender=model,
            dispatch_uid=f"seismic_consultations_synchronize_{model._meta.label_lower}",
        )
