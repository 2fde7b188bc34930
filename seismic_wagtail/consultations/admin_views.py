"""Admin views of consultation responses (served by :class:`~.viewsets.ConsultationResponseViewSet`): a filtered
listing with CSV/XLSX export, erasure, a dashboard panel, the "Responses" button of consultation pages.

Personal data (name, email, organisation, city, and the free-text answers) appears in the listing and in
exports only for users with the ``seismic_consultations.view_personal_data`` permission
(:mod:`seismic_wagtail.core.personal_data_views`). Exports go through the package's safe export path
(:mod:`seismic_wagtail.core.exports`): formulas neutralised, control characters replaced.
"""

import django_filters
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from laces.components import Component
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale

from seismic_wagtail.core.exports import SafeExportIndexView
from seismic_wagtail.core.personal_data_views import PersonalDataIndexMixin

from .models import ConsultationAnswer, ConsultationPage, ConsultationResponse, RespondentType, build_answers
from .questions import TEXT


def consultation_choices():
    """``(translation_key, title)`` for every consultation, titled in the default language when it has one."""
    default_locale_id = Locale.get_default().pk
    titles = {}
    for key, title, locale_id in ConsultationPage.objects.order_by("title").values_list(
        "translation_key", "title", "locale_id"
    ):
        if key not in titles or locale_id == default_locale_id:
            titles[key] = title
    return sorted(((str(key), title) for key, title in titles.items()), key=lambda item: item[1])


class ConsultationResponseFilterSet(WagtailFilterSet):
    consultation = django_filters.ChoiceFilter(
        label=_("Consultation"), field_name="consultation_key", choices=consultation_choices, empty_label=_("All")
    )
    locale = django_filters.ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all(), empty_label=_("All"))
    country = django_filters.ChoiceFilter(label=_("Country"), choices=lambda: list(countries), empty_label=_("All"))
    respondent_type = django_filters.ChoiceFilter(
        label=_("Respondent type"), choices=RespondentType.choices, empty_label=_("All")
    )
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)
    confirmed = django_filters.BooleanFilter(label=_("Confirmed"))

    class Meta:
        model = ConsultationResponse
        fields = []


