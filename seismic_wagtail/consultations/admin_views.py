"""Admin views of consultation responses (served by :class:`~.viewsets.ConsultationResponseViewSet`): a filtered
listing with CSV/XLSX export, erasure, a dashboard panel, the "Responses" button of consultation pages; and the
moderation queue of published free-text answers (served by :class:`~.viewsets.ConsultationModerationViewSet`).

Personal data (name, email, organisation, city, and the free-text answers) appears in the listing and in
exports only for users with the ``seismic_consultations.view_personal_data`` permission
(:mod:`seismic_wagtail.core.personal_data_views`). Exports go through the package's safe export path
(:mod:`seismic_wagtail.core.exports`): formulas neutralised, control characters replaced.
"""

import tempfile

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_countries import countries
from laces.components import Component
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.models import Locale

from seismic_wagtail.core.exports import SafeExportIndexView, read_in_chunks
from seismic_wagtail.core.i18n import language_name
from seismic_wagtail.core.personal_data_views import (
    PersonalDataIndexMixin,
    PersonalDataInspectView,
    can_view_personal_data,
)
from seismic_wagtail.core.querystring import parse_int

from .models import (
    ConsultationAnswer,
    ConsultationPage,
    ConsultationResponse,
    ModerationStatus,
    PublicationConsent,
    RespondentType,
    build_answers,
    publishable_answers,
)
from .questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT


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


def consultation_page_for_labels(consultation_key, fallback=None):
    """The language copy of a consultation whose labels the admin shows: the one in the active language (the
    admin user's), else the default language's, else ``fallback`` or any copy. Its questions are the source's
    (:meth:`~.models.ConsultationPage.get_questions`), labelled in that copy's language. Two queries."""
    try:
        copies = dict(
            ConsultationPage.objects.filter(translation_key=consultation_key).values_list("locale__language_code", "pk")
        )
    except (ValueError, ValidationError):  # a malformed key: no page, the filter form reports it
        return fallback
    if not copies:
        return fallback
    default = Locale.get_default().language_code
    language = translation.get_language() or default
    pk = copies.get(language) or copies.get(language.split("-")[0]) or copies.get(default)
    if pk is None:
        if fallback is not None:
            return fallback
        pk = next(iter(copies.values()))
    return ConsultationPage.objects.select_related("locale").get(pk=pk)


def question_heading(question):
    """What an editor reads as the name of a question: ``"<agenda item>: <question>"`` for a rating about an
    agenda item or theme (five ratings share one question text), else the question."""
    if question.subject and question.label:
        return f"{question.subject}: {question.label}"
    return question.label or question.subject or question.id


def answer_labels(question, value, labels=None):
    """An answer as the visitor saw it: choice labels instead of keys (a list, in rank order, for multiple
    choices and rankings); ratings and texts unchanged. Keys no longer offered stay as keys. ``labels``: the
    question's ``dict(choices)`` when the caller has it already."""
    if question.kind in (SINGLE, MULTIPLE, RANKING):
        labels = dict(question.choices) if labels is None else labels
        if isinstance(value, list):
            return [labels.get(key, key) for key in value]
        return labels.get(value, value)
    return value


