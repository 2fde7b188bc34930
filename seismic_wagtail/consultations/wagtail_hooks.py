from wagtail import hooks

from .admin import ConsultationResponseViewSet, OpenConsultationsPanel


@hooks.register("register_admin_viewset")
def register_consultation_response_viewset():
    return ConsultationResponseViewSet()


@hooks.register("construct_homepage_panels")
def add_open_consultations_panel(request, panels):
    if request.user.has_perm("seismic_consultations.view_consultationresponse"):
        panels.append(OpenConsultationsPanel())


def _responses_buttons(page, user):
    """A "Responses" button on consultation pages for users who may see the responses."""
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.widgets.button import Button

    from .models import ConsultationPage

    if page.specific_class is not ConsultationPage and not (
        page.specific_class and issubclass(page.specific_class, ConsultationPage)
    ):
        return
    if not user.has_perm("seismic_consultations.view_consultationresponse"):
        return
    url = reverse("seismic_consultation_responses:index") + f"?consultation={page.translation_key}"
    yield Button(_("Responses"), url=url, icon_name="list-ul", priority=45)


@hooks.register("register_page_listing_more_buttons")
def consultation_listing_buttons(page, user, next_url=None, **kwargs):
    yield from _responses_buttons(page, user)


@hooks.register("register_page_header_buttons")
def consultation_header_buttons(page, user, view_name=None, next_url=None, **kwargs):
    yield from _responses_buttons(page, user)
