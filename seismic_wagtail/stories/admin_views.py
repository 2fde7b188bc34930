"""Admin views of story syndication (served by the viewsets of :mod:`.viewsets`): the partner sites (listing,
form, "Sync now"), the copied stories (listing, the review of a source's change with its diff, taking or keeping
a version), the warning on a copy's edit view and the dashboard panel of the copies to review.

Permissions are Django's model permissions of :class:`~.models.SyndicationPartner` and
:class:`~.models.SyndicatedStory` (Wagtail's ``ModelPermissionPolicy``): the POST views need "change".
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from laces.components import Component
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import EditView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Locale

from seismic_wagtail.core.exports import SafeExportIndexView
from seismic_wagtail.core.i18n import language_name
from seismic_wagtail.core.models import Theme

from .models import SyndicatedStory, SyndicationPartner, SyndicationStatus
from .syndication.sync import keep_local_version, take_source_version
from .tasks import queue_syndication

#: Permission to review copied stories (take or keep a source's change), also shown on the dashboard.
CHANGE_SYNDICATED_STORY = "seismic_stories.change_syndicatedstory"
VIEW_SYNDICATED_STORY = "seismic_stories.view_syndicatedstory"
#: The URL namespaces the viewsets register (see :mod:`.viewsets`).
PARTNERS_URL_NAMESPACE = "seismic_syndication_partners"
STORIES_URL_NAMESPACE = "seismic_syndicated_stories"


def content_language_choices():
    """``(code, name)`` of the site's content languages (``WAGTAIL_CONTENT_LANGUAGES``, else ``LANGUAGES``)."""
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    return [(code, language_name(code)) for code, _name in languages]


def theme_choices():
    """``(slug, name)`` of the local themes, one per slug, named as in the default locale (else as in any)."""
    default_locale_id = Locale.get_default().pk
    names = {}
    for slug, name, locale_id in Theme.objects.order_by("slug", "pk").values_list("slug", "name", "locale_id"):
        if slug not in names or locale_id == default_locale_id:
            names[slug] = name
    return sorted(names.items(), key=lambda item: item[1].casefold())


# --- Partners -----------------------------------------------------------------------------------------------


class SyndicationPartnerForm(WagtailAdminModelForm):
    """The partner form: languages and themes as checkboxes (stored as JSON lists of codes and slugs).

    A language or theme stored earlier that the site no longer has stays a choice, so saving the form does not
    drop it without the editor seeing it.
    """

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Take only these languages of each story. None chosen: every language this site has."),
    )
    theme_slugs = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Take only stories with one of these themes. None chosen: every theme."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = self.with_stored(content_language_choices(), self.instance.languages)
        self.fields["theme_slugs"].choices = self.with_stored(theme_choices(), self.instance.theme_slugs)

    @staticmethod
    def with_stored(choices, stored):
        known = {value for value, _label in choices}
        return choices + [(value, value) for value in stored or [] if value not in known]


class PartnerStoriesColumn(Column):
    """The number of copied stories (the ``story_count`` annotation of :class:`PartnerIndexView`)."""

    def __init__(self, name="story_count", **kwargs):
        super().__init__(name, label=_("Copied stories"), accessor="story_count", sort_key="story_count", **kwargs)


class PartnerIndexView(SafeExportIndexView):
    """The partners with their health (last successful run, last error) and their number of copied stories,
    counted in the listing's query."""

    default_ordering = "name"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("story_index").annotate(story_count=Count("stories"))

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name"),
            Column("api_url", label=_("API address")),
            Column("story_index", label=_("Story index"), accessor="story_index"),
            DateColumn("last_success_at", label=_("Last successful run"), sort_key="last_success_at"),
            Column(
                "last_error",
                label=_("Last error"),
                accessor=lambda partner: truncatechars(partner.last_error, 80) if partner.last_error else "",
            ),
            PartnerStoriesColumn(),
            Column("active", label=_("Active"), accessor=lambda partner: _("Yes") if partner.active else _("No")),
        ]


