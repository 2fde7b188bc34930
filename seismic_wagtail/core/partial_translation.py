"""Which parts of a translated page still show the source language (wagtail-localize's fallback).

wagtail-localize publishes a translation even when some strings have no translation yet: those strings keep
the source text. :func:`get_partial_translation` finds them for one page, in one query, and answers two
questions for the templates:

- *Is this part of the page still in the source language?* ``{% seismic_lang_attr %}`` (``seismic_lang``
  template tags) asks :meth:`PartialTranslation.source_language_of` and prints ``lang`` (and ``dir`` when the
  direction differs) on the element that holds the part, so that screen readers and browsers (hyphenation,
  spelling, fonts) treat English text on a Turkish page as English.
- *Which parts are they?* :meth:`PartialTranslation.parts` names them (a field's ``verbose_name``, a
  StreamField block's label) for the notice "Some parts of this page are not translated yet"
  (:func:`seismic_wagtail.core.i18n.get_partial_translation_notice`).

A part is in the source language when **every** string segment under its path
(wagtail-localize's ``TranslationContext.path``, e.g. ``body.<block id>.figures.<item id>.label``) has no
``StringTranslation`` in the page's locale that existed when the page was last published. A part with some
strings translated and others not (two paragraphs of one rich text, one translated) is *mixed*: it gets no
``lang`` (the element cannot say two languages; its translated strings are the larger claim to be wrong
about), and the notice names it.

Known limits: a source updated in wagtail-localize but not yet re-published into the translation is judged
by the current source's segments; rich text is judged as a whole block, not paragraph by paragraph.

For the admin (the translation status report), :func:`untranslated_segments` is the query behind it and
:func:`has_untranslated_segments` an ``Exists`` expression to annotate many pages in one query.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, Model, OuterRef, Q
from django.utils.translation import get_language_info
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.models import Page

__all__ = [
    "METADATA_FIELDS",
    "PartialTranslation",
    "get_partial_translation",
    "has_untranslated_segments",
    "untranslated_segments",
]

#: Fields that are translated but never shown in the page's body: left out of the notice. A page class can
#: set ``partial_translation_ignored_fields`` to its own tuple.
METADATA_FIELDS = ("slug", "seo_title", "search_description")


def _localize_models():
    # Imported here: wagtail_localize is optional for the package's core (see i18n.has_unreviewed_machine_translation).
    from wagtail_localize.models import StringSegment, StringTranslation

    return StringSegment, StringTranslation


def _translation_exists(StringTranslation, locale_id, published_at=None):
    conditions = {
        "translation_of_id": OuterRef("string_id"),
        "context_id": OuterRef("context_id"),
        "locale_id": locale_id,
        "has_error": False,
    }
    if published_at is not None:
        # A translation saved after the page was last published is not on the live page yet.
        conditions["created_at__lte"] = published_at
    return Exists(StringTranslation.objects.filter(**conditions))


def untranslated_segments(page):
    """The ``StringSegment`` queryset of ``page``'s source whose strings the live ``page`` shows untranslated.

    Empty unless ``page`` is the target of an enabled wagtail-localize ``Translation`` from another locale.
    Includes metadata fields (the slug); :class:`PartialTranslation` leaves those out.
    """
    StringSegment, StringTranslation = _localize_models()
    return (
        _segments_of(page, StringSegment)
        .annotate(translated=_translation_exists(StringTranslation, page.locale_id, page.last_published_at))
        .filter(translated=False)
    )


def _segments_of(page, StringSegment):
    return StringSegment.objects.filter(
        source__object_id=page.translation_key,
        source__translations__target_locale_id=page.locale_id,
        source__translations__enabled=True,
    ).exclude(source__locale_id=page.locale_id)


def has_untranslated_segments(ignored_fields=METADATA_FIELDS):
    """An ``Exists`` expression, true for a page that shows some source-language strings, for annotating a
    page queryset in one query: ``Page.objects.annotate(partly=has_untranslated_segments())``.

    Same rule as :func:`untranslated_segments`, without the last-published time (a report counts what is
    translated now), and leaving out ``ignored_fields``.
    """
    StringSegment, StringTranslation = _localize_models()
    segments = StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__translations__target_locale_id=OuterRef("locale_id"),
        source__translations__enabled=True,
    ).exclude(source__locale_id=OuterRef("locale_id"))
    for name in ignored_fields:
        segments = segments.exclude(Q(context__path=name) | Q(context__path__startswith=f"{name}."))
    missing = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("locale_id")),
        has_error=False,
    )
    return Exists(segments.filter(~Exists(missing)))


@dataclass
class Part:
    """A part of the page named in the notice: a field, or a top-level block of a StreamField."""

    path: tuple
    name: str
    mixed: bool = False


@dataclass
class PartialTranslation:
    """The state of a translated page's string segments, by path.

    ``source_language``: the code of the language untranslated strings are shown in. ``counts`` maps every
    path and every prefix of a path to ``[untranslated, translated]`` segment counts. ``machine_translated``:
    some current segment has a machine translation no person has touched (the rule of
    :func:`seismic_wagtail.core.i18n.has_unreviewed_machine_translation`, read in the same query). Built by
    :func:`get_partial_translation`; cached on the page instance.
    """

    page: object
    source_language: str = ""
    counts: dict = field(default_factory=dict)
    order: dict = field(default_factory=dict)
    machine_translated: bool = False
    _objects: dict | None = None

    def state(self, path):
        """``"source"`` (every string under ``path`` untranslated), ``"mixed"``, ``"translated"``, or ``None``
        when the page's source has no string there."""
        untranslated, translated = self.counts.get(tuple(path), (0, 0))
        if not untranslated:
            return "translated" if translated else None
        return "mixed" if translated else "source"

    def path_of(self, obj):
        """The segment path of ``obj``: the page itself (``()``), a row of one of its inline panels (by its
        translation key), or a value of one of its StreamFields (a ``StreamChild`` or ``ListChild``, a
        ``StructValue``, a rich text, a string...), found by identity among the values of the page the
        template renders; ``None`` when it is not one of them."""
        if obj is self.page:
            return ()
        if obj is None or isinstance(obj, Page):
            return None
        if isinstance(obj, Model) and getattr(obj, "translation_key", None) is not None:
            return self._row_path(obj)
        if self._objects is None:
            self._objects = self._index_objects()
        entry = self._objects.get(id(obj))
        return entry[1] if isinstance(entry, tuple) and entry[0] is obj else None

    def _row_path(self, row):
        """The path of an inline panel's row (wagtail-localize: ``<relation>.<row's translation key>``)."""
        for path in self.counts:
            if len(path) != 1:
                continue
            try:
                relation = self.page._meta.get_field(path[0])
            except FieldDoesNotExist:
                continue
            if relation.is_relation and relation.auto_created and isinstance(row, relation.related_model):
                return (path[0], str(row.translation_key))
        return None

    def source_language_of(self, obj, *names):
        """The source language code when ``obj`` (then ``names`` below it: field names, block or item ids)
        shows only untranslated strings, else ``None``."""
        path = self.path_of(obj)
        if path is None:
            return None
        path = (*path, *(str(name) for name in names))
        return self.source_language if self.state(path) == "source" else None

    def lang_attributes(self, obj, *names):
        """``{"lang": ..., "dir": ...}`` for the element that holds ``obj`` (``dir`` only when the source
        language's direction differs from the page's), or ``{}``."""
        code = self.source_language_of(obj, *names)
        if code is None:
            return {}
        attributes = {"lang": code}
        source_bidi = _is_bidi(code)
        if source_bidi != _is_bidi(self.page.locale.language_code):
            attributes["dir"] = "rtl" if source_bidi else "ltr"
        return attributes

    def parts(self):
        """The :class:`Part` list of the page with untranslated strings, in the page's order, deduplicated by
        name: fields by ``verbose_name`` (metadata fields left out, see :data:`METADATA_FIELDS`), blocks of a
        StreamField by their label. Blocks the live page does not have (a newer source) are left out."""
        ignored = set(getattr(self.page, "partial_translation_ignored_fields", METADATA_FIELDS))
        if self._objects is None:
            self._objects = self._index_objects()
        children = self._objects.get("stream children", {})
        parts, seen = [], set()
        tops = sorted(
            (path for path in self.counts if len(path) in (1, 2)),
            key=lambda path: self.order.get(path, 0),
        )
        for path in tops:
            state = self.state(path)
            if state not in ("source", "mixed") or path[0] in ignored:
                continue
            stream = isinstance(getattr(self.page, path[0], None), StreamValue)
            if stream != (len(path) == 2):
                continue  # a stream field is named by its blocks; a plain field by itself
            if stream:
                child = children.get(path)
                if child is None:
                    continue
                name = child.block.label
            else:
                name = _field_name(self.page, path[0])
            if str(name) in seen:
                continue
            seen.add(str(name))
            parts.append(Part(path=path, name=name, mixed=state == "mixed"))
        return parts

    def _index_objects(self):
        """``id(value) -> (value, path)`` for every value in the page's StreamFields with segments. A value
        reached by two paths (a short string Python shares) maps to nothing."""
        index = {"stream children": {}}  # and the top-level blocks of each StreamField, by path

        def add(obj, path):
            if obj is None or isinstance(obj, bool | int | float | Model):
                return  # shared by Python, or not the block's text
            key = id(obj)
            if key in index and index[key][1] != path:
                index[key] = (None, None)
            else:
                index[key] = (obj, path)

        def walk(value, path):
            if isinstance(value, StreamValue):
                for child in value:
                    child_path = (*path, str(child.id))
                    if len(child_path) == 2:
                        index["stream children"][child_path] = child
                    add(child, child_path)
                    add(child.value, child_path)
                    walk(child.value, child_path)
            elif isinstance(value, ListValue):
                for child in value.bound_blocks:
                    child_path = (*path, str(child.id))
                    add(child, child_path)
                    add(child.value, child_path)
                    walk(child.value, child_path)
            elif isinstance(value, StructValue):
                for name, item in value.items():
                    add(item, (*path, name))
                    walk(item, (*path, name))

        for path in self.counts:
            if len(path) == 1:
                value = getattr(self.page, path[0], None)
                if isinstance(value, StreamValue):
                    add(value, path)
                    walk(value, path)
        return index


