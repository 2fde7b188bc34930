"""The visitor-facing join form of a network page.

:class:`JoinRequestForm` is a ``ModelForm`` of :class:`~seismic_wagtail.networks.models.NetworkJoinRequest`
with the honeypot of :class:`~seismic_wagtail.core.forms.HoneypotFormMixin` and the visitor-text rule of
:class:`~seismic_wagtail.core.forms.VisitorTextFormMixin` (no control characters; the columns' length limits,
and :data:`~seismic_wagtail.core.forms.VISITOR_TEXT_MAX_LENGTH` characters for the project description). A site
carries a hidden submission token (a repeated POST of the same form stores one request). A site
can subclass it and return the subclass from ``NetworkPage.get_join_form_class()``.
"""

import uuid

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.forms import HoneypotFormMixin, VisitorTextFormMixin

from .models import NetworkJoinRequest


class JoinRequestForm(VisitorTextFormMixin, HoneypotFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that my details are stored and used as described in the privacy notice above."),
        required=True,
        error_messages={"required": _("Please agree to the privacy notice, or we cannot store your request.")},
    )
    #: A new token each time the form is shown: posting the same form again stores nothing more. A POST
    #: without one (a page cached before the field existed) gets a fresh token.
    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = NetworkJoinRequest
        fields = ["name", "organisation", "email", "city", "project_description", "consent"]
        labels = {
            "name": _("Your name"),
            "organisation": _("Organisation"),
            "email": _("Email address"),
            "city": _("City"),
            "project_description": _("Your project"),
        }
        help_texts = {
            "organisation": _("Leave empty if you take part in your own name."),
            "email": _("We only use it to answer your request."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "project_description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, network, **kwargs):
        self.network = network
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        for name in ("name", "email", "city", "project_description"):
            self.fields[name].required = True

    def clean(self):
        cleaned_data = super().clean()
        for name in ("name", "organisation", "city", "project_description"):
            if isinstance(cleaned_data.get(name), str):
                cleaned_data[name] = cleaned_data[name].strip()
        return cleaned_data

    def save(self, commit=True):
        join_request = super().save(commit=False)
        join_request.network = self.network
        join_request.language = get_language() or ""
        join_request.token = self.cleaned_data.get("submission_token") or uuid.uuid4()
        if commit:
            join_request.save()
        return join_request