#: The counts of a run, in the order the status shows them (keys of ``SyncReport.counts``).
REPORT_COUNTS = [
    ("created", _("created")),
    ("updated", _("updated")),
    ("flagged", _("flagged for review")),
    ("removed", _("removed")),
    ("unchanged", _("unchanged")),
    ("skipped", _("skipped")),
]


class PartnerEditView(EditView):
    """The partner form, with the last run (its counts and error, read-only) and a "Sync now" button above."""

    template_name = "seismic_wagtail/stories/admin/partner_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object.last_report or {}
        context.update(
            {
                "report_counts": [(label, report[key]) for key, label in REPORT_COUNTS if key in report],
                "sync_url": reverse(f"{PARTNERS_URL_NAMESPACE}:sync", args=[self.object.pk]),
                "stories_url": reverse(f"{STORIES_URL_NAMESPACE}:index") + f"?partner={self.object.pk}",
            }
        )
        return context


class SyncNowView(PermissionCheckedMixin, View):
    """POST only: queue a run of one partner (:func:`~.tasks.queue_syndication`), then back to its form."""

    model = SyndicationPartner
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request, pk):
        partner = get_object_or_404(SyndicationPartner, pk=pk)
        queue_syndication(partner)
        messages.success(
            request,
            _("A run of %(partner)s is queued. Its result appears here when it has finished.") % {"partner": partner},
        )
        return redirect(f"{PARTNERS_URL_NAMESPACE}:edit", partner.pk)


# --- Copied stories ---------------------------------------------------------------------------------------------


class SyndicatedStoryFilterSet(WagtailFilterSet):
    class Meta:
        model = SyndicatedStory
        fields = ["partner", "status"]


class StatusColumn(BaseColumn):
    """The status as text in a coloured outline (the colour repeats the text, it never replaces it)."""

    cell_template_name = "seismic_wagtail/stories/admin/syndication_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.status
        context["label"] = instance.get_status_display()
        return context


class LocalCopyColumn(BaseColumn):
    """A link to the copy's page editor, or "Deleted here" when the page is gone."""

    cell_template_name = "seismic_wagtail/stories/admin/syndication_copy_cell.html"


class SourceLinkColumn(BaseColumn):
    """A link to the original at the partner site."""

    cell_template_name = "seismic_wagtail/stories/admin/syndication_source_cell.html"


def source_title(record):
    return record.source_data.get("title") or str(record.source_key)


class SyndicatedStoryIndexView(SafeExportIndexView):
    """The copied stories with their partner and status; the title opens the review view."""

    template_name = "seismic_wagtail/stories/admin/syndicated_story_index.html"
    default_ordering = "-updated_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("partner", "page")

    @cached_property
    def columns(self):
        title_column_class = self._get_title_column_class(TitleColumn)
        return [
            title_column_class(
                "title",
                label=_("Title"),
                accessor=source_title,
                get_url=lambda record: reverse(f"{STORIES_URL_NAMESPACE}:inspect", args=[record.pk]),
            ),
            LocalCopyColumn("page", label=_("Copy here")),
            Column("partner", label=_("Partner"), accessor="partner", sort_key="partner__name"),
            Column("language", label=_("Original language"), accessor=lambda record: language_name(record.language)),
            StatusColumn("status", label=_("Status"), sort_key="status"),
            SourceLinkColumn("source_url", label=_("Original")),
            DateColumn("updated_at", label=_("Last changed"), sort_key="updated_at"),
        ]


