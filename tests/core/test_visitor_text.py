"""The visitor-text rule of core.forms (issue #15): C0 control characters refused with an error naming the
field, a length limit on every text field."""

import pytest
from django import forms

from seismic_wagtail.core.forms import (
    VISITOR_TEXT_MAX_LENGTH,
    ControlCharacterValidator,
    HoneypotFormMixin,
    VisitorTextFormMixin,
    has_control_characters,
)


class ExampleForm(VisitorTextFormMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(label="Your name", max_length=20)
    story = forms.CharField(label="Your story", widget=forms.Textarea, required=False)
    email = forms.EmailField(required=False)
    token = forms.UUIDField(required=False)
    count = forms.IntegerField(required=False)


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\r"])
def test_control_characters_are_refused(character):
    assert has_control_characters(f"a{character}b")


@pytest.mark.parametrize("text", ["plain", "tab\there", "two\nlines", "windows\r\nlines", "é ü 😀 \u202e", ""])
def test_tab_newline_and_crlf_are_allowed(text):
    assert not has_control_characters(text)


def test_form_error_names_the_field():
    form = ExampleForm(data={"name": "Ada", "story": "Once\x1b[31m upon"})
    assert not form.is_valid()
    assert form.errors["story"] == ["Remove the control characters from “Your story”: they cannot be stored."]
    assert form.errors["story"].as_data()[0].code == "control_characters"


def test_crlf_from_a_textarea_is_kept():
    form = ExampleForm(data={"name": "Ada", "story": "First line\r\nSecond line"})
    assert form.is_valid(), form.errors


def test_text_fields_without_a_limit_get_the_cap():
    form = ExampleForm()
    assert form.fields["name"].max_length == 20  # its own limit stays
    assert form.fields["story"].max_length == VISITOR_TEXT_MAX_LENGTH
    assert f'maxlength="{VISITOR_TEXT_MAX_LENGTH}"' in str(form["story"])
    form = ExampleForm(data={"name": "Ada", "story": "x" * (VISITOR_TEXT_MAX_LENGTH + 1)})
    assert not form.is_valid() and "story" in form.errors


def test_non_text_fields_and_the_honeypot_are_left_alone():
    form = ExampleForm(data={"name": "Ada", "token": "6f1c1d3c-0d0b-4c53-9f43-8a8b1d9e6c0a", "count": "3"})
    assert form.is_valid(), form.errors
    assert not any(isinstance(v, ControlCharacterValidator) for v in form.fields["token"].validators)
    assert not any(isinstance(v, ControlCharacterValidator) for v in form.fields["seismic_hp_website"].validators)
    bot = ExampleForm(data={"name": "Ada", "seismic_hp_website": "spam\x1b"})
    assert bot.is_valid() and bot.is_bot()  # a bot is not told that its input was refused


def test_the_error_is_translated():
    from django.utils import translation

    with translation.override("de"):
        form = ExampleForm(data={"name": "A\x1bda"})
        form.is_valid()
        assert "Steuerzeichen" in str(form.errors["name"])
