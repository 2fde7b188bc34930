"""Where each page of the package stands in each language of the site.

:func:`get_status_rows` takes source pages and the site's locales and returns one :class:`StatusRow` per
page with one :class:`StatusCell` per locale, in a constant number of queries whatever the number of pages
and locales. The admin report (``seismic_wagtail.core.admin_views.TranslationStatusReportView``) shows them; other
apps add filters to it through the :data:`REPORT_FILTER_HOOK` Wagtail hook.

The states, read from wagtail-localize's models (see ``docs/reference/translation-status.md``):

``source``
    The locale the page was written in.
``missing``
    No page with the source's ``translation_key`` in the locale, or only an alias (an alias shows the
    source's own content).
``out_of_date``
    The source changed since the translation was last synchronised: the source page was published after
    its content was last extracted (``Page.last_published_at`` later than
    ``TranslationSource.last_updated_at``; the cell links to "Sync translated pages", which extracts it
    again), or it was extracted again after the translation's last ``TranslationLog`` (wagtail-localize
    writes one each time it saves the target; the cell links to the translation's editor). For a
    translation made without wagtail-localize (no enabled ``Translation``): the source was published after
    the translation.
``in_progress``
    A translation page exists but is not live (a draft).
``partial``
    "Live, partly translated": the translation is live but its enabled wagtail-localize ``Translation`` has
    source segments without a valid ``StringTranslation`` in the locale, so visitors read those parts in the
    source language (what ``Translation.get_progress()`` counts, for every translation in one query).
``machine``
    "Machine translated, not reviewed": live and complete, but some of its current strings are machine
    translations nobody has edited since (the rule of
    :func:`seismic_wagtail.core.i18n.has_unreviewed_machine_translation`, in bulk).
``up_to_date``
    A live translation, every segment translated and reviewed, synchronised since the source last changed.

Precedence, when several apply: out of date, in progress, partly translated, machine translated.
:func:`get_status_summary` counts the states per language for the per-language summary above the report.

Beside its state, a cell whose page is in a Wagtail review workflow carries a :class:`ReviewState`: the
page's ``WorkflowState`` while it is in progress (waiting at a task) or needs changes, and the name of its
current task. They come from one more query, whatever the number of pages and locales.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import CharField, Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin, WorkflowState

from .conf import get_setting


class Status(models.TextChoices):
    SOURCE = "source", _("Source")
    MISSING = "missing", _("Missing")
    IN_PROGRESS = "in_progress", _("In progress")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    PARTIAL = "partial", _("Live, partly translated")
    MACHINE = "machine", _("Machine translated, not reviewed")
    UP_TO_DATE = "up_to_date", _("Up to date")


@dataclass(frozen=True)
class StatusDisplay:
    """How the report shows a state: a short label for its compact cells (the full label, ``Status.label``, is
    in the legend, the summary, the exports and the cell's accessible name), an icon (so the state is not told by
    colour alone) and a sentence for the legend. The colours are in ``translation-status-admin.css``, by
    ``data-status``."""

    short_label: str
    icon: str
    description: str


#: The display of each state, in the order of the summary and the legend. A site overrides a label or icon by
#: replacing an entry (e.g. in its ``AppConfig.ready()``).
STATUS_DISPLAY = {
    Status.UP_TO_DATE: StatusDisplay(
        _("Up to date"), "circle-check", _("Live, every text translated and checked, current with the source.")
    ),
    Status.MACHINE: StatusDisplay(
        _("Machine"),
        "cogs",
        _("Live and complete, but some texts are machine translations that nobody has reviewed yet."),
    ),
    Status.PARTIAL: StatusDisplay(
        _("Partial"),
        "warning",
        _("Live, but some texts are not translated yet: visitors read them in the source language."),
    ),
    Status.IN_PROGRESS: StatusDisplay(_("Draft"), "edit", _("A translation is started but not live yet.")),
    Status.OUT_OF_DATE: StatusDisplay(
        _("Outdated"), "history", _("The source page changed after the translation was last updated.")
    ),
    Status.MISSING: StatusDisplay(_("Missing"), "circle-xmark", _("Not translated into this language yet.")),
    Status.SOURCE: StatusDisplay(_("Source"), "doc-full", _("The language the page was written in.")),
}


#: The statuses of a Wagtail ``WorkflowState`` while its page is in review (Wagtail allows one such state
#: per page): waiting at a task, or sent back with changes requested.
REVIEW_STATUSES = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


@dataclass(frozen=True)
class ReviewState:
    """Where a page stands in its review workflow: Wagtail's ``WorkflowState.status`` (one of
    :data:`REVIEW_STATUSES`) and the name of the current task (``""`` when there is none)."""

    status: str
    task_name: str = ""
    #: The page's editor, where Wagtail shows the workflow and its reviewers act on it.
    url: str | None = None

    @property
    def in_review(self):
        return self.status == WorkflowState.STATUS_IN_PROGRESS

    @property
    def label(self):
        """The state as text, e.g. "In review: Approval by SEiSMiC Austria: coordinators"."""
        if self.in_review:
            if self.task_name:
                return _("In review: %(task)s") % {"task": self.task_name}
            return _("In review")
        if self.task_name:
            return _("Changes requested: %(task)s") % {"task": self.task_name}
        return _("Changes requested")

    def __str__(self):
        return str(self.label)


@dataclass
class StatusCell:
    locale: object
    status: str
    page: Page | None = None
    #: The admin URL to act on the cell: submit (missing), sync (out of date) or edit the translation.
    action_url: str | None = None
    #: The page's :class:`ReviewState` when it is in a review workflow, else ``None``.
    review: ReviewState | None = None

    #: For a translation made with wagtail-localize: its :class:`TranslationProgress` (segments translated).
    progress: "TranslationProgress | None" = None

    @property
    def label(self):
        return Status(self.status).label

    @property
    def display(self):
        return STATUS_DISPLAY[Status(self.status)]

    @property
    def detail(self):
        """What the state's label leaves out, e.g. "3 of 5 texts translated" for a partly translated page."""
        if self.status == Status.PARTIAL and self.progress is not None:
            return _("%(translated)s of %(total)s texts translated") % {
                "translated": self.progress.translated,
                "total": self.progress.segments,
            }
        return ""

    @property
    def full_label(self):
        """The label with its detail: "Live, partly translated: 3 of 5 texts translated"."""
        detail = self.detail
        return f"{self.label}: {detail}" if detail else str(self.label)

    @property
    def hidden_label(self):
        """What a screen reader hears after the short label (:attr:`full_label`; empty when they are the same)."""
        full = self.full_label
        return full if full != str(self.display.short_label) else ""

    def __str__(self):
        return str(self.label)


