"""Admin viewsets of the consultations app, in the "SEiSMiC" menu group: the consultation responses and the
moderation queue of published free-text answers."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from seismic_wagtail.core.menu import SeismicMenuMixin
from seismic_wagtail.core.personal_data_views import ErasePersonalDataView

from .admin_views import (
    ConsultationResponseFilterSet,
    ConsultationResponseIndexView,
    ConsultationResponseInspectView,
    ModerateAnswersView,
    ModerationFilterSet,
    ModerationIndexView,
)
from .models import ConsultationAnswer, ConsultationResponse


class ConsultationResponseViewSet(SeismicMenuMixin, ModelViewSet):
    """Responses are made by visitors: the admin lists, filters, exports, inspects (one response with all its
    answers) and deletes them, never edits them."""

    model = ConsultationResponse
    icon = "list-ul"
    menu_label = _("Consultation responses")
    menu_order = 300
    add_to_admin_menu = True
    index_view_class = ConsultationResponseIndexView
    index_results_template_name = "seismic_wagtail/consultations/admin/response_index_results.html"
    inspect_view_enabled = True
    inspect_view_class = ConsultationResponseInspectView
    inspect_view_fields = [
        "page",
        "locale",
        "submitted_at",
        "confirmed",
        "confirmed_at",
        "respondent_type",
        "organisation_name",
        "name",
        "email",
        "country",
        "city",
        "consent",
        "notify_outcome",
        "anonymised_at",
    ]
    # Responses are records made by visitors, not content: indexing their references would cost every
    # submission two more queries and list tens of thousands of responses as "usages" of the consultation page.
    add_to_reference_index = False
    filterset_class = ConsultationResponseFilterSet
    list_export = ConsultationResponseIndexView.export_public_fields
    list_display = ConsultationResponseIndexView.public_columns
    list_per_page = 50
    copy_view_enabled = False
    form_fields = []  # no add or edit views: responses are made by visitors
    name = "seismic_consultation_responses"
    url_prefix = "seismic/consultation-responses"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "copy_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        keep = {"index", "index_results", "inspect", "delete", "usage"}
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]
        # The package-wide erase view (responses, join requests, ...), kept under its first address too.
        patterns.append(path("erase/", ErasePersonalDataView.as_view(), name="erase"))
        return patterns

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="seismic_consultations",
            codename__in=["view_consultationresponse", "delete_consultationresponse", "view_personal_data"],
        )


class ConsultationModerationViewSet(SeismicMenuMixin, ModelViewSet):
    """The moderation queue: free-text answers whose respondent agreed to publication appear on the public
    results page once approved here. Moderators need ``seismic_consultations.change_consultationanswer``
    ("Can change consultation answer", the model's own permission, registered here); the respondent's name
    and email also need ``view_personal_data``. Answers are never added, edited or deleted here."""

    model = ConsultationAnswer
    icon = "tasks"
    menu_label = _("Answers to moderate")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = ModerationIndexView
    add_to_reference_index = False
    filterset_class = ModerationFilterSet
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = []
    name = "seismic_consultation_moderation"
    url_prefix = "seismic/consultation-moderation"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "copy_url_name": None, "delete_url_name": None, **kwargs}
        )

    @property
    def moderate_view(self):
        return self.construct_view(ModerateAnswersView)

    def get_urlpatterns(self):
        keep = {"index", "index_results"}
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]
        patterns.append(path("moderate/", self.moderate_view, name="moderate"))
        return patterns

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="seismic_consultations", codename="change_consultationanswer"
        )
