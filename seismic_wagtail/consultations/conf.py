"""Settings of the consultations app, read from the site's ``SEISMIC_WAGTAIL`` dict.

These keys live here rather than in ``seismic_wagtail.core.conf.DEFAULTS`` so that the app can be installed
on its own; they are documented in ``docs/reference/consultations.md``.
"""

from django.conf import settings

DEFAULTS = {
    # Responses one client address may post to consultations per period (0 turns the limit off).
    "CONSULTATION_RATE_LIMIT": 10,
    # The period of the rate limit, in seconds.
    "CONSULTATION_RATE_PERIOD": 600,
    # How long an email confirmation link stays valid, in seconds (default: 7 days).
    "CONSULTATION_CONFIRMATION_MAX_AGE": 7 * 24 * 3600,
    # How many free-text answers (with publication consent) the public results page shows per question.
    "CONSULTATION_RESULTS_TEXT_ANSWERS": 50,
}


def consultation_setting(name):
    """``SEISMIC_WAGTAIL[name]`` or its default from :data:`DEFAULTS` (read at call time)."""
    user = getattr(settings, "SEISMIC_WAGTAIL", {}) or {}
    return user.get(name, DEFAULTS[name])