class ConsultationResponseIndexView(PersonalDataIndexMixin, SafeExportIndexView):
    """The response listing and its CSV/XLSX export, with the labels visitors saw (in the admin user's
    language): respondent types, countries, languages, publication consent and choices; each row links to
    :class:`ConsultationResponseInspectView`.

    Answers are exported once the listing is filtered to one consultation: each consultation asks its own
    questions, so an export of several would have as many columns as all their questions together, mostly
    empty. Without that filter the listing says so and the file is named ``...-without-answers``.
    """

    public_columns = [
        "__str__",
        "submitted_at",
        "page__title",
        "locale",
        Column("country", label=_("Country"), accessor="country.name", sort_key="country"),
        Column(
            "respondent_type",
            label=_("Respondent type"),
            accessor="get_respondent_type_display",
            sort_key="respondent_type",
        ),
        Column(
            "consent",
            label=capfirst(ConsultationResponse._meta.get_field("consent").verbose_name),
            accessor="get_consent_display",
            sort_key="consent",
        ),
        "confirmed",
    ]
    list_display_without_personal_data = public_columns
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
    #: Shown above the listing (and reflected in the export's file name) when no single consultation is chosen.
    no_answers_notice = _("Filter by one consultation to export its answers.")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.list_display = self.public_columns + self.personal_columns
        self.list_export = self.export_public_fields + self.export_personal_fields
        self.restrict_personal_data()
        self.export_headings = dict(self.export_headings)
        self.list_export += [f"answer:{question.id}" for question in self.export_questions]
        for question in self.export_questions:
            self.export_headings[f"answer:{question.id}"] = question_heading(question)

    @cached_property
    def selected_consultation(self):
        key = self.request.GET.get("consultation")
        if not key:
            return None
        return consultation_page_for_labels(key)

    @cached_property
    def export_questions(self):
        """One export column per question once the listing is filtered to one consultation; free-text answers
        only with the personal-data permission (they may say who wrote them: anonymising removes them too)."""
        page = self.selected_consultation
        questions = page.get_questions() if page is not None else []
        if not self.show_personal_data:
            questions = [question for question in questions if question.kind != TEXT]
        return questions

    @cached_property
    def export_choice_labels(self):
        """``{question id: {choice key: label}}`` of the exported questions (built once per export)."""
        return {question.id: dict(question.choices) for question in self.export_questions}

    @property
    def export_answers_notice(self):
        return self.no_answers_notice if self.selected_consultation is None else ""

    def get_filename(self):
        """``consultation-responses-<slug of the consultation>``, or ``consultation-responses-without-answers``
        when the listing is not filtered to one consultation."""
        page = self.selected_consultation
        if page is None:
            return "consultation-responses-without-answers"
        return f"consultation-responses-{page.slug}"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "locale")

    def get_page_subtitle(self):
        page = self.selected_consultation
        return page.title if page is not None else ""

    # --- export: plain rows in chunks, so memory stays bounded and 100,000 responses export quickly -------

    #: How each exported field is read with ``values_list``.
    export_lookups = {
        "pk": "pk",
        "consultation_key": "consultation_key",
        "page.title": "page__title",
        "locale.language_code": "locale__language_code",
        "country.code": "country",
    }

    def export_labels(self):
        """``{export field: function(stored value) -> what visitors read}``, in the active language."""
        respondent_types = dict(RespondentType.choices)
        consents = dict(PublicationConsent.choices)
        return {
            "locale.language_code": language_name,
            "respondent_type": lambda value: str(respondent_types.get(value, value)),
            "consent": lambda value: str(consents.get(value, value)),
            "country.code": lambda value: countries.name(value) or value,
        }

    def export_items(self, queryset):
        """Yield one dict per response (``{export field: value}``), reading responses and their answers in
        chunks with ``values_list``: no model instances, memory bounded by the chunk size."""
        fields = [field for field in self.list_export if not field.startswith("answer:")]
        lookups = [self.export_lookups.get(field, field) for field in fields]
        with_answers = bool(self.export_questions)
        labels = {field: _memoised(label) for field, label in self.export_labels().items()}
        chunk = []
        for values in read_in_chunks(queryset.values_list("pk", *lookups), self.export_chunk_size):
            chunk.append(values)
            if len(chunk) >= self.export_chunk_size:
                yield from self._export_chunk(chunk, fields, with_answers, labels)
                chunk = []
        if chunk:
            yield from self._export_chunk(chunk, fields, with_answers, labels)

    def _export_chunk(self, chunk, fields, with_answers, labels=None):
        labels = labels or {}
        answers = {}
        if with_answers:
            rows_by_response = {}
            for response_id, *row in ConsultationAnswer.objects.filter(
                response_id__in=[values[0] for values in chunk]
            ).values_list("response_id", "question_id", "kind", "choice", "number", "text", "pk"):
                rows_by_response.setdefault(response_id, []).append(row)
            answers = {response_id: build_answers(rows) for response_id, rows in rows_by_response.items()}
        for response_id, *values in chunk:
            row = {
                field: labels[field](value) if field in labels and value not in (None, "") else value
                for field, value in zip(fields, values, strict=True)
            }
            response_answers = answers.get(response_id, {})
            for question in self.export_questions:
                row[f"answer:{question.id}"] = answer_labels(
                    question, response_answers.get(question.id, ""), self.export_choice_labels[question.id]
                )
            yield row

    def to_row_dict(self, item):
        return {field: item.get(field, "") for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, list):
            value = "; ".join(str(part) for part in value)
        return super().preprocess_field_value(field, value, export_format)

    def write_xlsx_response(self, queryset):
        """The XLSX written to a temporary file, not to memory (Wagtail's ``BytesIO``): a workbook of a million
        responses is a file of well over 100 MB. Still written whole before it is sent (a ZIP file's
        directory comes last); prefer CSV for large consultations (an XLSX sheet holds at most 1,048,576 rows)."""
        output = tempfile.TemporaryFile()  # deleted when the response closes it
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )


