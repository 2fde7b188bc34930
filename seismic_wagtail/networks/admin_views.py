"""Admin views of the join requests, scoped to what the user may see.

Wagtail's generic edit, inspect and history views check the model permission only; a coordinator's
permission is per network (:class:`~.viewsets.JoinRequestPermissionPolicy`), so each view here checks the
object (:class:`ScopedObjectMixin`) and the listing shows only the user's networks' requests.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView

from seismic_wagtail.core.exports import SafeExportIndexView
from seismic_wagtail.core.personal_data_views import PersonalDataIndexMixin, PersonalDataInspectView


class ScopedObjectMixin:
    """Refuse an object the user has no permission for: ``object_action`` ("view", "change", "delete")
    checked with the permission policy's ``user_has_permission_for_instance``."""

    object_action = "view"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        policy = self.permission_policy
        if policy is not None and not policy.user_has_permission_for_instance(
            self.request.user, self.object_action, obj
        ):
            raise PermissionDenied
        return obj


class JoinRequestIndexView(PersonalDataIndexMixin, SafeExportIndexView):
    """The listing and export of the requests the user may see; without ``view_personal_data`` the rows are
    linked by their date."""

    list_display_without_personal_data = ["created_at", "network", "status"]

    def get_base_queryset(self):
        """The requests the user may see, with their network in the same query (the "Network" column)."""
        queryset = super().get_base_queryset().select_related("network")
        return self.permission_policy.scope_queryset(self.request.user, "view", queryset)


class JoinRequestInspectView(ScopedObjectMixin, PersonalDataInspectView):
    object_action = "view"


class JoinRequestEditView(ScopedObjectMixin, EditView):
    """The decision (status and internal notes)."""

    object_action = "change"


class JoinRequestDeleteView(ScopedObjectMixin, DeleteView):
    object_action = "delete"


class JoinRequestHistoryView(ScopedObjectMixin, HistoryView):
    object_action = "view"
