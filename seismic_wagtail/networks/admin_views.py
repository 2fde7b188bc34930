"""Admin views of the join requests, scoped to what the user may see.

Wagtail's generic edit, inspect and history views check the model permission only; a coordinator's
permission is per network (:class:`~.viewsets.JoinRequestPermissionPolicy`), so each view here checks the
object (:class:`ScopedObjectMixin`) and the listing shows only the user's networks' requests.

The edit view is the one screen where a request is decided: the application as the visitor sent it (read-only,
:class:`ApplicationField`) above the decision form (status and internal notes).
"""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView

from seismic_wagtail.core.exports import SafeExportIndexView
from seismic_wagtail.core.i18n import language_name
from seismic_wagtail.core.personal_data_views import (
    PersonalDataIndexMixin,
    PersonalDataInspectView,
    can_view_personal_data,
    without_personal_fields,
)


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


@dataclass(frozen=True)
class ApplicationField:
    """One field of the application as the edit view shows it: its label, its value and how to show it
    (``kind``: ``"text"``, ``"multiline"``, ``"email"``, ``"datetime"`` or ``"boolean"``)."""

    name: str
    label: str
    value: object
    kind: str = "text"


class JoinRequestEditView(ScopedObjectMixin, EditView):
    """The application (what the applicant sent, read-only) above the decision (status and internal notes).

    The application's fields are :attr:`application_fields`, the applicant's personal ones only for users with
    ``seismic_networks.view_personal_data`` (as in the listing, the inspect view and the export). Override
    :meth:`get_application_fields` to show more or fewer, or the template
    ``seismic_wagtail/networks/admin/join_request_edit.html``.
    """

    object_action = "change"
    template_name = "seismic_wagtail/networks/admin/join_request_edit.html"
    #: What the applicant sent, in order (the decision's fields, ``status`` and ``notes``, are the form).
    application_fields = [
        "network",
        "name",
        "organisation",
        "email",
        "city",
        "project_description",
        "consent",
        "language",
        "created_at",
    ]
    #: How a field is shown when it is not plain text.
    application_field_kinds = {
        "email": "email",
        "project_description": "multiline",
        "consent": "boolean",
        "created_at": "datetime",
    }

    def get_application_fields(self):
        """The :class:`ApplicationField` list for :attr:`object`, without the personal fields when the user may not
        see them."""
        names = self.application_fields
        if not can_view_personal_data(self.request.user, self.model):
            names = without_personal_fields(names, self.model)
        fields = []
        for name in names:
            try:
                label = capfirst(self.model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                label = capfirst(name.replace("_", " "))
            value = getattr(self.object, name)
            if name == "network":
                value = value.title
            elif name == "language" and value:
                value = f"{language_name(value)} ({value})"
            fields.append(ApplicationField(name, label, value, self.application_field_kinds.get(name, "text")))
        return fields

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application_fields"] = self.get_application_fields()
        context["personal_data_hidden"] = not can_view_personal_data(self.request.user, self.model)
        context["application_heading"] = _("Application")
        context["decision_heading"] = _("Decision")
        return context


class JoinRequestDeleteView(ScopedObjectMixin, DeleteView):
    object_action = "delete"


class JoinRequestHistoryView(ScopedObjectMixin, HistoryView):
    object_action = "view"
