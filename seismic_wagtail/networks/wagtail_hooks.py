"""Registers the networks app's admin pieces: the join-request viewset, the report's network filter, and the team
of a network created in the admin (:func:`.roles.setup_new_network`)."""

from wagtail import hooks

from seismic_wagtail.core.translation_status import REPORT_FILTER_HOOK

from .models import NetworkPage
from .roles import setup_new_network
from .translation_status import network_report_filter
from .viewsets import NetworkJoinRequestViewSet, register_join_request_permission_policy

register_join_request_permission_policy()


@hooks.register("register_admin_viewset")
def register_join_request_viewset():
    return NetworkJoinRequestViewSet()


@hooks.register(REPORT_FILTER_HOOK)
def register_network_report_filter():
    return network_report_filter()


@hooks.register("after_create_page")
def set_up_network_team(request, page):
    if isinstance(page.specific_deferred, NetworkPage):
        setup_new_network(page)
