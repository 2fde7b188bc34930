import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from seismic_wagtail.core.conf import DEFAULTS, get_setting


def test_defaults_apply_without_settings():
    assert get_setting("BASE_TEMPLATE") == DEFAULTS["BASE_TEMPLATE"] == "base.html"


@override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "city/base.html"})
def test_site_setting_overrides_default():
    assert get_setting("BASE_TEMPLATE") == "city/base.html"
    assert get_setting("INCLUDE_CSS") is True


def test_unknown_setting_is_an_error():
    with pytest.raises(ImproperlyConfigured, match="NOPE"):
        get_setting("NOPE")
