"""One way for tests to translate a page or snippet and publish the translation."""

from django.test import TestCase

from seismic_wagtail.core.translation import translate


def publish_translation(instance, locale, strings=None, **options):
    """``translate()`` (same arguments) and run what wagtail-localize defers to ``transaction.on_commit``.

    The tests run inside a transaction that is never committed, so the publish of a draftable snippet would
    never happen; it is run here. Returns the translation freshly loaded from the database.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation = translate(instance, locale, strings, **options)
    return type(translation).objects.get(pk=translation.pk)
