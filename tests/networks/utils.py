from django.test import TestCase

from seismic_wagtail.core.translation import translate


def translate_now(instance, locale, strings=None):
    """``translate()``, running the publish that wagtail-localize defers to the commit of the transaction.

    The tests run inside a transaction that is never committed, so ``on_commit`` callbacks are run here.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation = translate(instance, locale, strings)
    return translation.__class__.objects.get(pk=translation.pk)
