"""The core app's signal receivers, connected with ``sender=`` by :func:`register_signal_handlers` in
``CoreConfig.ready()``.

- :func:`transliterate_translated_slug`: a wagtail-localize translation of a page's ``slug`` is made ASCII
  with every letter kept (:func:`seismic_wagtail.core.slugs.slugify`) when it is saved. wagtail-localize
  passes the translated slug through Django's ``slugify``, which drops "ı", "ø", "ß"...; an ASCII slug
  passes through unchanged.
"""

from django.db.models.signals import pre_save
from wagtail_localize.models import StringTranslation

from .slugs import slugify

#: The path of a page's slug among a wagtail-localize translation's segments.
SLUG_CONTEXT_PATH = "slug"


def transliterate_translated_slug(sender, instance, **kwargs):
    if instance.context_id is None or not instance.data or instance.data.isascii():
        return
    if instance.context.path == SLUG_CONTEXT_PATH:
        instance.data = slugify(instance.data, allow_unicode=False) or instance.data


def register_signal_handlers():
    pre_save.connect(
        transliterate_translated_slug, sender=StringTranslation, dispatch_uid="seismic_transliterate_translated_slug"
    )