def _field_name(page, name):
    try:
        model_field = page._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    if model_field.is_relation and model_field.auto_created:  # an inline panel's rows
        return model_field.related_model._meta.verbose_name_plural
    return model_field.verbose_name


def _is_bidi(code):
    try:
        return bool(get_language_info(code)["bidi"])
    except KeyError:
        return False


def get_partial_translation(page):
    """The :class:`PartialTranslation` of ``page`` (one query, cached on the instance), or ``None`` when
    ``page`` is not a wagtail-localize translation or wagtail-localize is not installed."""
    cached = getattr(page, "_seismic_partial_translation", False)
    if cached is not False:
        return cached
    page._seismic_partial_translation = result = read_partial_translation(page)
    return result


def read_partial_translation(page):
    """:func:`get_partial_translation` read afresh (one query), not cached."""
    result = None
    if apps.is_installed("wagtail_localize") and getattr(page, "pk", None) and page.translation_key:
        StringSegment, StringTranslation = _localize_models()
        machine = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=page.locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            has_error=False,
        )
        rows = (
            _segments_of(page, StringSegment)
            .annotate(
                translated=_translation_exists(StringTranslation, page.locale_id, page.last_published_at),
                machine=Exists(machine),
            )
            .values_list("context__path", "translated", "source__locale__language_code", "order", "machine")
        )
        counts, order, source_language, machine_translated = {}, {}, "", False
        for path_text, translated, language_code, position, machine_row in rows:
            source_language = language_code
            machine_translated = machine_translated or machine_row
            path = tuple(path_text.split("."))
            for end in range(len(path) + 1):
                prefix = path[:end]
                counts.setdefault(prefix, [0, 0])[1 if translated else 0] += 1
                order[prefix] = min(order.get(prefix, position), position)
        if counts:
            result = PartialTranslation(
                page=page,
                source_language=source_language,
                counts=counts,
                order=order,
                machine_translated=machine_translated,
            )
    return result