class ConsultationResponseInspectView(PersonalDataInspectView):
    """One response with all its answers: each question named with its agenda item and answered with the
    labels the visitor saw, in the admin user's language when the consultation has a copy in it.

    Name, email, organisation and city, and the free-text answers (which may say who wrote them), appear only
    with the ``view_personal_data`` permission. Override :meth:`get_answers` to change what is listed.
    """

    template_name = "seismic_wagtail/consultations/admin/response_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(ConsultationResponse.objects.select_related("page", "locale"), pk=self.pk)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        return "-" if value is None else value

    def get_country_display_value(self):
        return self.object.country.name or self.object.country.code

    def get_locale_display_value(self):
        return self.object.locale.get_display_name()

    @cached_property
    def show_personal_data(self):
        return can_view_personal_data(self.request.user, self.model)

    def get_answers(self):
        """``[{"question", "subject", "label", "value"}]``: the consultation's questions in order (answered
        or not), then answers to questions the consultation no longer asks. ``value`` is a text, a number
        with its label, or a list of labels (rank order for rankings)."""
        response = self.object
        page = consultation_page_for_labels(response.consultation_key, fallback=response.page)
        questions = page.get_questions() if page is not None else []
        stored = response.answers
        answers = []
        for question in questions:
            if question.kind == TEXT and not self.show_personal_data:
                continue
            value = stored.pop(question.id, None)
            if question.kind == RATING and value is not None:
                value = dict(question.rating_choices).get(value, value)
            answers.append(
                {
                    "question": question,
                    "subject": question.subject,
                    "label": question.label,
                    "value": answer_labels(question, value) if value is not None else None,
                }
            )
        kinds = dict(response.answer_rows.values_list("question_id", "kind")) if stored else {}
        for question_id, value in stored.items():
            if kinds.get(question_id) == TEXT and not self.show_personal_data:
                continue
            answers.append({"question": None, "subject": "", "label": question_id, "value": value, "removed": True})
        return answers

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answers"] = self.get_answers()
        context["text_answers_hidden"] = not self.show_personal_data
        return context


def _memoised(function):
    """``function`` remembering its results: an export labels a million rows with a few dozen values
    (languages, countries, respondent types, consents), and each label is a translation look-up."""
    results = {}

    def label(value):
        try:
            return results[value]
        except KeyError:
            results[value] = function(value)
            return results[value]

    return label


class OpenConsultationsPanel(Component):
    """Dashboard panel: the open consultations with their (confirmed) response counts, pooled over languages,
    and, for users who may moderate, the answers awaiting moderation per consultation (closed ones too: answers
    can wait after closing), each linked to the moderation queue filtered to it."""

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
        request = parent_context.get("request") if parent_context else None
        can_view_responses = request is None or request.user.has_perm(VIEW_RESPONSES_PERMISSION)
        return {
            "rows": rows,
            "can_view_responses": can_view_responses,
            **self.get_moderation_context(parent_context),
        }

    def get_moderation_context(self, parent_context):
        """``moderation``: a row per consultation with answers awaiting moderation (one grouped query), for
        users with ``seismic_consultations.change_consultationanswer``; empty otherwise."""
        request = parent_context.get("request") if parent_context else None
        if request is None or not request.user.has_perm(MODERATE_PERMISSION):
            return {"can_moderate": False, "moderation": []}
        pending = pending_moderation_counts()
        titles = dict(consultation_choices()) if pending else {}
        queue_url = reverse(MODERATION_INDEX_URL_NAME)
        moderation = sorted(
            (
                {"title": titles.get(str(key), str(key)), "count": count, "url": f"{queue_url}?consultation={key}"}
                for key, count in pending.items()
            ),
            key=lambda row: row["title"],
        )
        return {"can_moderate": True, "moderation": moderation, "moderation_url": queue_url}


