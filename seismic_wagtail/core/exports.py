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

An admin view of a site (or of a subclass) gets the same by putting the mixin before Wagtail's views:
:class:`SafeExportIndexView` (``ModelViewSet``) and :class:`SafeExportSnippetIndexView` (``SnippetViewSet``)
are ready-made.
"""

import re

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


class SafeSpreadsheetExportMixin:
    """Put before a view with Wagtail's ``SpreadsheetExportMixin``: every value and heading it writes, in CSV
    and XLSX, goes through :func:`safe_cell`."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A ``ModelViewSet`` listing whose exports are safe."""


class SafeExportSnippetIndexView(SafeSpreadsheetExportMixin, SnippetIndexView):
    """A ``SnippetViewSet`` listing whose exports are safe."""
