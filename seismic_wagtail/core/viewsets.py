"""Admin viewsets of the core app: the Theme and Organisation snippets, in the SEiSMiC menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .exports import SafeExportSnippetIndexView
from .menu import SeismicMenuMixin
from .models import Organisation, Theme


class ThemeViewSet(SeismicMenuMixin, SnippetViewSet):
    model = Theme
    icon = "tag"
    index_view_class = SafeExportSnippetIndexView
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
    index_view_class = SafeExportSnippetIndexView
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
