"""The one spreadsheet export path of the package: every CSV and XLSX export of its admin views goes through
:class:`SafeSpreadsheetExportMixin` (a layer over Wagtail's ``SpreadsheetExportMixin``).

Every text cell, and every heading, is made safe for both formats by :func:`safe_cell`:

* **Formulas** (OWASP "CSV injection"): text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a leading ``'``, so a spreadsheet shows it as text instead of running it
  (``=HYPERLINK("http://x")`` becomes ``'=HYPERLINK("http://x")``).
* **Control characters**: characters XML 1.0 cannot hold (C0 controls other than tab, newline and carriage
  return; lone surrogates; U+FFFE, U+FFFF) become U+FFFD (the replacement character), in CSV too, so both
  files say the same. Without this one stored answer with ``\\x0b`` makes openpyxl fail and every XLSX
  export a 500. The forms refuse such characters since 0.x, but rows stored before stay.

Every export also reads its rows in chunks (:func:`read_in_chunks`), so memory stays bounded however long
the listing is, behind pgbouncer too, and a streamed CSV is written in the language of the request that asked
for it, although its lines are made after the view has returned.

An admin view of a site (or of a subclass) gets the same by putting the mixin before Wagtail's views:
:class:`SafeExportIndexView` (``ModelViewSet``) and :class:`SafeExportSnippetIndexView` (``SnippetViewSet``)
are ready-made.
"""

import re
from functools import reduce
from operator import or_

from django.db import connections
from django.db.models import Model, Q, QuerySet
from django.utils import translation
from wagtail.admin.views.generic import IndexView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

#: What a spreadsheet may run as a formula when a cell starts with it (OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: Characters that XML 1.0 (so XLSX) cannot hold.
ILLEGAL_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_cell(value):
    """``value`` made safe for a spreadsheet cell: illegal characters replaced, formulas neutralised.
    Anything but text is returned unchanged."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_XML_CHARACTERS.sub("\ufffd", value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def read_in_chunks(queryset, chunk_size=2000, *, keyset=("-pk",)):
    """The rows of ``queryset`` (model instances, ``values()`` dicts or ``values_list()`` tuples), read
    ``chunk_size`` at a time, so memory stays bounded by the chunk, not by the result.

    Normally one query with a server-side cursor (``QuerySet.iterator``; PostgreSQL fetches ``chunk_size``
    rows at a time; ``prefetch_related`` is applied per chunk), in the queryset's own order.

    Where the database connection sets ``DISABLE_SERVER_SIDE_CURSORS`` (needed behind pgbouncer in transaction
    mode, where a cursor cannot outlive its transaction) Django would read the whole result into memory
    instead. Then the rows are read one query per chunk by keyset pagination on ``keyset`` (field names, ``-``
    for descending, the last one unique; by default newest id first): each query is ``WHERE (key) after the
    last row's key ORDER BY key LIMIT chunk_size``, which an index on the key answers without an offset.
    A ``values_list()`` must then start with the keyset's fields, in order.
    """
    if not connections[queryset.db].settings_dict.get("DISABLE_SERVER_SIDE_CURSORS"):
        yield from queryset.iterator(chunk_size=chunk_size)
        return
    queryset = queryset.order_by(*keyset)
    last = None
    while True:
        rows = list((queryset if last is None else queryset.filter(_after(keyset, last)))[:chunk_size])
        yield from rows
        if len(rows) < chunk_size:
            return
        last = _key_of(rows[-1], keyset)


def _key_of(row, keyset):
    names = [field.lstrip("-") for field in keyset]
    if isinstance(row, Model):
        return [getattr(row, name) for name in names]
    if isinstance(row, dict):
        return [row[name] for name in names]
    if isinstance(row, tuple):
        return list(row[: len(names)])
    return [row]  # values_list(flat=True)


def _after(keyset, key):
    """The rows after ``key`` in the ``keyset`` order: (a > x) or (a = x and b > y) or ..."""
    branches = []
    for position, field in enumerate(keyset):
        equal = {name.lstrip("-"): value for name, value in zip(keyset[:position], key, strict=False)}
        name = field.lstrip("-")
        after = {f"{name}__{'lt' if field.startswith('-') else 'gt'}": key[position]}
        branches.append(Q(**equal, **after))
    return reduce(or_, branches)


class ExportRows:
    """What Wagtail's export mixin iterates: ``.model`` (for the headings) and the rows."""

    def __init__(self, model, rows):
        self.model = model
        self._rows = rows

    def __iter__(self):
        return iter(self._rows)


class SafeSpreadsheetExportMixin:
    """Put before a view with Wagtail's ``SpreadsheetExportMixin``: every value and heading it writes, in CSV
    and XLSX, goes through :func:`safe_cell`; the rows are read in chunks (:meth:`export_items`); the streamed
    CSV is written in the language of the request.

    Override :meth:`export_items` to export something other than the listing's objects, such as plain dicts
    read with ``values_list`` (then override ``to_row_dict`` to match); ``export_chunk_size`` and
    ``export_keyset`` tune the reading.
    """

    #: How many rows are read per query or cursor fetch.
    export_chunk_size = 2000
    #: The order of the chunked reading where server-side cursors are disabled (see :func:`read_in_chunks`).
    export_keyset = ("-pk",)

    def export_items(self, queryset):
        """What the export writes, one item per row, read in chunks from the listing's queryset."""
        return read_in_chunks(queryset, self.export_chunk_size, keyset=self.export_keyset)

    def _export_rows(self, queryset):
        """The rows Wagtail's mixin iterates. A listing that is not a queryset (a report's decorated list, a
        search backend's results) is written as it is."""
        if not isinstance(queryset, QuerySet):
            return queryset
        return ExportRows(queryset.model, self.export_items(queryset))

    def stream_csv(self, queryset):
        """The CSV, streamed after the view has returned: each line is made in the language of the request
        (the admin user's), as the XLSX, which is written before the view returns."""
        language = translation.get_language()  # now, while the view runs: the lines are made later
        lines = super().stream_csv(self._export_rows(queryset))

        def in_language():
            while True:
                with translation.override(language):
                    line = next(lines, None)
                if line is None:
                    return
                yield line

        return in_language()

    def write_xlsx(self, queryset, output):
        return super().write_xlsx(self._export_rows(queryset), output)

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))


class DirectExportMixin:
    """For a listing view (Wagtail's generic ``IndexView``): an export goes straight from the filtered, sorted
    queryset to the spreadsheet. Wagtail would first build the listing's context, which evaluates the whole
    queryset (its item count and table) before the export reads it again in chunks."""

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)


class SafeExportIndexView(DirectExportMixin, SafeSpreadsheetExportMixin, IndexView):
    """A ``ModelViewSet`` listing whose exports are safe and read in chunks."""


class SafeExportSnippetIndexView(DirectExportMixin, SafeSpreadsheetExportMixin, SnippetIndexView):
    """A ``SnippetViewSet`` listing whose exports are safe and read in chunks."""
