"""Settings access for seismic_wagtail.

A site configures the package through one dict in its settings::

    SEISMIC_WAGTAIL = {
        "BASE_TEMPLATE": "base.html",
    }

Every key is optional; :data:`DEFAULTS` lists them with their defaults. Read a value with
``get_setting("BASE_TEMPLATE")``: it is looked up at call time, so ``override_settings`` works in tests.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

#: Every key of ``settings.SEISMIC_WAGTAIL`` with its default.
DEFAULTS = {
    # The template every page of the package extends. It must define the blocks ``title``, ``content``,
    # ``extra_css`` and ``extra_js`` (the ones ``wagtail start`` gives ``base.html``).
    "BASE_TEMPLATE": "base.html",
    # Include the package's small stylesheet (``seismic_wagtail/css/seismic.css``) in ``extra_css``.
    "INCLUDE_CSS": True,
    # The request.META key holding the client address behind a trusted proxy (e.g. "HTTP_X_FORWARDED_FOR");
    # None uses REMOTE_ADDR. Rate limits of the public forms count per client address.
    "CLIENT_IP_HEADER": None,
    # The page types the search page searches ("app_label.ModelName"); types whose app is not installed are
    # left out, so the default works with any subset of the package's apps.
    "SEARCH_MODELS": [
        "seismic_networks.NetworkPage",
        "seismic_networks.EventPage",
        "seismic_stories.StoryPage",
        "seismic_consultations.ConsultationPage",
    ],
}


def get_setting(name):
    """Return ``SEISMIC_WAGTAIL[name]``, or its default from :data:`DEFAULTS`."""
    if name not in DEFAULTS:
        raise ImproperlyConfigured(f"Unknown seismic_wagtail setting {name!r}; known: {sorted(DEFAULTS)}")
    user = getattr(settings, "SEISMIC_WAGTAIL", {}) or {}
    return user.get(name, DEFAULTS[name])
