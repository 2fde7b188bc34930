"""Find a model of another app by its label, in the spirit of ``wagtail.images.get_image_model()``.

The package's apps never import each other's models: a city installs only the apps it wants. Where one app
needs a model of another (stories point at network pages, a network page lists its latest stories, the
search page searches every page type), it names the model by label and resolves it here, at call time:

- :func:`get_model_by_label` ("app_label.ModelName" -> the model, or ``None`` when the app is not installed);
- :func:`get_models_by_label` for a list of labels (those not installed left out);
- :func:`get_network_page_model` / :func:`get_story_page_model`, the two models other apps point at, named
  by the settings ``NETWORK_PAGE_MODEL`` / ``STORY_PAGE_MODEL`` (a site with its own page type sets them),
  and their ``*_string()`` for a label where Django wants one (``parent_page_types``, a page chooser).

These are the only places core names a domain app's model: as a setting default in :mod:`.conf`, the way
Django's ``AUTH_USER_MODEL`` defaults to ``"auth.User"``.
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from .conf import get_setting


def get_model_by_label(label, required=False):
    """The model named ``"app_label.ModelName"``, or ``None`` when there is no such model (its app is not
    installed, or the label is empty or malformed). With ``required=True`` a missing model raises
    ``ImproperlyConfigured`` instead."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError, AttributeError) as exc:
        if required:
            raise ImproperlyConfigured(f"{label!r} is not an installed model ('app_label.ModelName').") from exc
        return None


def get_models_by_label(labels):
    """The models of ``labels`` that are installed, in order."""
    return [model for model in map(get_model_by_label, labels) if model is not None]


def get_network_page_model_string():
    """The label of the network page model: ``SEISMIC_WAGTAIL["NETWORK_PAGE_MODEL"]``."""
    return get_setting("NETWORK_PAGE_MODEL")


def get_network_page_model(required=False):
    """The network page model, or ``None`` when its app is not installed."""
    return get_model_by_label(get_network_page_model_string(), required=required)


def get_story_page_model_string():
    """The label of the story page model: ``SEISMIC_WAGTAIL["STORY_PAGE_MODEL"]``."""
    return get_setting("STORY_PAGE_MODEL")


def get_story_page_model(required=False):
    """The story page model, or ``None`` when its app is not installed."""
    return get_model_by_label(get_story_page_model_string(), required=required)
