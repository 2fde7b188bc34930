"""Settings of the networks app, read from the package's one ``SEISMIC_WAGTAIL`` dict.

These keys belong to the networks app, so that a site which does not install it never sees them; they are
documented with the others in ``docs/reference/settings.md``.
"""

from django.conf import settings

#: Keys of ``settings.SEISMIC_WAGTAIL`` read by the networks app, with their defaults.
NETWORK_DEFAULTS = {
    # How many join-request submissions (valid or not) one client may send per period, and the period in
    # seconds. 0 turns the limit off.
    "JOIN_REQUEST_RATE_LIMIT": 5,
    "JOIN_REQUEST_RATE_PERIOD": 3600,
    # The sender of the notification email to a network's contact address; None uses DEFAULT_FROM_EMAIL.
    "JOIN_REQUEST_FROM_EMAIL": None,
}


def get_network_setting(name):
    """Return ``SEISMIC_WAGTAIL[name]`` or its default from :data:`NETWORK_DEFAULTS`."""
    user = getattr(settings, "SEISMIC_WAGTAIL", {}) or {}
    return user.get(name, NETWORK_DEFAULTS[name])