def responses_buttons(page, user):
    """A "Responses" button on consultation pages for users who may see the responses."""
    if page.specific_class is None or not issubclass(page.specific_class, ConsultationPage):
        return
    if not user.has_perm("seismic_consultations.view_consultationresponse"):
        return
    url = reverse("seismic_consultation_responses:index") + f"?consultation={page.translation_key}"
    yield Button(_("Responses"), url=url, icon_name="list-ul", priority=45)


# --- moderation of published free-text answers ---------------------------------------------------------------

#: Who sees the responses (listing, counts) and who moderates answers.
VIEW_RESPONSES_PERMISSION = "seismic_consultations.view_consultationresponse"
MODERATE_PERMISSION = "seismic_consultations.change_consultationanswer"
#: The URL name of the moderation queue (:class:`~.viewsets.ConsultationModerationViewSet`).
MODERATION_INDEX_URL_NAME = "seismic_consultation_moderation:index"
#: The audit-log actions of moderation (registered with the ``register_log_actions`` hook).
APPROVE_ACTION = "seismic_consultations.answer.approve"
REJECT_ACTION = "seismic_consultations.answer.reject"


def moderation_queryset():
    """The answers that moderation is about: free-text answers of confirmed responses whose respondent agreed
    to publication (with their name or anonymously). Other answers are never published, so never moderated."""
    return publishable_answers()


def moderate_answers(answers, status, user):
    """Set ``status`` (approved or rejected) on ``answers`` (model instances), stamp who decided and when, and
    write each decision to Wagtail's audit log. Returns the number of answers changed."""
    now = timezone.now()
    action = APPROVE_ACTION if status == ModerationStatus.APPROVED else REJECT_ACTION
    changed = 0
    with transaction.atomic():
        for answer in answers:
            answer.moderation = status
            answer.moderated_at = now
            answer.moderated_by = user
            answer.save(update_fields=["moderation", "moderated_at", "moderated_by"])
            log(answer, action, user=user, data={"consultation_key": str(answer.consultation_key)})
            changed += 1
    return changed


class ModerationFilterSet(WagtailFilterSet):
    """Filters of the moderation queue; the status is "Awaiting moderation" unless the editor chooses another."""

    consultation = django_filters.ChoiceFilter(
        label=_("Consultation"), field_name="consultation_key", choices=consultation_choices, empty_label=_("All")
    )
    locale = django_filters.ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all(), empty_label=_("All"))
    moderation = django_filters.ChoiceFilter(label=_("Status"), choices=ModerationStatus.choices, empty_label=_("All"))
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), field_name="response__submitted_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = ConsultationAnswer
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "moderation" not in data:
            data = data.copy()
            data["moderation"] = ModerationStatus.PENDING
        super().__init__(data, *args, **kwargs)


class ModerationCheckboxColumn(BaseColumn):
    """A checkbox per answer, named ``answer``, for the bulk decisions."""

    header_template_name = "seismic_wagtail/consultations/admin/moderation_checkbox_header.html"
    cell_template_name = "seismic_wagtail/consultations/admin/moderation_checkbox_cell.html"


class AnswerTextColumn(Column):
    """The answer, marked up with its language (``lang``), so screen readers read it in that language."""

    cell_template_name = "seismic_wagtail/consultations/admin/moderation_text_cell.html"


class ModerationDecisionColumn(BaseColumn):
    """Approve and reject buttons for one answer (submit buttons of the queue's form)."""

    cell_template_name = "seismic_wagtail/consultations/admin/moderation_decision_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["approved"] = instance.moderation == ModerationStatus.APPROVED
        context["rejected"] = instance.moderation == ModerationStatus.REJECTED
        return context


