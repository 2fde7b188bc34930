"""Admin viewsets of the networks app: the join requests in the "SEiSMiC" menu group.

Join requests come from visitors only, so nobody adds or copies them in the admin. Users with the "view"
permission of join requests see the list, the details (inspect view) and the export; the applicant's name,
organisation, email, city and project only with ``seismic_networks.view_personal_data``
(:mod:`seismic_wagtail.core.personal_data_views`); users with "change" set the status and internal notes;
"delete" removes requests (e.g. on a data-erasure request). Exports go through the package's safe export path
(:mod:`seismic_wagtail.core.exports`).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from seismic_wagtail.core.exports import SafeExportIndexView
from seismic_wagtail.core.menu import SeismicMenuMixin
from seismic_wagtail.core.personal_data_views import (
    PersonalDataIndexMixin,
    PersonalDataInspectView,
)

from .models import NetworkJoinRequest

try:  # Wagtail >= 8: permission policies are registered per model (an import that may fail, at module level)
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7: the viewset's own ``permission_policy`` is used
    register_permission_policy = None


class JoinRequestPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody creates join requests in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


class JoinRequestIndexView(PersonalDataIndexMixin, SafeExportIndexView):
    """The listing and export; without ``view_personal_data`` the rows are linked by their date."""

    list_display_without_personal_data = ["created_at", "network", "status"]


class NetworkJoinRequestViewSet(SeismicMenuMixin, ModelViewSet):
    model = NetworkJoinRequest
    index_view_class = JoinRequestIndexView
    inspect_view_class = PersonalDataInspectView
    name = "seismic_networks_joinrequest"
    url_prefix = "seismic/join-requests"
    icon = "mail"
    menu_label = _("Join requests")
    menu_order = 200
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "network",
        "name",
        "organisation",
        "email",
        "city",
        "project_description",
        "consent",
        "language",
        "status",
        "notes",
        "created_at",
    ]
    form_fields = ["status", "notes"]
    list_display = ["name", "organisation", "network", "city", "status", "created_at"]
    list_filter = ["status", "network__country", "created_at"]
    search_fields = ["name", "organisation", "email", "city", "project_description"]
    search_backend_name = None
    list_export = [
        "created_at",
        "network.title",
        "network.country.code",
        "name",
        "organisation",
        "email",
        "city",
        "project_description",
        "language",
        "get_status_display",
        "notes",
    ]
    export_headings = {
        "created_at": _("Received"),
        "network.title": _("Network"),
        "network.country.code": _("Country"),
        "get_status_display": _("Status"),
    }
    export_filename = "join-requests"

    if register_permission_policy is None:

        @cached_property
        def permission_policy(self):
            return JoinRequestPermissionPolicy(self.model)

    def get_queryset(self, request):
        return self.model._default_manager.select_related("network")


def register_join_request_permission_policy():
    """Register :class:`JoinRequestPermissionPolicy` for join requests (Wagtail >= 8; a no-op before)."""
    if register_permission_policy is not None:
        register_permission_policy(NetworkJoinRequest, JoinRequestPermissionPolicy(NetworkJoinRequest))
