"""``seismic_wagtail.core.swappable``: models of other apps by label, ``None`` when their app is not installed."""

import warnings

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from seismic_wagtail.core import menu
from seismic_wagtail.core.swappable import (
    get_model_by_label,
    get_models_by_label,
    get_network_page_model,
    get_network_page_model_string,
    get_story_page_model,
    get_story_page_model_string,
)
from seismic_wagtail.networks.models import NetworkPage
from seismic_wagtail.stories.models import StoryPage, network_page_types
from tests.i18napp.models import TestNetworkPage, TestStoryPage


def test_labels_resolve_to_models_or_none():
    assert get_model_by_label("seismic_stories.StoryPage") is StoryPage
    assert get_model_by_label("seismic_stories.storypage") is StoryPage
    for missing in ("not_installed.Page", "seismic_stories.NoSuchPage", "no-dot", "", None):
        assert get_model_by_label(missing) is None
    with pytest.raises(ImproperlyConfigured, match="not_installed.Page"):
        get_model_by_label("not_installed.Page", required=True)
    assert get_models_by_label(["not_installed.Page", "seismic_networks.NetworkPage", "seismic_stories.StoryPage"]) == [
        NetworkPage,
        StoryPage,
    ]


def test_network_and_story_page_models_follow_the_settings():
    assert (get_network_page_model(), get_network_page_model_string()) == (NetworkPage, "seismic_networks.NetworkPage")
    assert (get_story_page_model(), get_story_page_model_string()) == (StoryPage, "seismic_stories.StoryPage")
    assert network_page_types() == ["seismic_networks.NetworkPage"]
    swapped = {"NETWORK_PAGE_MODEL": "i18napp.TestNetworkPage", "STORY_PAGE_MODEL": "i18napp.TestStoryPage"}
    with override_settings(SEISMIC_WAGTAIL=swapped):
        assert (get_network_page_model(), get_story_page_model()) == (TestNetworkPage, TestStoryPage)
        assert network_page_types() == ["i18napp.TestNetworkPage"]
    with override_settings(SEISMIC_WAGTAIL={"NETWORK_PAGE_MODEL": "seismic_absent.NetworkPage"}):
        assert get_network_page_model() is None
        assert network_page_types() is None  # the story's network chooser offers any page


def test_the_old_menu_module_still_works_and_warns():
    from seismic_wagtail.core import admin

    with pytest.warns(DeprecationWarning, match="seismic_wagtail.core.menu.SeismicMenuMixin"):
        assert admin.SeismicMenuMixin is menu.SeismicMenuMixin
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        import seismic_wagtail.core.admin  # noqa: F401 (Django's admin autodiscovery imports it: no warning)
    with pytest.raises(AttributeError):
        admin.no_such_name  # noqa: B018
