"""Registers the consultations app's admin pieces: the responses viewset, a dashboard panel, page buttons."""

from wagtail import hooks

from .admin_views import OpenConsultationsPanel, responses_buttons
from .viewsets import ConsultationResponseViewSet


@hooks.register("register_admin_viewset")
def register_consultation_response_viewset():
    return ConsultationResponseViewSet()


@hooks.register("construct_homepage_panels")
def add_open_consultations_panel(request, panels):
    if request.user.has_perm("seismic_consultations.view_consultationresponse"):
        panels.append(OpenConsultationsPanel())


@hooks.register("register_page_listing_more_buttons")
def consultation_listing_buttons(page, user, next_url=None, **kwargs):
    yield from responses_buttons(page, user)


@hooks.register("register_page_header_buttons")
def consultation_header_buttons(page, user, view_name=None, next_url=None, **kwargs):
    yield from responses_buttons(page, user)