@dataclass
class StatusRow:
    page: Page
    cells: list = field(default_factory=list)

    def cell(self, language_code):
        return next((cell for cell in self.cells if cell.locale.language_code == language_code), None)

    @property
    def review_cells(self):
        """The cells whose page is in a review workflow."""
        return [cell for cell in self.cells if cell.review is not None]


def report_page_models():
    """The page models the report lists: ``SEISMIC_WAGTAIL["TRANSLATION_STATUS_APPS"]`` (app labels), or
    by default every app whose label starts with ``seismic_``."""
    labels = get_setting("TRANSLATION_STATUS_APPS")
    result = []
    for model in apps.get_models():
        label = model._meta.app_label
        wanted = label in labels if labels is not None else label.startswith("seismic_")
        if wanted and issubclass(model, Page) and issubclass(model, TranslatableMixin) and model is not Page:
            result.append(model)
    return result


def source_pages(page_models=None):
    """The source pages of ``page_models``: neither aliases nor targets of a wagtail-localize translation."""
    # Imported here: a site may leave wagtail_localize out of INSTALLED_APPS (then the report is not used).
    from wagtail_localize.models import Translation

    page_models = report_page_models() if page_models is None else page_models
    content_types = ContentType.objects.get_for_models(*page_models, for_concrete_models=False).values()
    return (
        Page.objects.filter(content_type__in=list(content_types), alias_of__isnull=True)
        .exclude(
            Exists(
                Translation.objects.filter(
                    source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
                )
            )
        )
        .select_related("locale", "content_type")
    )


def filter_by_country(queryset, country, page_models=None):
    """Pages whose model has a ``country`` field (e.g. a ``CountryField``) with the value ``country``."""
    page_models = report_page_models() if page_models is None else page_models
    condition = Q(pk__in=[])
    for model in page_models:
        if has_field(model, "country"):
            condition |= Q(pk__in=model.objects.filter(country=country).values("pk"))
    return queryset.filter(condition)


