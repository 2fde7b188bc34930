from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin import SEISMIC_MENU_HOOK, SeismicMenuMixin, seismic_menu_item
from .models import Organisation, Theme


@hooks.register("register_admin_menu_item")
def register_seismic_menu():
    return seismic_menu_item()


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    from .views import TranslationStatusReportView

    return [
        path("seismic/translation-status/", TranslationStatusReportView.as_view(), name="seismic_translation_status"),
        path(
            "seismic/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="seismic_translation_status_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        from .views import PERMISSION

        return request.user.has_perm(PERMISSION)


@hooks.register(SEISMIC_MENU_HOOK)
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("seismic_translation_status"),
        name="seismic-translation-status",
        icon_name="site",
        order=900,
    )


class ThemeViewSet(SeismicMenuMixin, SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_order = 100
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug", "description"]
    search_backend_name = None
    list_export = ["name", "slug", "description", "locale.language_code"]
    export_headings = {"locale.language_code": _("Language")}
    export_filename = "themes"


class OrganisationViewSet(SeismicMenuMixin, SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 110
    list_display = ["name", "acronym", "organisation_type", "country", "city"]
    list_filter = ["organisation_type", "country"]
    search_fields = ["name", "acronym", "city"]
    search_backend_name = None
    list_export = [
        "name",
        "acronym",
        "get_organisation_type_display",
        "country.code",
        "country.name",
        "city",
        "website",
        "locale.language_code",
    ]
    export_headings = {
        "get_organisation_type_display": _("Type"),
        "country.code": _("Country code"),
        "country.name": _("Country"),
        "locale.language_code": _("Language"),
    }
    export_filename = "organisations"


register_snippet(ThemeViewSet)
register_snippet(OrganisationViewSet)
