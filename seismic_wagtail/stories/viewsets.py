"""Admin viewsets of story syndication, in the "SEiSMiC" menu group: the partner sites whose stories this site
copies, and the copied stories (read-only: the engine makes them; editors review a source's change here).

Permissions are the models' own (Wagtail's ``ModelPermissionPolicy``): ``seismic_stories.*_syndicationpartner``
for the partners; view, change (take or keep a source's version) and delete of
``seismic_stories.*_syndicatedstory`` for the copies, which nobody adds in the admin.
"""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from seismic_wagtail.core.menu import SeismicMenuMixin

from .admin_views import (
    PARTNERS_URL_NAMESPACE,
    STORIES_URL_NAMESPACE,
    KeepLocalVersionView,
    PartnerEditView,
    PartnerIndexView,
    SyncNowView,
    SyndicatedStoryFilterSet,
    SyndicatedStoryIndexView,
    SyndicatedStoryReviewView,
    SyndicationPartnerForm,
    TakeSourceVersionView,
)
from .models import SyndicatedStory, SyndicationPartner


class SyndicationPartnerViewSet(SeismicMenuMixin, ModelViewSet):
    """Register a partner site: its API address, what to take (languages, themes, countries; none chosen
    means all) and where the copies go (a story index). The edit view shows the last run and queues a new one
    ("Sync now")."""

    model = SyndicationPartner
    name = PARTNERS_URL_NAMESPACE
    url_prefix = "seismic/syndication/partners"
    icon = "globe"
    menu_label = _("Syndication partners")
    menu_order = 400
    add_to_admin_menu = True
    index_view_class = PartnerIndexView
    edit_view_class = PartnerEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "api_url",
        "story_index",
        "languages",
        "theme_slugs",
        "countries",
        "active",
        "timeout",
        "last_run_at",
        "last_success_at",
        "last_error",
        "last_report",
    ]
    search_fields = ["name", "api_url"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("api_url"),
            FieldPanel("story_index"),
            FieldPanel("languages"),
            FieldPanel("theme_slugs"),
            FieldPanel("countries"),
            FieldRowPanel([FieldPanel("timeout"), FieldPanel("active")]),
        ],
        base_form_class=SyndicationPartnerForm,
    )

    @property
    def sync_view(self):
        return self.construct_view(SyncNowView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("sync/<int:pk>/", self.sync_view, name="sync")]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="seismic_stories",
            codename__in=[f"{action}_syndicationpartner" for action in ("add", "change", "delete", "view")],
        )


class SyndicatedStoryViewSet(SeismicMenuMixin, ModelViewSet):
    """The copied stories, filtered by partner and status; each one's review view shows a source's change that
    was not applied (the copy had been edited here) and takes or keeps it. No add or edit form: the engine
    makes and updates the copies; deleting a record here lets the next run copy the story again."""

    model = SyndicatedStory
    name = STORIES_URL_NAMESPACE
    url_prefix = "seismic/syndication/stories"
    icon = "doc-full-inverse"
    menu_label = _("Syndicated stories")
    menu_order = 410
    add_to_admin_menu = True
    index_view_class = SyndicatedStoryIndexView
    inspect_view_class = SyndicatedStoryReviewView
    inspect_view_enabled = True
    filterset_class = SyndicatedStoryFilterSet
    copy_view_enabled = False
    add_to_reference_index = False
    form_fields = []  # no add or edit views: the engine makes the copies
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "copy_url_name": None, **kwargs}
        )

    @property
    def take_view(self):
        return self.construct_view(TakeSourceVersionView)

    @property
    def keep_view(self):
        return self.construct_view(KeepLocalVersionView)

    def get_urlpatterns(self):
        keep = {"index", "index_results", "inspect", "delete", "usage"}
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]
        patterns += [
            path("take/<int:pk>/", self.take_view, name="take"),
            path("keep/<int:pk>/", self.keep_view, name="keep"),
        ]
        return patterns

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="seismic_stories",
            codename__in=[f"{action}_syndicatedstory" for action in ("change", "delete", "view")],
        )
