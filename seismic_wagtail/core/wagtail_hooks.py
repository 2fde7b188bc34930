"""Registers the core app's admin pieces: the SEiSMiC menu group, the snippets, the translation status report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin_views import TranslationStatusMenuItem, TranslationStatusReportView
from .menu import SEISMIC_MENU_HOOK, seismic_menu_item
from .personal_data_views import ERASE_URL_NAME, ErasePersonalDataView
from .viewsets import OrganisationViewSet, ThemeViewSet

register_snippet(ThemeViewSet)
register_snippet(OrganisationViewSet)


@hooks.register("register_admin_menu_item")
def register_seismic_menu():
    return seismic_menu_item()


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path("seismic/translation-status/", TranslationStatusReportView.as_view(), name="seismic_translation_status"),
        path(
            "seismic/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="seismic_translation_status_results",
        ),
    ]


@hooks.register("register_admin_urls")
def register_erase_personal_data_url():
    return [path("seismic/erase-personal-data/", ErasePersonalDataView.as_view(), name=ERASE_URL_NAME)]


@hooks.register(SEISMIC_MENU_HOOK)
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("seismic_translation_status"),
        name="seismic-translation-status",
        icon_name="site",
        order=900,
    )