class ConsultationResponseIndexView(PersonalDataIndexMixin, SafeExportIndexView):
    """The response listing and its CSV/XLSX export."""

    public_columns = [
        "__str__",
        "submitted_at",
        "page__title",
        "locale",
        "country",
        "respondent_type",
        "consent",
        "confirmed",
    ]
    personal_columns = ["name", "email", "organisation_name"]
    export_public_fields = [
        "pk",
        "consultation_key",
        "page.title",
        "locale.language_code",
        "submitted_at",
        "confirmed",
        "respondent_type",
        "country.code",
        "consent",
    ]
    export_personal_fields = ["name", "email", "organisation_name", "city"]
    export_headings = {
        "pk": _("ID"),
        "consultation_key": _("Consultation key"),
        "page.title": _("Consultation"),
        "locale.language_code": _("Language"),
        "country.code": _("Country"),
    }
    export_filename = "consultation-responses"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.list_display = self.public_columns + self.personal_columns
        self.list_export = self.export_public_fields + self.export_personal_fields
        self.restrict_personal_data()
        self.export_headings = dict(self.export_headings)
        self.list_export += [f"answer:{question.id}" for question in self.export_questions]
        for question in self.export_questions:
            self.export_headings[f"answer:{question.id}"] = question.label or question.id

    @cached_property
    def selected_consultation(self):
        key = self.request.GET.get("consultation")
        if not key:
            return None
        try:
            pages = ConsultationPage.objects.filter(translation_key=key)
            return pages.filter(locale=Locale.get_default()).first() or pages.first()
        except Exception:  # a malformed key: no page, the filter form reports it
            return None

    @cached_property
    def export_questions(self):
        """One export column per question once the listing is filtered to one consultation; free-text answers
        only with the personal-data permission (they may say who wrote them: anonymising removes them too)."""
        page = self.selected_consultation
        questions = page.get_questions() if page is not None else []
        if not self.show_personal_data:
            questions = [question for question in questions if question.kind != TEXT]
        return questions

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "locale")

    def get_page_subtitle(self):
        page = self.selected_consultation
        return page.title if page is not None else ""

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the spreadsheet: the listing's context would evaluate the whole queryset (its
            # item count) before the export streams it.
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    # --- export: plain rows in chunks, so memory stays bounded and 100,000 responses export quickly -------

    #: How each exported field is read with ``values_list``.
    export_lookups = {
        "pk": "pk",
        "consultation_key": "consultation_key",
        "page.title": "page__title",
        "locale.language_code": "locale__language_code",
        "country.code": "country",
    }
    export_chunk_size = 2000

    def export_rows(self, queryset):
        """Yield one dict per response (``{export field: value}``), reading responses and their answers in
        chunks with ``values_list``: no model instances, memory bounded by the chunk size."""
        fields = [field for field in self.list_export if not field.startswith("answer:")]
        lookups = [self.export_lookups.get(field, field) for field in fields]
        with_answers = bool(self.export_questions)
        chunk = []
        for values in queryset.values_list("pk", *lookups).iterator(chunk_size=self.export_chunk_size):
            chunk.append(values)
            if len(chunk) >= self.export_chunk_size:
                yield from self._export_chunk(chunk, fields, with_answers)
                chunk = []
        if chunk:
            yield from self._export_chunk(chunk, fields, with_answers)

    def _export_chunk(self, chunk, fields, with_answers):
        answers = {}
        if with_answers:
            rows_by_response = {}
            for response_id, *row in ConsultationAnswer.objects.filter(
                response_id__in=[values[0] for values in chunk]
            ).values_list("response_id", "question_id", "kind", "choice", "number", "text", "pk"):
                rows_by_response.setdefault(response_id, []).append(row)
            answers = {response_id: build_answers(rows) for response_id, rows in rows_by_response.items()}
        for response_id, *values in chunk:
            row = dict(zip(fields, values, strict=True))
            response_answers = answers.get(response_id, {})
            for question in self.export_questions:
                row[f"answer:{question.id}"] = response_answers.get(question.id, "")
            yield row

    def to_row_dict(self, item):
        return {field: item.get(field, "") for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, list):
            value = "; ".join(str(part) for part in value)
        return super().preprocess_field_value(field, value, export_format)

    def stream_csv(self, queryset):
        return super().stream_csv(_Rows(queryset.model, self.export_rows(queryset)))

    def write_xlsx(self, queryset, output):
        return super().write_xlsx(_Rows(queryset.model, self.export_rows(queryset)), output)


class _Rows:
    """What the export mixin iterates: ``.model`` (for the headings) and the row dicts."""

    def __init__(self, model, rows):
        self.model = model
        self._rows = rows

    def __iter__(self):
        return iter(self._rows)


class OpenConsultationsPanel(Component):
    """Dashboard panel: the open consultations with their (confirmed) response counts, pooled over languages."""

    name = "seismic_open_consultations"
    order = 150
    template_name = "seismic_wagtail/consultations/admin/open_consultations_panel.html"

    def get_context_data(self, parent_context):
        now = timezone.now()
        default_locale_id = Locale.get_default().pk
        pages = {}
        for page in ConsultationPage.objects.live().filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at"):
            if page.translation_key not in pages or page.locale_id == default_locale_id:
                pages[page.translation_key] = page
        counts = dict(
            ConsultationResponse.objects.filter(consultation_key__in=list(pages), confirmed=True)
            .order_by()
            .values_list("consultation_key")
            .annotate(n=Count("pk"))
        )
        index_url = reverse("seismic_consultation_responses:index")
        rows = [
            {
                "page": page,
                "count": counts.get(key, 0),
                "responses_url": f"{index_url}?consultation={key}",
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for key, page in pages.items()
        ]
        return {"rows": rows}


def responses_buttons(page, user):
    """A "Responses" button on consultation pages for users who may see the responses."""
    if page.specific_class is None or not issubclass(page.specific_class, ConsultationPage):
        return
    if not user.has_perm("seismic_consultations.view_consultationresponse"):
        return
    url = reverse("seismic_consultation_responses:index") + f"?consultation={page.translation_key}"
    yield Button(_("Responses"), url=url, icon_name="list-ul", priority=45)