def filter_not_translated_into(queryset, language_code):
    """Pages with no translation (other than an alias) in ``language_code``: what is missing there."""
    return queryset.exclude(
        Exists(
            Page.objects.filter(
                translation_key=OuterRef("translation_key"),
                locale__language_code=language_code,
                alias_of__isnull=True,
            )
        )
    )


def _pages_in_review(statuses=REVIEW_STATUSES):
    """The pages with a ``WorkflowState`` of one of ``statuses``, as a subquery.

    Page workflow states are keyed by the base ``Page`` content type and the page's primary key as text
    (``WorkflowState.object_id`` is a ``CharField``), so the page's key is cast rather than the state's.
    """
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), status__in=list(statuses)
    )
    return Page.objects.annotate(text_pk=Cast("pk", output_field=CharField())).filter(
        text_pk__in=states.values("object_id")
    )


def filter_in_review(queryset, statuses=REVIEW_STATUSES):
    """Source pages of which at least one page of their ``translation_key`` (the source itself or a
    translation) is in a review workflow with one of ``statuses`` (default: in review or changes requested)."""
    return queryset.filter(translation_key__in=_pages_in_review(statuses).values("translation_key"))


def get_review_states(pages):
    """``{page pk: ReviewState}`` for those of ``pages`` in a review workflow: one query."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
        status__in=REVIEW_STATUSES,
    ).values_list("object_id", "status", "current_task_state__task__name")
    return {
        int(object_id): ReviewState(status, task_name or "", reverse("wagtailadmin_pages:edit", args=[int(object_id)]))
        for object_id, status, task_name in states
    }


#: The Wagtail hook through which other apps add filters to the report: each function registered under it
#: returns a :class:`ReportFilter` (or ``None`` to add nothing). The networks app adds "Network" this way.
REPORT_FILTER_HOOK = "register_seismic_translation_status_filter"


@dataclass(frozen=True)
class ReportFilter:
    """A filter another app adds to the translation status report, so core need not know that app.

    ``choices()`` returns the ``(value, label)`` pairs to offer; ``apply(queryset, value)`` narrows the
    report's source pages to those matching the chosen value.
    """

    name: str
    label: str
    choices: Callable[[], list]
    apply: Callable[[models.QuerySet, str], models.QuerySet]


def get_report_filters():
    """The :class:`ReportFilter` of every function registered with :data:`REPORT_FILTER_HOOK`."""
    return [report_filter for hook in hooks.get_hooks(REPORT_FILTER_HOOK) if (report_filter := hook()) is not None]


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


@dataclass(frozen=True, slots=True)
class PageFacts:
    """The fields of a page the states are computed from (:func:`get_status_summary` reads these instead of
    loading ``Page`` instances; a ``Page`` has the same attributes)."""

    pk: int
    translation_key: object
    locale_id: int
    live: bool
    alias_of_id: int | None
    last_published_at: datetime | None


PAGE_FACT_FIELDS = ("pk", "translation_key", "locale_id", "live", "alias_of_id", "last_published_at")


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """A wagtail-localize ``TranslationSource``: its key and when its content was last extracted."""

    pk: int
    last_updated_at: datetime


@dataclass(frozen=True, slots=True)
class TranslationProgress:
    """An enabled wagtail-localize ``Translation`` as the report reads it (:func:`annotate_translation_progress`):
    ``segments`` and ``translated`` are ``Translation.get_progress()``; ``machine_unreviewed`` is
    :func:`~seismic_wagtail.core.i18n.has_unreviewed_machine_translation` for its target page;
    ``last_synced_at`` is its newest ``TranslationLog`` (when the target was last saved)."""

    pk: int
    segments: int
    translated: int
    machine_unreviewed: bool
    last_synced_at: datetime | None

    @property
    def complete(self):
        return self.translated >= self.segments


def _count(queryset):
    """A correlated subquery counting the rows of ``queryset`` (which is filtered by ``OuterRef("source_id")``)."""
    return Coalesce(Subquery(queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n")[:1]), 0)


def annotate_translation_progress(translations):
    """``translations`` (a ``Translation`` queryset) annotated, in the same query, with what the report needs:

    - ``segment_count`` and ``translated_count``: ``Translation.get_progress()`` for every row at once (source
      segments, and those with a valid ``StringTranslation`` in the target locale);
    - ``machine_unreviewed``: a current segment's translation in the target locale is a machine translation
      (``translation_type == "machine"``) that nobody has edited since: the bulk form of
      :func:`seismic_wagtail.core.i18n.has_unreviewed_machine_translation`;
    - ``last_synced_at``: the newest ``TranslationLog`` of the source and target locale.
    """
    # Imported here: a site may leave wagtail_localize out of INSTALLED_APPS (then the report is not used).
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationLog

    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    in_target = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    return translations.annotate(
        segment_count=_count(segments),
        translated_count=_count(segments.filter(Exists(in_target))),
        machine_unreviewed=Exists(
            segments.filter(Exists(in_target.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)))
        ),
        last_synced_at=Subquery(
            TranslationLog.objects.filter(source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id"))
            .order_by("-created_at")
            .values("created_at")[:1]
        ),
    )


@dataclass
class StatusData:
    """What the states of some translation keys are computed from, read in three queries (:meth:`load`):
    the pages of those keys by ``(translation_key, locale_id)``, their ``TranslationSource``s
    (:class:`SourceFacts`) by ``(object_id, locale_id)`` and their enabled ``Translation``s
    (:class:`TranslationProgress`) by ``(source_id, target_locale_id)``."""

    pages: dict
    sources: dict
    translations: dict

    @classmethod
    def load(cls, keys, page_instances=True):
        """``keys``: translation keys, a list or a subquery (``pages.values("translation_key")``).
        ``page_instances=False`` reads :class:`PageFacts` instead of ``Page`` instances (the summary)."""
        from wagtail_localize.models import Translation, TranslationSource  # see annotate_translation_progress

        page_rows = Page.objects.filter(translation_key__in=keys)
        if page_instances:
            pages = page_rows.only(*PAGE_FACT_FIELDS, "id", "title", "has_unpublished_changes")
        else:
            pages = (PageFacts(*values) for values in page_rows.values_list(*PAGE_FACT_FIELDS))
        sources = TranslationSource.objects.filter(object_id__in=keys).values_list(
            "object_id", "locale_id", "pk", "last_updated_at"
        )
        translations = annotate_translation_progress(
            Translation.objects.filter(source__object_id__in=keys, enabled=True)
        ).values_list(
            "source_id",
            "target_locale_id",
            "pk",
            "segment_count",
            "translated_count",
            "machine_unreviewed",
            "last_synced_at",
        )
        return cls(
            pages={(page.translation_key, page.locale_id): page for page in pages},
            sources={(key, locale_id): SourceFacts(pk, updated) for key, locale_id, pk, updated in sources},
            translations={
                (source_id, locale_id): TranslationProgress(*values) for source_id, locale_id, *values in translations
            },
        )


class Resolution(NamedTuple):
    """The state of one page in one locale: the state, the target page (``None`` when missing), the source's
    :class:`SourceFacts` and the translation's :class:`TranslationProgress` when there are such, and what the
    cell's link does (``"submit"``, ``"sync"`` or ``"edit"``). A named tuple: the summary makes one per page
    and language."""

    status: str
    target: object = None
    source: SourceFacts | None = None
    progress: TranslationProgress | None = None
    action: str = "edit"


def resolve_status(page, locale_id, data):
    """The :class:`Resolution` of source page ``page`` (a ``Page`` or :class:`PageFacts`) in ``locale_id``."""
    if locale_id == page.locale_id:
        return Resolution(Status.SOURCE, page)
    target = data.pages.get((page.translation_key, locale_id))
    if target is None or target.alias_of_id:
        return Resolution(Status.MISSING, action="submit")
    source = data.sources.get((page.translation_key, page.locale_id))
    progress = data.translations.get((source.pk, locale_id)) if source is not None else None
    if progress is not None:
        if page.last_published_at is not None and page.last_published_at > source.last_updated_at:
            # Published since its content was last extracted: "Sync translated pages" brings the changes over.
            return Resolution(Status.OUT_OF_DATE, target, source, progress, action="sync")
        if progress.last_synced_at is None or source.last_updated_at > progress.last_synced_at:
            # Extracted again, but this translation was not saved since: its editor publishes the changes.
            return Resolution(Status.OUT_OF_DATE, target, source, progress)
        if not target.live:
            return Resolution(Status.IN_PROGRESS, target, source, progress)
        if not progress.complete:
            return Resolution(Status.PARTIAL, target, source, progress)
        if progress.machine_unreviewed:
            return Resolution(Status.MACHINE, target, source, progress)
        return Resolution(Status.UP_TO_DATE, target, source, progress)
    # Translated without wagtail-localize (or its synchronisation was stopped): compare publication dates.
    if not target.live:
        return Resolution(Status.IN_PROGRESS, target, source)
    if page.last_published_at and target.last_published_at and page.last_published_at > target.last_published_at:
        return Resolution(Status.OUT_OF_DATE, target, source)
    return Resolution(Status.UP_TO_DATE, target, source)


def get_status_rows(pages, locales):
    """One :class:`StatusRow` per page of ``pages`` (source pages), with a cell per locale of ``locales``.

    A constant number of queries, whatever the number of pages and locales: the pages of every translation
    key, the translation sources, the translations (with their progress, unreviewed machine translations and
    last synchronisation annotated: :func:`annotate_translation_progress`) and the review states of those
    pages (:func:`get_review_states`).
    """
    pages = list(pages)
    data = StatusData.load({page.translation_key for page in pages})
    reviews = get_review_states(page for page in data.pages.values() if not page.alias_of_id)
    rows = []
    for page in pages:
        row = StatusRow(page=page)
        for locale in locales:
            resolution = resolve_status(page, locale.pk, data)
            cell = StatusCell(
                locale,
                resolution.status,
                resolution.target,
                _action_url(page, locale, resolution),
                progress=resolution.progress,
            )
            if cell.page is not None:
                cell.review = reviews.get(cell.page.pk)
            row.cells.append(cell)
        rows.append(row)
    return rows


def _action_url(page, locale, resolution):
    if resolution.action == "submit":
        submit_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return f"{submit_url}?select_locale={locale.language_code}"
    if resolution.action == "sync":
        return reverse("wagtail_localize:update_translations", args=[resolution.source.pk])
    return reverse("wagtailadmin_pages:edit", args=[resolution.target.pk])


@dataclass
class LanguageSummary:
    """One language of the per-language summary: how many of the report's pages are in each state there."""

    locale: object
    counts: Counter

    @property
    def to_translate(self):
        """The pages written in another language (every state but "source")."""
        return sum(count for status, count in self.counts.items() if status != Status.SOURCE)

    @property
    def up_to_date(self):
        return self.counts[Status.UP_TO_DATE]

    @property
    def percent_up_to_date(self):
        """The share of :attr:`to_translate` that is up to date, a whole number (``None`` when there is none)."""
        if not self.to_translate:
            return None
        return int(100 * self.up_to_date / self.to_translate)

    @property
    def states(self):
        """A :class:`StateCount` for every state but "source", in :data:`STATUS_DISPLAY` order (the summary's
        columns and the segments of its progress bar)."""
        total = self.to_translate
        result, offset = [], 0.0
        for status, display in STATUS_DISPLAY.items():
            if status == Status.SOURCE:
                continue
            percent = 100 * self.counts[status] / total if total else 0.0
            result.append(StateCount(Status(status), display, self.counts[status], percent, offset))
            offset += percent
        return result


@dataclass(frozen=True)
class StateCount:
    """How many pages are in ``status`` in one language, and their share of the pages to translate there
    (``percent``; ``offset`` is the sum of the shares before it, where its segment of the bar starts)."""

    status: Status
    display: StatusDisplay
    count: int
    percent: float
    offset: float

    @property
    def label(self):
        return self.status.label


def get_status_summary(pages, locales):
    """A :class:`LanguageSummary` per locale of ``locales`` for the source pages ``pages`` (a queryset).

    Four queries whatever the number of pages and locales (the pages' :class:`PageFacts`, and
    :meth:`StatusData.load` with the pages' translation keys as a subquery); the states are computed in Python
    from tuples, without ``Page`` instances or URLs.
    """
    facts = [PageFacts(*values) for values in pages.order_by().values_list(*PAGE_FACT_FIELDS)]
    data = StatusData.load(pages.order_by().values("translation_key"), page_instances=False)
    summaries = [LanguageSummary(locale, Counter()) for locale in locales]
    columns = [(summary.locale.pk, summary.counts) for summary in summaries]
    for page in facts:
        for locale_id, counts in columns:
            counts[resolve_status(page, locale_id, data).status] += 1
    return summaries
