"""Translate pages and snippets through wagtail-localize's own machinery, from code.

Demo content, tests and import scripts use :func:`translate` so that what they create is exactly what an
editor would get from wagtail-localize's editor: a ``TranslationSource``, a ``Translation`` and one
``StringTranslation`` per segment. The translation status report and "update translations" then see it.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@transaction.atomic
def translate(
    instance,
    locale,
    strings=None,
    *,
    publish=True,
    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    tool_name="",
):
    """Create or update the ``locale`` translation of ``instance`` and return it.

    ``strings`` maps source text to its translation; any source string not in it keeps the source text
    (wagtail-localize's fallback), so ``translate(page, locale)`` makes an untranslated copy that editors
    can translate later. Parent pages are copied into ``locale`` first when they are missing, as
    wagtail-localize's editor does. ``translation_type`` ``"machine"`` marks strings as machine-made.
    """
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    if isinstance(instance, Page):
        instance = instance.specific
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if strings:
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            text = segment.string.data
            if text in strings:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": strings[text],
                        "translation_type": translation_type,
                        "tool_name": tool_name,
                    },
                )
    if isinstance(instance, Page) and publish:
        # wagtail-localize publishes a page translation in ``transaction.on_commit``, from a revision whose
        # page object was loaded before anything else happened in the transaction: when children are added
        # to the translation before the commit (demo content, imports, tests), that late publish writes a
        # stale ``numchild`` of 0 and the children 404. Save the revision as a draft and publish it now.
        translation.save_target(publish=False)
        instance.get_translation(locale).get_latest_revision().publish()
    else:
        translation.save_target(publish=publish)
    return instance.get_translation(locale)
