"""Admin views of the core app: the translation status report and its menu item.

``TranslationStatusReportView`` lists the package's source pages (see
:func:`seismic_wagtail.core.translation_status.source_pages`) against the site's locales, a compact cell per
language (a colour, an icon and a short label for the state: source, up to date, machine translated and not
reviewed, live and partly translated, in progress, out of date or missing), each linking to the
wagtail-localize view that acts on it, and under it the page's review state when it is in a Wagtail workflow
("In review: <task>", "Changes requested: <task>"). Above the table, a summary per language (the share up to
date as a bar with its figure, and the count of pages in each state) and a legend of the states.

Filters: page type, source language, not translated into, country, review, and those other apps add with the
``register_seismic_translation_status_filter`` hook (the networks app adds "Network"; see
:class:`~seismic_wagtail.core.translation_status.ReportFilter`). CSV and XLSX exports, with the states' full
labels and a "Review" column.

To change the look, override the templates ``seismic_wagtail/core/admin/translation_status*.html`` or the
colours (CSS custom properties in ``seismic_wagtail/css/translation-status-admin.css``); to change a state's
short label or icon, :data:`~seismic_wagtail.core.translation_status.STATUS_DISPLAY`.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, WorkflowState

from . import translation_status
from .exports import SafeSpreadsheetExportMixin
from .i18n import content_locales
from .swappable import get_model_by_label

PERMISSION = "wagtail_localize.submit_translation"


def _page_type_choices():
    return sorted(
        (
            (model._meta.label_lower, capfirst(model._meta.verbose_name))
            for model in translation_status.report_page_models()
        ),
        key=lambda choice: str(choice[1]),
    )


def _country_choices():
    used = set()
    for model in translation_status.report_page_models():
        if translation_status.has_field(model, "country"):
            used.update(model.objects.exclude(country="").values_list("country", flat=True).distinct())
    return sorted(((code, countries.name(code)) for code in used if code), key=lambda choice: str(choice[1]))


def _locale_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in content_locales()]


#: The "Review" filter's choices: a value and the ``WorkflowState`` statuses it matches.
REVIEW_FILTER_STATUSES = {
    "any": translation_status.REVIEW_STATUSES,
    "in_progress": (WorkflowState.STATUS_IN_PROGRESS,),
    "needs_changes": (WorkflowState.STATUS_NEEDS_CHANGES,),
}


def _review_choices():
    return [
        ("any", _("In review or changes requested")),
        ("in_progress", _("In review")),
        ("needs_changes", _("Changes requested")),
    ]


class TranslationStatusFilterSet(WagtailFilterSet):
    page_type = django_filters.ChoiceFilter(label=_("Page type"), choices=_page_type_choices, method="filter_page_type")
    source_locale = django_filters.ChoiceFilter(
        label=_("Source language"), choices=_locale_choices, field_name="locale__language_code"
    )
    not_translated_into = django_filters.ChoiceFilter(
        label=_("Not translated into"), choices=_locale_choices, method="filter_not_translated_into"
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=_country_choices, method="filter_country")
    review = django_filters.ChoiceFilter(label=_("Review"), choices=_review_choices, method="filter_review")

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for report_filter in translation_status.get_report_filters():
            self.filters[report_filter.name] = self.build_report_filter(report_filter)

    def build_report_filter(self, report_filter):
        """A choice filter for a :class:`~seismic_wagtail.core.translation_status.ReportFilter` of another app."""
        choice_filter = django_filters.ChoiceFilter(
            label=report_filter.label,
            choices=report_filter.choices,
            method=lambda queryset, name, value: report_filter.apply(queryset, value),
        )
        choice_filter.model = self.queryset.model
        choice_filter.parent = self
        return choice_filter

    def filter_page_type(self, queryset, name, value):
        model = get_model_by_label(value, required=True)
        models = [m for m in translation_status.report_page_models() if issubclass(m, model)]
        types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
        return queryset.filter(content_type__in=list(types))

    def filter_not_translated_into(self, queryset, name, value):
        return translation_status.filter_not_translated_into(queryset, value)

    def filter_country(self, queryset, name, value):
        return translation_status.filter_by_country(queryset, value)

    def filter_review(self, queryset, name, value):
        """Rows with at least one page (source or translation) in a review workflow in the chosen state."""
        return translation_status.filter_in_review(queryset, REVIEW_FILTER_STATUSES[value])


class PageColumn(TitleColumn):
    """The page's title, linked to its editor, with its page type under it (a column of its own would take
    the width the ten languages need)."""

    cell_template_name = "seismic_wagtail/core/admin/translation_status_title_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["page_type"] = capfirst(instance.content_type.name)
        return context


class StatusColumn(Column):
    """The status of one locale's translation of the row's page. Its header shows the language code (the full
    name is its accessible name and tooltip, and the summary above names each language with its code)."""

    cell_template_name = "seismic_wagtail/core/admin/translation_status_cell.html"
    header_template_name = "seismic_wagtail/core/admin/translation_status_column_header.html"

    def __init__(self, locale, **kwargs):
        self.locale = locale
        super().__init__(
            f"locale_{locale.language_code}",
            label=locale.get_display_name(),
            classname="seismic-translation-status-column",
            **kwargs,
        )

    def get_value(self, instance):
        return instance.seismic_status_row.cell(self.locale.language_code)


class TranslationStatusReportView(SafeSpreadsheetExportMixin, ReportView):
    template_name = "seismic_wagtail/core/admin/translation_status.html"
    results_template_name = "seismic_wagtail/core/admin/translation_status_results.html"
    index_url_name = "seismic_translation_status"
    index_results_url_name = "seismic_translation_status_results"
    page_title = _("Translation status")
    header_icon = "site"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    export_filename = "translation-status"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.filter_queryset(translation_status.source_pages().order_by("title", "pk"))

    def get_filtered_queryset(self):
        return self.get_queryset()

    @cached_property
    def locales(self):
        return content_locales()

    @cached_property
    def columns(self):
        return [
            PageColumn(
                "title",
                label=_("Page"),
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
                classname="seismic-translation-status-page",
            ),
            *[StatusColumn(locale) for locale in self.locales],
        ]

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        if pages and not hasattr(pages[0], "seismic_status_row"):
            for row in translation_status.get_status_rows(pages, self.locales):
                row.page.seismic_status_row = row
        return pages

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = object_list = self.decorate_paginated_queryset(object_list)
        return paginator, page, object_list, is_paginated

    # Exports: one row per page, one column per language, and one for the review states of the row's pages.
    @property
    def list_export(self):
        return ["title", "page_type", "source_language", *[locale.language_code for locale in self.locales], "review"]

    @property
    def export_headings(self):
        return {
            "title": _("Page"),
            "page_type": _("Type"),
            "source_language": _("Source language"),
            **{locale.language_code: locale.get_display_name() for locale in self.locales},
            "review": _("Review"),
        }

    def to_row_dict(self, item):
        row = item.seismic_status_row
        values = {
            "title": item.title,
            "page_type": capfirst(item.content_type.name),
            "source_language": item.locale.language_code,
        }
        for cell in row.cells:
            values[cell.locale.language_code] = str(cell.label)
        # "de: In review: Approval by …; sv: Changes requested: …" (language codes, as the source language).
        values["review"] = "; ".join(f"{cell.locale.language_code}: {cell.review.label}" for cell in row.review_cells)
        return values

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["statuses"] = translation_status.Status
        context["status_display"] = translation_status.STATUS_DISPLAY
        if not self.is_export:
            # The summary covers every row the filters keep, not only this page of them (four queries).
            context["summary"] = translation_status.get_status_summary(self.object_list, self.locales)
        return context


class TranslationStatusMenuItem(MenuItem):
    """The report's item in the SEiSMiC menu group, shown to users who may submit translations."""

    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)