class SyndicatedStoryReviewView(InspectView):
    """One copied story: where it comes from, and for a source's change not applied (status "Source updated")
    the changed fields (before and after, a line diff for long text) with the two decisions."""

    template_name = "seismic_wagtail/stories/admin/syndicated_story_review.html"
    page_title = _("Review")

    def get_object(self, queryset=None):
        return get_object_or_404(SyndicatedStory.objects.select_related("partner", "page", "reviewed_by"), pk=self.pk)

    def get_page_subtitle(self):
        return source_title(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        updated = record.status == SyndicationStatus.SOURCE_UPDATED
        context.update(
            {
                "record": record,
                "title": source_title(record),
                "language_name": language_name(record.language),
                "status_updated": updated,
                "status_removed": record.status == SyndicationStatus.SOURCE_REMOVED,
                "changes": record.changed_fields() if updated else [],
                "can_decide": updated and self.user_has_permission("change"),
                "take_url": reverse(f"{STORIES_URL_NAMESPACE}:take", args=[record.pk]),
                "keep_url": reverse(f"{STORIES_URL_NAMESPACE}:keep", args=[record.pk]),
                "page_edit_url": reverse("wagtailadmin_pages:edit", args=[record.page_id]) if record.page_id else "",
            }
        )
        return context


class ReviewDecisionView(PermissionCheckedMixin, View):
    """POST only: decide a copy whose source changed after an editor edited it; back to its review view.

    :meth:`decide` does the work; a record that is not awaiting this decision is left alone."""

    model = SyndicatedStory
    permission_required = "change"
    http_method_names = ["post"]
    success_message = None

    def decide(self, record, user):
        raise NotImplementedError

    def post(self, request, pk):
        record = get_object_or_404(SyndicatedStory.objects.select_related("partner", "page"), pk=pk)
        if record.status != SyndicationStatus.SOURCE_UPDATED or not record.pending_data:
            messages.error(request, _("This story has no change from its source to review."))
        else:
            self.decide(record, request.user)
            messages.success(request, self.success_message % {"title": source_title(record)})
        return redirect(f"{STORIES_URL_NAMESPACE}:inspect", record.pk)


class TakeSourceVersionView(ReviewDecisionView):
    success_message = _("“%(title)s” now has the source’s version; the edits made here are replaced.")

    def decide(self, record, user):
        take_source_version(record, user)


class KeepLocalVersionView(ReviewDecisionView):
    success_message = _("“%(title)s” keeps the version edited here; this change of the source is set aside.")

    def decide(self, record, user):
        keep_local_version(record, user)


def stories_to_review():
    """The copied stories waiting for an editor (the source changed or removed them)."""
    return SyndicatedStory.objects.exclude(status=SyndicationStatus.CURRENT)


class SyndicationReviewPanel(Component):
    """Dashboard panel: how many copied stories wait for review, linked to the filtered listing (one query)."""

    name = "seismic_syndication_review"
    order = 160
    template_name = "seismic_wagtail/stories/admin/syndication_review_panel.html"

    def get_context_data(self, parent_context):
        counts = dict(stories_to_review().order_by().values_list("status").annotate(n=Count("pk")))
        index_url = reverse(f"{STORIES_URL_NAMESPACE}:index")
        return {
            "updated": counts.get(SyndicationStatus.SOURCE_UPDATED, 0),
            "removed": counts.get(SyndicationStatus.SOURCE_REMOVED, 0),
            "updated_url": f"{index_url}?status={SyndicationStatus.SOURCE_UPDATED}",
            "removed_url": f"{index_url}?status={SyndicationStatus.SOURCE_REMOVED}",
        }


def syndication_edit_warning(request, page):
    """On opening a copied story's editor (GET): a warning that it comes from a partner and that editing it
    stops the source's automatic updates. Returns nothing (the editor opens as usual)."""
    if request.method != "GET":
        return
    get_syndication = getattr(page.specific_deferred, "get_syndication", None)
    record = get_syndication() if get_syndication else None
    if record is None:
        return
    messages.warning(
        request,
        _(
            "This story is copied from %(partner)s. Edits made here stop the automatic updates from the source: "
            "its later changes then wait for review under “Syndicated stories”."
        )
        % {"partner": record.partner},
    )
