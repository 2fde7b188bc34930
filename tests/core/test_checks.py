"""``manage.py check``: each integration problem of a host site fires its check, and a sound set-up is quiet."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from wagtail.models import Locale

from seismic_wagtail.core import checks
from tests.factories.testapp import SimpleTestPageFactory
from tests.testapp.models import SimpleTestPage

OTHER_BLOCKS = {"title": "page_title", "head": "head_extra", "content": "main", "scripts": None}


def ids(messages):
    return sorted(message.id for message in messages)


def test_the_test_site_is_quiet():
    assert checks.check_base_template() == []
    assert checks.check_file_routes() == []
    assert checks.check_translation_apps() == []
    assert checks.check_locale_middleware() == []


@override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "city/missing.html"})
def test_base_template_missing():
    [error] = checks.check_base_template()
    assert error.id == "seismic_wagtail.E001" and "city/missing.html" in error.msg


@override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "hosts/other_blocks.html"})
def test_base_template_with_other_names_and_no_mapping():
    messages = checks.check_base_template()
    assert ids(messages) == ["seismic_wagtail.E002", "seismic_wagtail.W001", "seismic_wagtail.W003"]
    content = messages[0]
    assert "no block 'content'" in content.msg and "head_extra, main, page_title" in content.hint


@override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "hosts/other_blocks.html", "TEMPLATE_BLOCKS": OTHER_BLOCKS})
def test_base_template_with_a_mapping_is_quiet():
    assert checks.check_base_template() == []


@override_settings(
    SEISMIC_WAGTAIL={"BASE_TEMPLATE": "hosts/tags_only.html", "TEMPLATE_BLOCKS": {"head": None, "scripts": None}}
)
def test_tags_in_an_included_partial_count():
    assert checks.check_base_template() == []


@override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "testapp/other_base.html", "TEMPLATE_BLOCKS": {"scripts": "js"}})
def test_scripts_place_is_checked_only_when_a_page_type_has_scripts(monkeypatch):
    assert checks.check_base_template() == []
    monkeypatch.setattr(SimpleTestPage, "scripts", ["city/map.js"])
    [warning] = checks.check_base_template()
    assert warning.id == "seismic_wagtail.W002" and "{% seismic_scripts %}" in warning.hint


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.testapp.urls_shadow")
def test_a_site_pattern_shadowing_a_live_page(root_page):
    shadowed = SimpleTestPageFactory(parent=root_page, title="Search", slug="search")
    SimpleTestPageFactory(parent=root_page, title="Stories", slug="stories")
    [warning] = checks.check_shadowed_pages()
    assert warning.id == "seismic_wagtail.W004" and warning.obj.pk == shadowed.pk
    assert "/search/" in warning.msg and "tests.testapp.urls_shadow.site_search" in warning.msg


@pytest.mark.django_db
def test_pages_reached_by_wagtail_are_quiet(root_page):
    SimpleTestPageFactory(parent=root_page, title="Search", slug="search")
    assert checks.check_shadowed_pages() == []


@override_settings(ROOT_URLCONF="tests.testapp.urls_shadow")
def test_file_routes_answered_by_an_earlier_pattern():
    [warning] = checks.check_file_routes()
    assert warning.id == "seismic_wagtail.W005" and "xml_files" in warning.msg


@override_settings(ROOT_URLCONF="tests.testapp.urls_without_file_routes")
def test_file_routes_not_included():
    [warning] = checks.check_file_routes()
    assert warning.id == "seismic_wagtail.W005" and "not in the site's URLs" in warning.msg


def test_simple_translation_beside_wagtail_localize(monkeypatch):
    is_installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name == "wagtail.contrib.simple_translation" or is_installed(name)
    )
    [warning] = checks.check_translation_apps()
    assert warning.id == "seismic_wagtail.W006"


@pytest.mark.django_db
def test_locale_whose_language_is_not_configured(locales):
    assert checks.check_locales_have_languages() == []
    Locale.objects.create(language_code="ar")
    [warning] = checks.check_locales_have_languages()
    assert warning.id == "seismic_wagtail.W007" and ": ar." in warning.msg


def test_locale_middleware_missing_or_twice(settings):
    middleware = list(settings.MIDDLEWARE)
    settings.MIDDLEWARE = [name for name in middleware if name != checks.LOCALE_MIDDLEWARE]
    assert ids(checks.check_locale_middleware()) == ["seismic_wagtail.W008"]
    settings.MIDDLEWARE = middleware + [checks.LOCALE_MIDDLEWARE]
    assert ids(checks.check_locale_middleware()) == ["seismic_wagtail.W009"]


def test_rate_limits_in_a_per_process_cache(settings):
    [warning] = checks.check_rate_limit_cache()  # the test settings use LocMemCache
    assert warning.id == "seismic_wagtail.W010" and "LocMemCache" in warning.msg
    settings.SEISMIC_WAGTAIL = {"CONSULTATION_RATE_LIMIT": 0, "JOIN_REQUEST_RATE_LIMIT": 0}
    assert checks.check_rate_limit_cache() == []
    settings.SEISMIC_WAGTAIL = {}
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379"}
    }
    assert checks.check_rate_limit_cache() == []


@pytest.mark.django_db
def test_checks_run_with_manage_py_check():
    with override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "hosts/other_blocks.html"}):
        with pytest.raises(SystemCheckError, match="seismic_wagtail.E002"):
            call_command("check")


# -- The package's own settings ----------------------------------------------------------------------------------


def test_every_setting_has_a_type_check():
    from seismic_wagtail.core.conf import DEFAULTS

    assert set(checks.SETTING_TYPES) == set(DEFAULTS)
    # The defaults themselves pass their own checks.
    assert all(checks.SETTING_TYPES[key][0](value) for key, value in DEFAULTS.items())


def test_the_test_sites_settings_are_quiet():
    assert checks.check_package_settings() == []


@override_settings(SEISMIC_WAGTAIL=[("BASE_TEMPLATE", "base.html")])
def test_settings_not_a_dict():
    [error] = checks.check_package_settings()
    assert error.id == "seismic_wagtail.E003" and "not list" in error.msg
    # The rest of the package reads the defaults meanwhile instead of failing on .get().
    from seismic_wagtail.core.conf import get_setting

    assert get_setting("BASE_TEMPLATE") == "base.html"


@override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLAT": "city/base.html", "CONSULTATION_RATE_LIMIT": 3})
def test_misspelt_key_names_the_one_meant():
    [warning] = checks.check_package_settings()
    assert warning.id == "seismic_wagtail.W011"
    assert "'BASE_TEMPLAT'" in warning.msg and "Did you mean 'BASE_TEMPLATE'?" in warning.hint


@pytest.mark.parametrize(
    "key, value",
    [
        ("CONSULTATION_RATE_LIMIT", -1),
        ("CONSULTATION_RATE_LIMIT", "10"),
        ("JOIN_REQUEST_RATE_PERIOD", True),
        ("INCLUDE_CSS", "yes"),
        ("TEMPLATE_BLOCKS", {"body": "content"}),
        ("TEMPLATE_BLOCKS", ["content"]),
        ("SEARCH_MODELS", "seismic_stories.StoryPage"),
        ("JOIN_REQUEST_FROM_EMAIL", "not an address"),
        ("CONSULTATION_FROM_EMAIL", "agenda at city"),
        ("BASE_TEMPLATE", ""),
    ],
)
def test_wrong_types_are_errors(key, value):
    with override_settings(SEISMIC_WAGTAIL={key: value}):
        [error] = checks.check_package_settings()
    assert error.id == "seismic_wagtail.E004" and key in error.msg and repr(value) in error.msg


@override_settings(
    SEISMIC_WAGTAIL={
        "TEMPLATE_BLOCKS": {"head": None, "content": "main"},
        "JOIN_REQUEST_FROM_EMAIL": "Network <network@city.example>",
        "CONSULTATION_FROM_EMAIL": "agenda@city.example",
        "SEARCH_MODELS": ["seismic_stories.StoryPage", "city_events.EventPage"],
        "NETWORK_PAGE_MODEL": None,
    }
)
def test_good_values_and_labels_of_apps_not_installed_are_quiet():
    assert checks.check_package_settings() == []


@override_settings(SEISMIC_WAGTAIL={"SEARCH_MODELS": ["seismic_stories.StoriesPage", "seismic_stories"]})
def test_model_labels_that_name_no_model():
    errors = checks.check_package_settings()
    assert ids(errors) == ["seismic_wagtail.E005", "seismic_wagtail.E005"]
    assert "did you mean 'StoryPage'?" in errors[0].msg
    assert 'not of the form "app_label.ModelName"' in errors[1].msg


@override_settings(SEISMIC_WAGTAIL={"TRANSLATION_STATUS_APPS": ["seismic_stories", "seismic_storys"]})
def test_translation_status_app_not_installed():
    [warning] = checks.check_package_settings()
    assert warning.id == "seismic_wagtail.W012" and "'seismic_storys'" in warning.msg
    assert "seismic_stories" in warning.hint


@pytest.mark.django_db
@override_settings(SEISMIC_WAGTAIL={"CONSULTATION_RATE_LIMIT": -5})
def test_manage_py_check_fails_on_a_settings_error():
    with pytest.raises(SystemCheckError, match="E004"):
        call_command("check")
