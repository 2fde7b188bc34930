"""One permission model for the personal data the package stores, applied by the admin views.

A model that stores visitors' personal data (``ConsultationResponse``, ``NetworkJoinRequest``) names the
fields that identify a person in ``PERSONAL_FIELDS`` and declares a ``view_personal_data`` permission in its
``Meta.permissions``. The admin shows those fields, in listings (columns), inspect views, search and exports,
only to users with ``<app_label>.view_personal_data``; everyone else with the model's "view" permission sees
the rest (dates, status, network, country, ...).

Why one permission per app, not one for the package: Wagtail's group editor lists permissions per model, so
"Can see the personal data of join applicants" appears beside the join requests' own view/change/delete
permissions and a site can let its network coordinators see applicants without also showing them every
consultation respondent (and the other way round). The rule is the same for both, in this one module.

:class:`ErasePersonalDataView` ("Erase or anonymise by email", linked from both listings) erases through
:mod:`seismic_wagtail.core.personal_data`, in every source whose model the user may delete.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from .personal_data import erase_personal_data, personal_data_sources

PERSONAL_DATA_CODENAME = "view_personal_data"
#: The admin URL of :class:`ErasePersonalDataView` (registered by the core app).
ERASE_URL_NAME = "seismic_erase_personal_data"


def personal_data_permission(model):
    """``"<app_label>.view_personal_data"``: the permission that shows ``model``'s personal fields."""
    return f"{model._meta.app_label}.{PERSONAL_DATA_CODENAME}"


def can_view_personal_data(user, model):
    return user.has_perm(personal_data_permission(model))


def personal_fields(model):
    return tuple(getattr(model, "PERSONAL_FIELDS", ()))


def is_personal(field, model):
    """Whether a listing/export/search field (``"email"``, ``"email.lower"``, ``"name__icontains"``) reads
    one of ``model``'s personal fields."""
    return field.split(".")[0].split("__")[0] in personal_fields(model)


def without_personal_fields(fields, model):
    return [field for field in fields or [] if not is_personal(field, model)]


class PersonalDataIndexMixin:
    """For an ``IndexView`` (listing and export): without the permission, the personal fields leave the
    columns, the export and the search fields (searching by email would reveal it).

    ``list_display_without_personal_data``, when set, replaces the columns for such users (e.g. to put a
    non-personal column first, where the listing links each row). The header menu links to
    :class:`ErasePersonalDataView` for users who may erase something.
    """

    list_display_without_personal_data = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.show_personal_data = can_view_personal_data(request.user, self.model)
        self.restrict_personal_data()

    def restrict_personal_data(self):
        """Remove the personal fields from ``list_display``, ``list_export`` and ``search_fields`` unless the
        user may see them. A subclass that sets these lists in its own ``setup`` calls this again."""
        if self.show_personal_data:
            return
        self.list_display = self.list_display_without_personal_data or without_personal_fields(
            self.list_display, self.model
        )
        self.list_export = without_personal_fields(self.list_export, self.model)
        self.search_fields = without_personal_fields(self.search_fields, self.model) or None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        erase = erase_personal_data_button(self.request.user)
        if erase is not None:
            buttons.append(erase)
        return buttons


class PersonalDataInspectView(InspectView):
    """An inspect view that shows the personal fields only with the permission. (The object's own name,
    shown as the page's title, must not be personal: ``NetworkJoinRequest.__str__`` is not.)"""

    def get_fields(self):
        fields = super().get_fields()
        if can_view_personal_data(self.request.user, self.model):
            return fields
        return without_personal_fields(fields, self.model)


class ErasePersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    action = forms.ChoiceField(
        label=_("What to do"),
        widget=forms.RadioSelect,
        choices=[
            ("anonymise", _("Anonymise: keep the answers for the results, remove who gave them")),
            ("erase", _("Erase: delete the responses and their answers")),
        ],
        initial="anonymise",
    )


def erasable_sources(user):
    """The personal-data sources (:func:`~seismic_wagtail.core.personal_data.personal_data_sources`) whose
    records ``user`` may delete."""
    return [
        source
        for source in personal_data_sources()
        if source.delete_permission is not None and user.has_perm(source.delete_permission)
    ]


class ErasePersonalDataView(WagtailAdminTemplateMixin, FormView):
    """Erase or anonymise everything stored with one email address (a person's request), in every source the
    user may delete from: consultation responses, join requests, a site's own. Users who may delete none get
    a permission error."""

    template_name = "seismic_wagtail/core/admin/erase_personal_data.html"
    form_class = ErasePersonalDataForm
    page_title = _("Erase or anonymise personal data")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        self.sources = erasable_sources(request.user)
        if not self.sources:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sources"] = ", ".join(str(source.model._meta.verbose_name_plural) for source in self.sources)
        return context

    def form_valid(self, form):
        report = erase_personal_data(
            form.cleaned_data["email"],
            anonymise=form.cleaned_data["action"] == "anonymise",
            names=[source.name for source in self.sources],
        )
        for source, action, count in report:
            records = capfirst(source.model._meta.verbose_name_plural)
            if action == "anonymised":
                message = _("%(records)s: %(count)s anonymised.")
            else:
                message = _("%(records)s: %(count)s erased.")
            messages.success(self.request, message % {"records": records, "count": count})
        return redirect(self.request.get_full_path())


def erase_personal_data_button(user):
    """The "Erase or anonymise by email" header button of the listings, for users who may erase something."""
    if not erasable_sources(user):
        return None
    return HeaderButton(_("Erase or anonymise by email"), url=reverse(ERASE_URL_NAME), icon_name="bin", priority=100)
