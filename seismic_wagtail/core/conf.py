"""Settings access for seismic_wagtail.

A site configures the package through one dict in its settings::

    SEISMIC_WAGTAIL = {
        "BASE_TEMPLATE": "base.html",
    }

Every key is optional; :data:`DEFAULTS` lists them with their defaults. Read a value with
``get_setting("BASE_TEMPLATE")``: it is looked up at call time, so ``override_settings`` works in tests.
"""

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

#: Every key of ``settings.SEISMIC_WAGTAIL`` with its default.
DEFAULTS = {
    # The site's own template that every page of the package extends (see TEMPLATE_BLOCKS).
    "BASE_TEMPLATE": "base.html",
    # The names of the base template's blocks the package fills: "title" (inside <title>), "head" (inside
    # <head>), "content" (the main content) and "scripts" (the end of <body>). The defaults are the blocks
    # ``wagtail start`` gives ``base.html``. A key set to None (or a name the base template lacks) is left
    # alone: put ``{% seismic_head %}`` / ``{% seismic_scripts %}`` in the base template instead. A dict
    # given here is merged with the default one.
    "TEMPLATE_BLOCKS": {"title": "title", "head": "extra_css", "content": "content", "scripts": "extra_js"},
    # The address visitors reach the site at, such as "https://city.example" (no path): absolute URLs in feeds,
    # iCal files, canonical and Open Graph tags, JSON-LD and the sitemap start with it. None: the request's
    # host (checked against ALLOWED_HOSTS), or the Site record's root URL where there is no request.
    "BASE_URL": None,
    # The breadcrumbs every page of the package shows above its content (``{% seismic_breadcrumbs page %}`` in
    # ``seismic_wagtail/core/page.html``): the template that renders them, or None to show none (a site whose
    # base template has breadcrumbs of its own). See docs/how-to/theming.md.
    "BREADCRUMBS_TEMPLATE": "seismic_wagtail/core/includes/breadcrumbs.html",
    # Link the package's stylesheets (``seismic_wagtail/css/seismic.css`` and each page type's own).
    "INCLUDE_CSS": True,
    # Rate limits of the public forms count per client address (docs/how-to/security.md). How many proxies in
    # front of the site append to X-Forwarded-For: the client is the TRUSTED_PROXY_COUNT-th address from the
    # right (never the client-controlled first one); 0 uses REMOTE_ADDR. None: 1 when CLIENT_IP_HEADER is set,
    # else 0.
    "TRUSTED_PROXY_COUNT": None,
    # The request.META key the trusted proxies append client addresses to; None: "HTTP_X_FORWARDED_FOR".
    "CLIENT_IP_HEADER": None,
    # The apps (labels) whose page types the translation status report lists; None: every app whose label
    # starts with "seismic_".
    "TRANSLATION_STATUS_APPS": None,
    # The swappable page models other apps point at ("app_label.ModelName"), read through
    # ``seismic_wagtail.core.swappable``: the network page (the stories' network chooser, the translation
    # status report's network filter) and the story page (a network page's latest stories). A model whose app
    # is not installed is left out. Core itself names the domain apps only here, as setting defaults.
    "NETWORK_PAGE_MODEL": "seismic_networks.NetworkPage",
    "STORY_PAGE_MODEL": "seismic_stories.StoryPage",
    # Consultations: responses one client address may post per period (0 turns the limit off) ...
    "CONSULTATION_RATE_LIMIT": 10,
    # ... and that period, in seconds.
    "CONSULTATION_RATE_PERIOD": 600,
    # How long an email confirmation link of a consultation response stays valid, in seconds (7 days).
    "CONSULTATION_CONFIRMATION_MAX_AGE": 7 * 24 * 3600,
    # The sender of the confirmation email to a consultation respondent; None: DEFAULT_FROM_EMAIL.
    "CONSULTATION_FROM_EMAIL": None,
    # How many published free-text answers a public results page shows per question and per page.
    "CONSULTATION_RESULTS_TEXT_ANSWERS": 10,
    # Networks: join-request submissions (valid or not) one client may send per period (0: no limit) ...
    "JOIN_REQUEST_RATE_LIMIT": 5,
    # ... and that period, in seconds.
    "JOIN_REQUEST_RATE_PERIOD": 3600,
    # Days a join request is kept: `manage.py seismic_purge_personal_data` deletes older ones (None: kept until
    # erased by email or deleted in the admin). See docs/how-to/privacy.md.
    "JOIN_REQUEST_RETENTION_DAYS": None,
    # The sender of the join-request notification to a network's contact address; None: DEFAULT_FROM_EMAIL.
    "JOIN_REQUEST_FROM_EMAIL": None,
    # Roles (``manage.py seismic_roles``, docs/how-to/roles-and-review.md): the names of the groups it creates or,
    # when a group of that name exists, uses. "{network}" is the network page's title in the default language,
    # "{language}" the locale's name. A dict given here is merged with the default one.
    "ROLE_GROUP_NAMES": {
        "central": "SEiSMiC central editors",
        "network_editors": "{network}: national editors",
        "network_coordinators": "{network}: coordinators",
        "translators": "Translators: {language}",
    },
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
    user = getattr(settings, "SEISMIC_WAGTAIL", None) or {}
    if not isinstance(user, Mapping):  # reported by the system check seismic_wagtail.E003
        user = {}
    return user.get(name, DEFAULTS[name])
