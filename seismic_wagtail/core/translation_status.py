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
    A translation page exists but is not live, or its enabled wagtail-localize ``Translation`` has source
    segments without a valid ``StringTranslation`` in the locale.
``up_to_date``
    A live translation, every segment translated, synchronised since the source last changed.

Beside its state, a cell whose page is in a Wagtail review workflow carries a :class:`ReviewState`: the
page's ``WorkflowState`` while it is in progress (waiting at a task) or needs changes, and the name of its
current task. They come from one more query, whatever the number of pages and locales.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
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
    UP_TO_DATE = "up_to_date", _("Up to date")


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

    @property
    def label(self):
        return Status(self.status).label

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


def get_status_rows(pages, locales):
    """One :class:`StatusRow` per page of ``pages`` (source pages), with a cell per locale of ``locales``.

    A constant number of queries, whatever the number of pages and locales: the pages of every translation
    key, the translation sources, the translations (with their progress and last synchronisation annotated)
    and the review states of those pages (:func:`get_review_states`).
    """
    # Imported here: a site may leave wagtail_localize out of INSTALLED_APPS (then the report is not used).
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource

    pages = list(pages)
    keys = {page.translation_key for page in pages}
    existing = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).only(
            "id",
            "title",
            "translation_key",
            "locale_id",
            "live",
            "alias_of_id",
            "last_published_at",
            "has_unpublished_changes",
        )
    }
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys).only(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__object_id__in=keys, enabled=True)
        .annotate(
            waiting_for_translation=Exists(
                StringSegment.objects.filter(source_id=OuterRef("source_id"))
                .annotate(
                    _target_locale_id=OuterRef("target_locale_id"),
                    is_translated=Exists(
                        StringTranslation.objects.filter(
                            translation_of_id=OuterRef("string_id"),
                            context_id=OuterRef("context_id"),
                            locale_id=OuterRef("_target_locale_id"),
                            has_error=False,
                        )
                    ),
                )
                .filter(is_translated=False)
            ),
            last_synced_at=Subquery(
                TranslationLog.objects.filter(source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id"))
                .order_by("-created_at")
                .values("created_at")[:1]
            ),
        )
        .only("id", "source_id", "target_locale_id")
    }

    reviews = get_review_states(page for page in existing.values() if not page.alias_of_id)

    rows = []
    for page in pages:
        row = StatusRow(page=page)
        source = sources.get((page.translation_key, page.locale_id))
        for locale in locales:
            cell = _cell(page, locale, existing, source, translations)
            if cell.page is not None:
                cell.review = reviews.get(cell.page.pk)
            row.cells.append(cell)
        rows.append(row)
    return rows


def _cell(page, locale, existing, source, translations):
    if locale.pk == page.locale_id:
        return StatusCell(locale, Status.SOURCE, page, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    target = existing.get((page.translation_key, locale.pk))
    if target is None or target.alias_of_id:
        submit_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return StatusCell(locale, Status.MISSING, None, f"{submit_url}?select_locale={locale.language_code}")
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    translation = translations.get((source.pk, locale.pk)) if source is not None else None
    if translation is not None:
        if page.last_published_at is not None and page.last_published_at > source.last_updated_at:
            # Published since its content was last extracted: "Sync translated pages" brings the changes over.
            return StatusCell(
                locale, Status.OUT_OF_DATE, target, reverse("wagtail_localize:update_translations", args=[source.pk])
            )
        synced = translation.last_synced_at
        if synced is None or source.last_updated_at > synced:
            # Extracted again, but this translation was not saved since: its editor publishes the changes.
            return StatusCell(locale, Status.OUT_OF_DATE, target, edit_url)
        if not target.live or translation.waiting_for_translation:
            return StatusCell(locale, Status.IN_PROGRESS, target, edit_url)
        return StatusCell(locale, Status.UP_TO_DATE, target, edit_url)
    # Translated without wagtail-localize (or its synchronisation was stopped): compare publication dates.
    if not target.live:
        return StatusCell(locale, Status.IN_PROGRESS, target, edit_url)
    if page.last_published_at and target.last_published_at and page.last_published_at > target.last_published_at:
        return StatusCell(locale, Status.OUT_OF_DATE, target, edit_url)
    return StatusCell(locale, Status.UP_TO_DATE, target, edit_url)
