"""The example site's machine-translation settings match wagtail-localize's translators (no network)."""

import importlib
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue

EXAMPLE = Path(__file__).resolve().parents[2] / "example_project"


def example_settings(monkeypatch, **env):
    for name in ("DEEPL_API_KEY", "DEEPL_FORMALITY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.syspath_prepend(str(EXAMPLE))
    sys.modules.pop("example.settings.base", None)
    return importlib.import_module("example.settings.base")


def test_no_machine_translator_without_configuration(monkeypatch):
    assert not hasattr(example_settings(monkeypatch), "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


@pytest.mark.django_db
def test_deepl_from_the_environment(monkeypatch, locales):
    settings = example_settings(monkeypatch, DEEPL_API_KEY="abc:fx")
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR):
        translator = get_machine_translator()
    assert isinstance(translator, DeepLTranslator)
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"
    parameters = translator.get_parameters(locales["en"], locales["nb"], [StringValue("Urban mobility")])
    assert parameters["source_lang"] == "EN" and parameters["target_lang"] == "NB"
    assert parameters["formality"] == "prefer_more"
    assert translator.get_headers() == {"Authorization": "DeepL-Auth-Key abc:fx"}


@pytest.mark.django_db
def test_libretranslate_from_the_environment(monkeypatch, locales):
    settings = example_settings(monkeypatch, LIBRETRANSLATE_URL="https://lt.example.org/")
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR):
        translator = get_machine_translator()
    assert isinstance(translator, LibreTranslator)
    assert translator.get_api_endpoint() == "https://lt.example.org"
    assert translator.options["API_KEY"] == ""
    assert translator.can_translate(locales["en"], locales["sv"])
    assert not translator.can_translate(Locale(language_code="en"), Locale(language_code="en"))
