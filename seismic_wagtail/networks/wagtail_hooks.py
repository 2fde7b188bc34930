"""Registers the networks app's admin pieces: the join-request viewset and the report's network filter."""

from wagtail import hooks

from seismic_wagtail.core.translation_status import REPORT_FILTER_HOOK

from .translation_status import network_report_filter
from .viewsets import NetworkJoinRequestViewSet, register_join_request_permission_policy

register_join_request_permission_policy()


@hooks.register("register_admin_viewset")
def register_join_request_viewset():
    return NetworkJoinRequestViewSet()


@hooks.register(REPORT_FILTER_HOOK)
def register_network_report_filter():
    return network_report_filter()
