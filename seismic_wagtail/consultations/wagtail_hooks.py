"""Registers the consultations app's admin pieces: the responses and moderation viewsets, the moderation
actions of the audit log, a dashboard panel, page buttons."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_views import (
    APPROVE_ACTION,
    MODERATE_PERMISSION,
    REJECT_ACTION,
    VIEW_RESPONSES_PERMISSION,
    OpenConsultationsPanel,
    responses_buttons,
)
from .viewsets import ConsultationModerationViewSet, ConsultationResponseViewSet


@hooks.register("register_admin_viewset")
def register_consultation_response_viewset():
    return ConsultationResponseViewSet()


@hooks.register("register_admin_viewset")
def register_consultation_moderation_viewset():
    return ConsultationModerationViewSet()


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(APPROVE_ACTION, _("Approve answer"), _("Answer approved for publication"))
    actions.register_action(REJECT_ACTION, _("Reject answer"), _("Answer rejected for publication"))


@hooks.register("construct_homepage_panels")
def add_open_consultations_panel(request, panels):
    if request.user.has_perm(VIEW_RESPONSES_PERMISSION) or request.user.has_perm(MODERATE_PERMISSION):
        panels.append(OpenConsultationsPanel())


@hooks.register("register_page_listing_more_buttons")
def consultation_listing_buttons(page, user, next_url=None, **kwargs):
    yield from responses_buttons(page, user)


@hooks.register("register_page_header_buttons")
def consultation_header_buttons(page, user, view_name=None, next_url=None, **kwargs):
    yield from responses_buttons(page, user)
