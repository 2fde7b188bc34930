"""Form pieces shared by the visitor-facing forms of the package (join requests, consultation responses).

:class:`HoneypotFormMixin` adds a field that people never see and bots fill in. A view asks
``form.is_bot()`` after validation and, for a bot, answers as if the submission succeeded while storing
nothing. Override :attr:`honeypot_field_name` if a site's own markup already uses the name.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotFormMixin(forms.Form):
    """Adds a hidden-from-people text field; anything typed into it marks the submission as a bot's."""

    honeypot_field_name = "seismic_hp_website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field_name] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def is_bot(self):
        """True when the honeypot field was filled in. Call after ``is_valid()``."""
        value = self.data.get(self.add_prefix(self.honeypot_field_name), "")
        return bool(str(value).strip())

    @property
    def honeypot_field(self):
        return self[self.honeypot_field_name]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != self.honeypot_field_name]
