"""The response form of a consultation, built from its StreamField questions.

:func:`build_form_class` makes one Django form class per language version: a field per question
(named ``q_<question id>``), the respondent profile, the publication consent, a hidden submission token
and the honeypot. Choice fields take the language-independent keys as values, so what is stored never
depends on the language the respondent read. Override ``ConsultationPage.get_form_class()`` to use a
subclass of :class:`ConsultationForm`.

Every error names what to do about its own question, in the words of the GOV.UK Design System ("Choose how
high a priority “Energy” should be", "Enter your answer to “What is missing?”"), because the error summary
at the top of the form lists the messages alone, each a link to its field: :func:`question_error_messages`
writes them per question kind; override it (or pass ``error_messages`` in a subclass) to change the wording.
"""

import functools
import uuid

from django import forms
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.choices import BaseChoiceIterator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from seismic_wagtail.core.forms import HoneypotFormMixin, VisitorTextFormMixin

from .questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT, BoundedMemo

#: The form classes of the consultations a worker serves, keyed by the page's ``questions_cache_key``, the
#: base class, what the form reads of the page and the language (:func:`cached_form_class`).
FORM_CLASSES = BoundedMemo(128)


@functools.lru_cache(maxsize=64)
def _country_choices(language):
    return (("", gettext("Choose your country")), *((code, str(name)) for code, name in countries))


@functools.lru_cache(maxsize=1)
def _country_codes():
    return frozenset(code for code, _name in countries)


def country_choices():
    """The country field's choices in the active language, sorted by name (django-countries), with the empty
    "Choose your country" first: built once per language and process (sorting ~250 translated names costs
    about a millisecond) and shared by every form."""
    return _country_choices(get_language())


class CountryChoices(BaseChoiceIterator):
    """:func:`country_choices` as a lazy choice list: Django neither copies nor re-normalises it per form."""

    def __iter__(self):
        return iter(country_choices())


@functools.lru_cache(maxsize=64)
def _country_options(language):
    return tuple((code, escape(code), escape(label)) for code, label in _country_choices(language))


class CountrySelect(forms.Select):
    """The country ``<select>``, its ~250 ``<option>`` elements written in Python, not one template include
    each (which costs ~30 ms a form). The ``<select>`` itself and its attributes come from the template
    ``seismic_wagtail/consultations/widgets/country_select.html``; options as Django's ``select_option.html``
    writes them (``selected`` on the chosen one)."""

    template_name = "seismic_wagtail/consultations/widgets/country_select.html"

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)  # without the per-option dicts
        selected = set(context["widget"]["value"])
        context["widget"]["options_html"] = mark_safe(  # noqa: S308 (every part escaped above)
            "".join(
                f'\n  <option value="{value}"{" selected" if code in selected else ""}>{label}</option>'
                for code, value, label in _country_options(get_language())
            )
        )
        return context


class CountryChoiceField(forms.ChoiceField):
    """A country (django-countries' codes): the choices are shared (:class:`CountryChoices`), a code is
    checked against a set, not by walking the ~250 choices, and :class:`CountrySelect` renders them."""

    widget = CountrySelect

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", CountryChoices())
        super().__init__(**kwargs)

    def valid_value(self, value):
        return str(value) in _country_codes()


@receiver(setting_changed)
def _settings_changed(setting, **kwargs):
    if setting.startswith("COUNTRIES_") or setting in ("LANGUAGE_CODE", "LANGUAGES"):
        _country_choices.cache_clear()
        _country_codes.cache_clear()
        _country_options.cache_clear()
        FORM_CLASSES.clear()


class RankingWidget(forms.MultiWidget):
    """One select per position, each with its own label ("1st place", ...), grouped in a fieldset."""

    template_name = "seismic_wagtail/consultations/widgets/ranking.html"
    use_fieldset = True

    def __init__(self, choices, positions, attrs=None):
        super().__init__([forms.Select(choices=choices) for _position in range(positions)], attrs)

    def decompress(self, value):
        return list(value) if value else []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for position, subwidget in enumerate(context["widget"]["subwidgets"], start=1):
            subwidget["position_label"] = gettext("Place %(position)s") % {"position": position}
        return context


