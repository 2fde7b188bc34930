"""Form pieces shared by the visitor-facing forms of the package (join requests, consultation responses, search).

:class:`HoneypotFormMixin` adds a field that people never see and bots fill in. A view asks
``form.is_bot()`` after validation and, for a bot, answers as if the submission succeeded while storing
nothing. Override :attr:`honeypot_field_name` if a site's own markup already uses the name.

:class:`VisitorTextFormMixin` is the package's one input-cleaning rule for what visitors type: every text
field rejects C0 control characters (all but tab, newline, and a carriage return before a newline, which
browsers send for a textarea's line breaks) with an error that names the field, and every text field has a
length limit (the model column's ``max_length``, or :data:`VISITOR_TEXT_MAX_LENGTH` for free text). Control
characters break exports (spreadsheets and XML refuse them), PostgreSQL text (NUL) and terminals (ESC); no
person types them.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

#: The length limit of a free-text field without a column limit (a project description, a text answer
#: without its own maximum): about two pages of text.
VISITOR_TEXT_MAX_LENGTH = 5000

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|\r(?!\n)")


def has_control_characters(value):
    """Whether ``value`` holds a C0 control character other than tab, newline, or a carriage return that
    starts a CRLF line break."""
    return isinstance(value, str) and _CONTROL_CHARACTERS.search(value) is not None


@deconstructible
class ControlCharacterValidator:
    """Rejects text with C0 control characters (see :func:`has_control_characters`), naming the field."""

    message = _("Remove the control characters from “%(field)s”: they cannot be stored.")
    code = "control_characters"

    def __init__(self, field_label=""):
        self.field_label = field_label

    def __call__(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        if any(has_control_characters(item) for item in values):
            raise ValidationError(self.message, code=self.code, params={"field": self.field_label})

    def __eq__(self, other):
        return isinstance(other, ControlCharacterValidator) and other.field_label == self.field_label


def control_character_error(field_label):
    """The error message of :class:`ControlCharacterValidator` for a field (for input read without a form)."""
    return ControlCharacterValidator.message % {"field": field_label}


class VisitorTextFormMixin(forms.Form):
    """Applies the visitor-text rule to every text field of the form (``CharField`` and its subclasses:
    ``EmailField``, ``URLField``...), including fields a subclass adds in ``__init__`` before calling
    ``super().__init__()`` or declares on the class.

    - C0 control characters are rejected (:class:`ControlCharacterValidator`).
    - A field without ``max_length`` gets :attr:`visitor_text_max_length` (validator and ``maxlength``
      attribute); a ``ModelForm``'s fields already carry their column's ``max_length``.

    Fields named in :attr:`visitor_text_exempt` are left alone (the honeypot: a bot must not learn that its
    input was refused).
    """

    visitor_text_max_length = VISITOR_TEXT_MAX_LENGTH
    visitor_text_exempt = ("seismic_hp_website",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_visitor_text_rule()

    def apply_visitor_text_rule(self):
        """Add the rule to the current fields (call again after adding text fields later)."""
        for name, field in self.fields.items():
            if name in self.visitor_text_exempt or not isinstance(field, forms.CharField):
                continue
            if isinstance(field, forms.UUIDField):  # a CharField whose value is a UUID, not text
                continue
            if not any(isinstance(validator, ControlCharacterValidator) for validator in field.validators):
                field.validators.append(ControlCharacterValidator(field.label or name))
            if field.max_length is None:
                field.max_length = self.visitor_text_max_length
                field.validators.append(MaxLengthValidator(field.max_length))
                field.widget.attrs.update(field.widget_attrs(field.widget))


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
