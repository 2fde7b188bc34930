"""Admin viewsets of the networks app: the join requests in the "SEiSMiC" menu group.

Join requests come from visitors only, so nobody adds or copies them in the admin. Users with the "view"
permission of join requests see the list, the details (inspect view) and the export; the applicant's name,
organisation, email, city and project only with ``seismic_networks.view_personal_data``
(:mod:`seismic_wagtail.core.personal_data_views`); users with "change" set the status and internal notes;
"delete" removes requests (e.g. on a data-erasure request). Exports go through the package's safe export path
(:mod:`seismic_wagtail.core.exports`).

A network's coordinators (its :class:`~.models.NetworkTeam`) see and decide that network's requests without any
model permission: :class:`JoinRequestPermissionPolicy` scopes them (:mod:`.admin_views` applies it to every view).
"""

from django.contrib.auth import get_user_model
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from seismic_wagtail.core.menu import SeismicMenuMixin

from .admin_views import (
    JoinRequestDeleteView,
    JoinRequestEditView,
    JoinRequestHistoryView,
    JoinRequestIndexView,
    JoinRequestInspectView,
)
from .models import NetworkJoinRequest, NetworkTeam

try:  # Wagtail >= 8: permission policies are registered per model (an import that may fail, at module level)
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7: the viewset's own ``permission_policy`` is used
    register_permission_policy = None


class JoinRequestPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions (all networks' requests), except that nobody adds join requests in the
    admin; and a network's coordinators (the ``coordinators`` group of its :class:`~.models.NetworkTeam`)
    may do :attr:`coordinator_actions` with that network's requests.

    Override :meth:`user_network_keys` to scope by something else (e.g. a site's own team model).
    """

    #: What a coordinator may do with the requests of their network.
    coordinator_actions = ("view", "change")

    def user_network_keys(self, user):
        """The translation keys of the networks whose coordinators ``user`` is among (cached on the user)."""
        if not user.is_active or user.is_anonymous:
            return set()
        cached = getattr(user, "_seismic_coordinated_network_keys", None)
        if cached is None:
            cached = set(NetworkTeam.objects.filter(coordinators__user=user).values_list("network_key", flat=True))
            user._seismic_coordinated_network_keys = cached
        return cached

    def _model_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        if self._model_permission(user, action):
            return True
        return action in self.coordinator_actions and bool(self.user_network_keys(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if self._model_permission(user, action):
            return True
        if action not in self.coordinator_actions:
            return False
        keys = self.user_network_keys(user)
        return bool(keys) and instance.network.translation_key in keys

    def scope_queryset(self, user, action, queryset):
        """``queryset`` narrowed to the requests ``user`` may do ``action`` with."""
        if self._model_permission(user, action):
            return queryset
        if action not in self.coordinator_actions:
            return queryset.none()
        return queryset.filter(network__translation_key__in=self.user_network_keys(user))

    def instances_user_has_any_permission_for(self, user, actions):
        everything = self.model._default_manager.all()
        if any(self._model_permission(user, action) for action in actions):
            return everything
        if any(action in self.coordinator_actions for action in actions):
            return self.scope_queryset(user, "view", everything)
        return everything.none()

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission([action for action in actions if action != "add"])
        if any(action in self.coordinator_actions for action in actions):
            coordinators = get_user_model()._default_manager.filter(
                is_active=True, groups__in=NetworkTeam.objects.values("coordinators")
            )
            users = (users | coordinators).distinct()
        return users


class NetworkJoinRequestViewSet(SeismicMenuMixin, ModelViewSet):
    model = NetworkJoinRequest
    index_view_class = JoinRequestIndexView
    inspect_view_class = JoinRequestInspectView
    edit_view_class = JoinRequestEditView
    delete_view_class = JoinRequestDeleteView
    history_view_class = JoinRequestHistoryView
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


def register_join_request_permission_policy():
    """Register :class:`JoinRequestPermissionPolicy` for join requests (Wagtail >= 8; a no-op before)."""
    if register_permission_policy is not None:
        register_permission_policy(NetworkJoinRequest, JoinRequestPermissionPolicy(NetworkJoinRequest))
