from wagtail import hooks

from .admin import ConsultationResponseViewSet, OpenConsultationsPanel


@hooks.register("register_admin_viewset")
def register_consultation_response_viewset():
    return ConsultationResponseViewSet()


@hooks.register("construct_homepage_panels")
def add_open_consultations_panel(request, panels):
    if request.user.has_perm("seismic_consultations.view_consultationresponse"):
        panels.append(OpenConsultationsPanel())