class RankingField(forms.MultiValueField):
    """The keys in rank order (``""`` for a place left empty). Each key may be ranked only once.

    Error codes: ``required`` (nothing ranked), ``incomplete`` (some places empty), ``duplicate``.
    """

    default_error_messages = {
        "duplicate": _("Each choice can be ranked only once."),
        "incomplete": _("Please fill every place."),
    }

    def __init__(self, choices, positions, **kwargs):
        self.positions = positions
        blank = [("", _("Choose…"))]
        fields = [forms.ChoiceField(choices=blank + list(choices), required=False) for _position in range(positions)]
        super().__init__(
            fields=fields, require_all_fields=False, widget=RankingWidget(blank + list(choices), positions), **kwargs
        )

    def compress(self, data_list):
        values = list(data_list or [])
        return values + [""] * (self.positions - len(values)) if values else []

    def validate(self, value):
        super().validate(value)
        filled = [key for key in value if key]
        if len(filled) != len(set(filled)):
            raise forms.ValidationError(self.error_messages["duplicate"], code="duplicate")
        if self.required and len(filled) < self.positions:
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")


class DistinctMultipleChoiceField(forms.MultipleChoiceField):
    """A multiple choice whose repeated values count once (``q_x=a&q_x=a`` is the choice ``a``)."""

    def to_python(self, value):
        return list(dict.fromkeys(super().to_python(value)))


class ConsultationForm(VisitorTextFormMixin, HoneypotFormMixin, forms.Form):
    """The base class of every consultation's form; the question fields are added by :func:`build_form_class`.

    Every text field follows the package's visitor-text rule (:class:`~seismic_wagtail.core.forms.VisitorTextFormMixin`):
    no control characters, and the length limits of the columns the answers are stored in.
    """

    #: Set by :func:`build_form_class`; a form made by ``ConsultationPage.get_form()`` carries the request's
    #: page as ``self.page`` (the class is memoised, so its ``page`` is the one it was first built for).
    page = None
    questions = ()

    respondent_type = forms.ChoiceField(label=_("I am responding as"), widget=forms.RadioSelect)
    organisation_name = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=255,
        help_text=_("Required when you respond on behalf of an organisation."),
    )
    country = CountryChoiceField(label=_("Country"))
    city = forms.CharField(label=_("City"), required=False, max_length=120)
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=255,
        help_text=_("Required if you want your response published with your name."),
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        max_length=254,  # the column's max_length
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    notify_outcome = forms.BooleanField(
        label=_("Email me when the outcome of this consultation is published"), required=False
    )
    consent = forms.ChoiceField(label=_("Publication of your response"), widget=forms.RadioSelect)
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    profile_field_names = ("respondent_type", "organisation_name", "country", "city", "name", "email", "notify_outcome")

    #: The message when a required profile field is left empty (or a choice is not made), by field name.
    profile_required_messages = {
        "respondent_type": _("Choose how you are responding"),
        "country": _("Choose your country"),
        "consent": _("Choose whether we may publish your response"),
        "privacy": _("Confirm that you have read the privacy notice"),
    }

    def __init__(self, *args, page=None, **kwargs):
        from .models import PublicationConsent, RespondentType  # at call time: models.py imports this module

        if page is not None:
            self.page = page
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["respondent_type"].choices = RespondentType.choices
        self.fields["consent"].choices = PublicationConsent.choices
        if self.page is not None and self.page.require_confirmation:
            self.fields["email"].required = True
            self.fields["email"].help_text = _("We send you a link: your response counts once you follow it.")
        else:
            self.fields["email"].help_text = _("Optional. Only the organisers see it.")
        if self.page is not None and self.page.privacy_notice:
            self.fields["privacy"] = forms.BooleanField(label=_("I have read the privacy notice."), required=True)
        for name, message in self.profile_required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
                self.fields[name].error_messages["invalid_choice"] = message
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"

    def question_fields(self):
        return [self[question.field_name] for question in self.questions]

    def profile_fields(self):
        return [self[name] for name in self.profile_field_names]

    def clean(self):
        from .models import ORGANISATION_TYPES, PublicationConsent  # at call time: models.py imports this module

        data = super().clean()
        if data.get("respondent_type") in ORGANISATION_TYPES and not data.get("organisation_name", "").strip():
            self.add_error("organisation_name", _("Enter the name of the organisation you respond for"))
        if data.get("consent") == PublicationConsent.PUBLIC and not (
            data.get("name", "").strip() or data.get("organisation_name", "").strip()
        ):
            self.add_error("name", _("Enter your name, or choose to publish your response anonymously"))
        if data.get("notify_outcome") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter your email address so we can tell you about the outcome"))
        return data