class ModerationIndexView(SafeExportIndexView):
    """The moderation queue: free-text answers whose respondent agreed to publication, awaiting moderation by
    default, with their language and consultation, and approve/reject buttons for one or for the selected.

    The answer text is shown (a moderator must read it); who wrote it (name, email) only with the
    ``seismic_consultations.view_personal_data`` permission. Override :meth:`get_columns` to change the columns.
    """

    any_permission_required = ["change"]  # also decides whether the menu item shows
    results_template_name = "seismic_wagtail/consultations/admin/moderation_results.html"
    page_title = _("Answers to moderate")
    default_ordering = "-pk"

    def get_base_queryset(self):
        return moderation_queryset().select_related("response", "locale", "moderated_by").order_by("-pk")

    @cached_property
    def consultation_titles(self):
        return dict(consultation_choices())

    @cached_property
    def show_personal_data(self):
        return can_view_personal_data(self.request.user, ConsultationResponse)

    def get_columns(self):
        columns = [
            ModerationCheckboxColumn("select", label=_("Select")),
            AnswerTextColumn("text", label=_("Answer")),
            Column("language", label=_("Language"), accessor=lambda answer: answer.locale.get_display_name()),
            Column(
                "consultation",
                label=_("Consultation"),
                accessor=lambda answer: self.consultation_titles.get(str(answer.consultation_key), ""),
            ),
            DateColumn("submitted_at", label=_("Submitted"), accessor="response.submitted_at"),
            Column("moderation", label=_("Status"), accessor="get_moderation_display"),
        ]
        if self.show_personal_data:
            columns.append(
                Column(
                    "respondent",
                    label=_("Respondent"),
                    accessor=lambda answer: ", ".join(
                        part for part in (answer.response.name, answer.response.email) if part
                    ),
                )
            )
        columns.append(ModerationDecisionColumn("decision", label=_("Decision")))
        return columns

    @cached_property
    def columns(self):
        return self.get_columns()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["moderate_url"] = reverse(f"{self.url_namespace}:moderate")
        query = self.request.GET.urlencode()  # back to the same filters, also from the filtered results view
        context["next_url"] = reverse(self.index_url_name) + (f"?{query}" if query else "")
        return context

    @property
    def url_namespace(self):
        return self.index_url_name.rsplit(":", 1)[0]


class ModerateAnswersView(PermissionCheckedMixin, View):
    """POST only: approve or reject one answer (``approve`` or ``reject`` = its id) or the selected ones
    (``approve`` or ``reject`` = ``selected``, ids in ``answer``), then back to the queue (``next``)."""

    model = None
    permission_required = "change"
    http_method_names = ["post"]
    index_url_name = None

    def post(self, request):
        status = None
        for name, value in ((ModerationStatus.APPROVED, "approve"), (ModerationStatus.REJECTED, "reject")):
            if value in request.POST:
                status, target = name, request.POST[value]
        if status is None:
            messages.error(request, _("Choose approve or reject."))
            return self.back()
        ids = request.POST.getlist("answer") if target == "selected" else [target]
        ids = [parse_int(value) for value in ids]
        ids = [value for value in ids if value is not None]
        if not ids:
            messages.error(request, _("Select at least one answer."))
            return self.back()
        answers = list(moderation_queryset().filter(pk__in=ids).select_related("response"))
        count = moderate_answers(answers, status, request.user)
        if status == ModerationStatus.APPROVED:
            message = ngettext("%(count)d answer approved.", "%(count)d answers approved.", count)
        else:
            message = ngettext("%(count)d answer rejected.", "%(count)d answers rejected.", count)
        messages.success(request, message % {"count": count})
        return self.back()

    def back(self):
        next_url = get_valid_next_url_from_request(self.request)
        return redirect(next_url or reverse(self.index_url_name))


def pending_moderation_counts(keys=None):
    """``{consultation key: number of answers awaiting moderation}`` in one grouped query (all consultations,
    or those in ``keys``)."""
    queryset = moderation_queryset().filter(moderation=ModerationStatus.PENDING)
    if keys is not None:
        queryset = queryset.filter(consultation_key__in=list(keys))
    return dict(queryset.order_by().values_list("consultation_key").annotate(n=Count("pk")))
