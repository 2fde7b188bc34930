"""Machine translation of published free-text answers ("Show in my language" on the results page).

The translator is wagtail-localize's, as configured for the site in ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``
(DeepL, LibreTranslate, Google, or the ``DummyTranslator`` in tests; see
:func:`wagtail_localize.machine_translators.get_machine_translator`). Nothing is translated unless a visitor
asks (``?translate=1``), and each translation is kept in Django's default cache, keyed by the answer's id
and the target language, for :data:`CACHE_TIMEOUT` seconds: a popular answer is sent to the translation
service once per language, not once per visitor.

Without a configured translator, or when it fails (the service is down, over quota, refuses the pair of
languages), :func:`translate_answers` leaves the answers as written and returns a notice; the page never
breaks because of the service. A city overrides the behaviour by replacing :func:`translate_answers` in
its own view, or the cache time with ``CACHE_TIMEOUT``.
"""

import logging

from django.core.cache import cache
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)

#: How long a machine translation of an answer stays in the cache, in seconds (30 days). Answers do not
#: change once written; an erased answer is no longer shown, so its cached translation is never read.
CACHE_TIMEOUT = 30 * 24 * 60 * 60


def cache_key(answer_id, language):
    """The cache key of answer ``answer_id`` translated into ``language``."""
    return f"seismic:consultation-answer-mt:{answer_id}:{language}"


def translator_available():
    """True when the site has a machine translator configured (and it can be loaded)."""
    try:
        return get_machine_translator() is not None
    except Exception:  # a bad CLASS path or options: treated as "not configured", and logged
        logger.exception("The machine translator (WAGTAILLOCALIZE_MACHINE_TRANSLATOR) could not be loaded")
        return False


def translate_answers(answers, target_language):
    """Fill ``answer.translation`` of every :class:`~.results.TextAnswer` in ``answers`` that is written in
    another language than ``target_language``. Returns a notice (``""`` when all went well).

    Cached translations are read in one ``get_many``; the rest go to the translator in one call per source
    language and are cached with ``set_many``.
    """
    foreign = [answer for answer in answers if answer.language and answer.language != target_language]
    if not foreign:
        return ""
    cached = cache.get_many([cache_key(answer.id, target_language) for answer in foreign])
    missing = []
    for answer in foreign:
        translation = cached.get(cache_key(answer.id, target_language))
        if translation is None:
            missing.append(answer)
        else:
            answer.translation = translation
    if not missing:
        return ""
    try:
        translator = get_machine_translator()
    except Exception:
        logger.exception("The machine translator (WAGTAILLOCALIZE_MACHINE_TRANSLATOR) could not be loaded")
        translator = None
    if translator is None:
        return _("Machine translation is not available on this site. The answers are shown as written.")
    target = Locale(language_code=target_language)
    by_source = {}
    for answer in missing:
        by_source.setdefault(answer.language, []).append(answer)
    failed = False
    fresh = {}
    for source_language, group in by_source.items():
        source = Locale(language_code=source_language)
        try:
            if not translator.can_translate(source, target):
                failed = True
                continue
            strings = {answer.id: StringValue.from_plaintext(answer.text) for answer in group}
            translated = translator.translate(source, target, list(strings.values()))
            for answer in group:
                result = translated.get(strings[answer.id])
                if result is None:
                    failed = True
                    continue
                answer.translation = result.render_text()
                fresh[cache_key(answer.id, target_language)] = answer.translation
        except Exception:  # the service is down, over quota or answers nonsense: show the originals
            logger.exception("Machine translation of consultation answers from %s failed", source_language)
            failed = True
    if fresh:
        cache.set_many(fresh, CACHE_TIMEOUT)
    if failed:
        return _("Some answers could not be translated automatically just now. They are shown as written.")
    return ""
