"""One phase and one set of questions for every language copy of a consultation.

Responses to every language copy pool into one result (they are stored against the shared
``translation_key``), so the copies must never disagree on whether the consultation is open or on which
questions it asks. wagtail-localize copies the synchronised fields into a translation only when an editor
clicks "Sync translated pages"; a copy left unsynced would keep accepting responses after its source closed.
Three rules, none of which needs a sync click:

1. **At request time** a copy reads its phase and the other :data:`SYNCHRONIZED_FIELDS` from the page it was
   translated from (:func:`governing_page`, found through wagtail-localize's ``Translation`` rows: one query
   for the source itself, two for a copy). See ``ConsultationPage.apply_source_settings()``.
2. **When any copy is published** (the source or a translation), the live rows of every copy translated
   from the same source get the source's values at once (:func:`propagate_synchronized_fields`, connected in
   ``signal_handlers.py``), so other code that reads the columns (the purge, the dashboard panel, a site's
   own queries) agrees too, and a stale translation draft cannot bring old dates back.
3. **Questions**: a copy's form and results use the source's questions, choice keys and structural settings
   (required, limits) with the copy's labels where the copy has them and the source's text where it does not
   yet (:func:`merge_questions`), so a question added in the source is asked (in the source language) in
   every copy at once, and a removed one is asked nowhere.

Why not run wagtail-localize's own sync (``TranslationSource.update_from_db()`` and ``save_target()`` on
every translation) when the source is published: ``save_target`` writes each translation's page row, adds a
revision and publishes it in ``transaction.on_commit``, with whatever string translations the translators
have saved so far, bypassing the translation's workflow, and it swallows validation errors (the "Sync"
view suppresses them). Reading the source at request time has no side effect and cannot fail half-way; the
editors' sync click remains what brings the translated labels in.

A page with no ``Translation`` row naming it as a target (the source, or a copy made without wagtail-localize)
governs itself; so does every page of a site that leaves ``wagtail_localize`` out of ``INSTALLED_APPS``.
"""

import dataclasses

from django.apps import apps

#: The settings a copy always takes from its source (wagtail-localize ``SynchronizedField``s, not overridable).
SYNCHRONIZED_FIELDS = (
    "opens_at",
    "closes_at",
    "require_confirmation",
    "results_visibility",
    "retention_days",
    "results_licence",
)


def translation_edges(translation_key):
    """``{target locale id: source locale id}`` of every wagtail-localize translation of the object (one query;
    none, and ``{}``, when the site leaves ``wagtail_localize`` out of ``INSTALLED_APPS``)."""
    if not apps.is_installed("wagtail_localize"):
        return {}
    from wagtail_localize.models import Translation  # only when installed (above)

    return dict(
        Translation.objects.filter(source__object_id=translation_key).values_list(
            "target_locale_id", "source__locale_id"
        )
    )


def root_locale_id(locale_id, edges):
    """Follow ``edges`` from ``locale_id`` to the locale of the original source (a copy of a copy included)."""
    seen = {locale_id}
    while locale_id in edges and edges[locale_id] not in seen:
        locale_id = edges[locale_id]
        seen.add(locale_id)
    return locale_id


def source_in(page, edges):
    """``(source page or None, its locale id)``: the original source of ``page``'s translation along ``edges``
    (:func:`translation_edges`), ``page`` itself when it is the source; one query for a copy, none otherwise."""
    root_id = root_locale_id(page.locale_id, edges)
    if root_id == page.locale_id:
        return page, root_id
    source = (
        type(page)._default_manager.filter(translation_key=page.translation_key, locale_id=root_id).exclude(pk=page.pk)
    ).first()
    return source, root_id


def governing_page(page):
    """The page whose phase, settings and questions ``page`` follows: the original source of its
    translation, or ``page`` itself (one query when ``page`` is the source, two for a copy)."""
    source, _root_id = source_in(page, translation_edges(page.translation_key))
    return source or page


def synchronized_values(page):
    return {name: getattr(page, name) for name in SYNCHRONIZED_FIELDS}


def propagate_synchronized_fields(page):
    """Give every copy translated (directly or not) from ``page``'s source the source's synchronised values,
    in the database (an ``UPDATE`` of the live rows, no revision) and on ``page`` itself. Returns the number
    of rows updated."""
    edges = translation_edges(page.translation_key)
    source, root_id = source_in(page, edges)
    if source is None:
        return 0
    values = synchronized_values(source)
    copies = [target for target in edges if target != root_id and root_locale_id(target, edges) == root_id]
    if source is not page:
        for name, value in values.items():
            setattr(page, name, value)
    if not copies:
        return 0
    return (
        type(page)._default_manager.filter(translation_key=page.translation_key, locale_id__in=copies).update(**values)
    )


def merge_questions(source_questions, own_questions):
    """The source's questions, labelled with a copy's translations where the copy has the same question.

    Structure comes from the source: which questions, their order, kind, id, whether required, their limits
    and their choice keys. Text comes from the copy when it has the question (same id and kind) and the
    choice (same key), and from the source otherwise. A rating's subject is the copy's heading of the same
    agenda section.
    """
    own_by_id = {question.id: question for question in own_questions}
    merged = []
    for source in source_questions:
        own = own_by_id.get(source.id)
        if own is None or own.kind != source.kind:
            merged.append(source)
            continue
        own_choices = dict(own.choices)
        question = dataclasses.replace(
            source,
            label=own.label or source.label,
            help_text=own.help_text or source.help_text,
            low_label=own.low_label or source.low_label,
            high_label=own.high_label or source.high_label,
            choices=[(key, own_choices.get(key) or label) for key, label in source.choices],
        )
        if own.subject and own.subject_id == source.subject_id:
            question.subject = own.subject
        merged.append(question)
    return merged