def _formatted_later(message):
    """``message`` for an error Django formats with its parameters (an invalid choice, a length): a "%" in
    the question's text must come out as one "%", not break the formatting."""
    return message.replace("%", "%%")


def question_error_messages(question):
    """The error messages of one question's field (``error_messages``), naming the question.

    Called while the form class is built, in the language of the page being answered.
    """
    quoted = {"question": question.label or question.subject, "subject": question.subject or question.label}
    if question.kind == RATING:
        message = (
            gettext("Choose how high a priority “%(subject)s” should be")
            if question.subject
            else gettext("Choose an answer to “%(question)s”")
        )
        return {"required": message % quoted, "invalid_choice": _formatted_later(message % quoted)}
    if question.kind == SINGLE:
        message = gettext("Choose an answer to “%(question)s”") % quoted
        return {"required": message, "invalid_choice": _formatted_later(message)}
    if question.kind == MULTIPLE:
        message = gettext("Choose at least one answer to “%(question)s”") % quoted
        return {"required": message}
    if question.kind == RANKING:
        message = gettext("Choose an answer for each place in “%(question)s”") % quoted
        return {
            "required": message,
            "incomplete": message,
            "duplicate": gettext("Choose each answer only once in “%(question)s”") % quoted,
        }
    if question.kind == TEXT:
        limit = question.max_length or 0
        too_long = ngettext(
            "Your answer to “%(question)s” must be %(limit)s character or fewer",
            "Your answer to “%(question)s” must be %(limit)s characters or fewer",
            limit,
        ) % {**quoted, "limit": limit}
        return {
            "required": gettext("Enter your answer to “%(question)s”") % quoted,
            "max_length": _formatted_later(too_long),
        }
    return {}


def question_field(question):
    """The form field for one :class:`~.questions.Question`."""
    common = {
        "label": question.label,
        "required": question.required,
        "help_text": question.help_text,
        "error_messages": question_error_messages(question),
    }
    if question.subject and question.kind == RATING:
        common["label"] = f"{question.subject}: {question.label}" if question.label else question.subject
    if question.kind == RATING:
        return forms.TypedChoiceField(
            choices=question.rating_choices, coerce=int, empty_value=None, widget=forms.RadioSelect, **common
        )
    if question.kind == SINGLE:
        return forms.ChoiceField(choices=question.choices, widget=forms.RadioSelect, **common)
    if question.kind == MULTIPLE:
        validators = []
        if question.max_choices:
            limit = question.max_choices
            too_many = ngettext(
                "Choose at most %(limit)s answer to “%(question)s”",
                "Choose at most %(limit)s answers to “%(question)s”",
                limit,
            ) % {"limit": limit, "question": question.label}

            def at_most(value, limit=limit, message=too_many):
                if len(value) > limit:
                    raise forms.ValidationError(message, code="max_choices")

            validators.append(at_most)
        return DistinctMultipleChoiceField(
            choices=question.choices, widget=forms.CheckboxSelectMultiple, validators=validators, **common
        )
    if question.kind == RANKING:
        return RankingField(question.choices, question.rank_positions, **common)
    if question.kind == TEXT:
        return forms.CharField(
            max_length=question.max_length,
            widget=forms.Textarea(attrs={"rows": 5}),
            **common,
        )
    raise ValueError(f"Unknown question kind {question.kind!r}")


def build_form_class(page, base=ConsultationForm):
    """A form class for ``page``: ``base`` plus one field per question of that language version.

    The question fields' error messages are written in the active language: call it with the page's
    language active (``ConsultationPage.get_form_class()`` memoises the class per language)."""
    questions = page.question_list
    attrs = {"page": page, "questions": questions, "field_order": [question.field_name for question in questions]}
    for question in questions:
        attrs[question.field_name] = question_field(question)
    return type(f"{page.__class__.__name__}Form", (base,), attrs)


def cached_form_class(page, base=ConsultationForm):
    """:func:`build_form_class` built once per process for the page's ``questions_cache_key``, ``base``, the
    active language and what ``ConsultationForm.__init__`` reads of the page (``require_confirmation``, a
    privacy notice or none); ``None`` as the key builds it every time. Bounded (:data:`FORM_CLASSES`)."""
    page_key = page.questions_cache_key
    if page_key is None:
        return build_form_class(page, base)
    key = (page_key, base, get_language(), bool(page.require_confirmation), bool(page.privacy_notice))
    return FORM_CLASSES.get_or_set(key, lambda: build_form_class(page, base))
